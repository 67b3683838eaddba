"""Seed the global default policy (organisatie NULL) so that `manage.py advies` works after `migrate`.

The data is a frozen copy of adviezen/engine/standaard.py at the time of writing (a migration must
not change when the code changes); tests/adviezen/test_beleid_migratie.py asserts they agree.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

STANDAARDBELEID = {'naam': 'Standaardbeleid (Twents inkoop- en aanbestedingsbeleid 2018, EU-drempels 2022-2027)',
 'versie': '1',
 'geldig_vanaf': '2018-05-01',
 'melding_vanaf': '25000',
 'eu_drempels': [{'geldig_vanaf': '2022-01-01',
                  'geldig_tot': '2023-12-31',
                  'leveringen_diensten': '215000',
                  'centraal': '140000',
                  'werken': '5382000',
                  'sociale_diensten': '750000',
                  'nuts_leveringen_diensten': '431000',
                  'nuts_sociale_diensten': '1000000',
                  'regel': 'L-00',
                  'bron': 'Gedelegeerde Verordening (EU) 2021/1952'},
                 {'geldig_vanaf': '2024-01-01',
                  'geldig_tot': '2025-12-31',
                  'leveringen_diensten': '221000',
                  'centraal': '143000',
                  'werken': '5538000',
                  'sociale_diensten': '750000',
                  'nuts_leveringen_diensten': '443000',
                  'nuts_sociale_diensten': '1000000',
                  'regel': 'L-01',
                  'bron': 'Gedelegeerde Verordening (EU) 2023/2495'},
                 {'geldig_vanaf': '2026-01-01',
                  'geldig_tot': '2027-12-31',
                  'leveringen_diensten': '216000',
                  'centraal': '140000',
                  'werken': '5404000',
                  'sociale_diensten': '750000',
                  'nuts_leveringen_diensten': '432000',
                  'nuts_sociale_diensten': '1000000',
                  'regel': 'L-02',
                  'bron': 'Gedelegeerde Verordening (EU) 2025/2152'}],
 'banden': [{'soort': 'levering',
             'regel': 'P-10',
             'bron': 'Twents inkoop- en aanbestedingsbeleid 2018',
             'banden': [{'vanaf': '0', 'procedure': 'enkelvoudig_onderhands'},
                        {'vanaf': '30000', 'procedure': 'meervoudig_onderhands'}]},
            {'soort': 'dienst',
             'regel': 'P-10',
             'bron': 'Twents inkoop- en aanbestedingsbeleid 2018',
             'banden': [{'vanaf': '0', 'procedure': 'enkelvoudig_onderhands'},
                        {'vanaf': '30000', 'procedure': 'meervoudig_onderhands'}]},
            {'soort': 'werk',
             'regel': 'P-11',
             'bron': 'Twents inkoop- en aanbestedingsbeleid 2018; ARW 2016',
             'banden': [{'vanaf': '0', 'procedure': 'enkelvoudig_onderhands'},
                        {'vanaf': '50000', 'procedure': 'meervoudig_onderhands'},
                        {'vanaf': '1500000', 'procedure': 'nationaal_openbaar'}]},
            {'soort': 'werk',
             'werk_categorieen': ['cultuurtechnisch', 'gww'],
             'regel': 'P-12',
             'bron': 'Inkoopjaarverslag Enschede 2024 (civiel- en cultuurtechnische werken < 3 mln)',
             'banden': [{'vanaf': '0', 'procedure': 'enkelvoudig_onderhands'},
                        {'vanaf': '50000', 'procedure': 'meervoudig_onderhands', 'altijd_regionaal': True},
                        {'vanaf': '3000000', 'procedure': 'nationaal_openbaar'}]}],
 'uitnodigen_enkelvoudig': 1,
 'uitnodigen_meervoudig_min': 3,
 'uitnodigen_meervoudig_max': 5,
 'min_regionaal_meervoudig': 2,
 'sroi_vanaf': '100000',
 'sroi_percentage': '5',
 'sroi_percentage_verlaagd': '2',
 'sroi_verlaagd_arbeidsaandeel_onder': '30',
 'sroi_soorten': ['dienst', 'levering', 'sociale_dienst', 'werk'],
 'sroi_maatwerk_soorten': ['werk'],
 'bibob_branches': ['beveiliging', 'bouw', 'ict', 'milieu', 'openbare_orde', 'veiligheid', 'vervoer'],
 'bibob_vanaf': '0',
 'bibob_risicocategorieen': ['autobanden',
                             'horeca',
                             'kinderdagverblijf',
                             'recreatie',
                             'recycling',
                             'zorgbureau'],
 'percelen_max_leveringen_diensten': '80000',
 'percelen_max_werken': '1000000',
 'percelen_max_aandeel': '0.20',
 'percelen_selectie': 'grootste_eerst',
 'mvoi_themas': [{'code': 'klimaat',
                  'naam': 'Klimaat',
                  'suggestie': 'CO₂-reductie en energiezuinigheid als minimumeis of gunningscriterium.'},
                 {'code': 'circulair',
                  'naam': 'Circulair (inclusief biobased)',
                  'suggestie': 'Hergebruik, recyclaat en biobased materialen; terugname aan het eind van de '
                               'levensduur.'},
                 {'code': 'ketenverantwoordelijkheid',
                  'naam': 'Ketenverantwoordelijkheid (internationale sociale voorwaarden)',
                  'suggestie': 'Internationale sociale voorwaarden (ISV) als contractvoorwaarde bij '
                               'risicoproducten.'},
                 {'code': 'diversiteit_inclusie',
                  'naam': 'Diversiteit en inclusie',
                  'suggestie': 'Inclusief personeelsbeleid van de opdrachtnemer; toegankelijkheid van het '
                               'resultaat.'},
                 {'code': 'social_return',
                  'naam': 'Social return',
                  'suggestie': 'SROI-verplichting volgens het Twentse SROI-beleid (bouwblokken '
                               'Oost-Nederland).'},
                 {'code': 'milieu',
                  'naam': 'Milieu (inclusief biodiversiteit)',
                  'suggestie': 'Schone materialen, verantwoord water- en bodemgebruik en natuurinclusief '
                               'werken.'}],
 'tenderboard_vanaf': None,
 'gouden_aanbesteding_vanaf': '100000',
 'drempel_marge_pct': '10',
 'splitsing_venster_maanden': 12}


def standaardbeleid_aanmaken(apps, schema_editor):
    Beleid = apps.get_model("adviezen", "Beleid")
    EuDrempelperiode = apps.get_model("adviezen", "EuDrempelperiode")
    Procedureband = apps.get_model("adviezen", "Procedureband")
    if Beleid.objects.filter(organisatie__isnull=True).exists():
        return
    d = STANDAARDBELEID

    def geld(w):
        return None if w is None else Decimal(w)

    beleid = Beleid.objects.create(
        organisatie=None, naam=d["naam"], geldig_vanaf=date.fromisoformat(d["geldig_vanaf"]),
        toelichting="Standaardbeleid uit adviesregels.md, geladen bij de installatie.",
        melding_vanaf=geld(d["melding_vanaf"]), uitnodigen_enkelvoudig=d["uitnodigen_enkelvoudig"],
        uitnodigen_meervoudig_min=d["uitnodigen_meervoudig_min"],
        uitnodigen_meervoudig_max=d["uitnodigen_meervoudig_max"],
        min_regionaal_meervoudig=d["min_regionaal_meervoudig"], sroi_vanaf=geld(d["sroi_vanaf"]),
        sroi_percentage=geld(d["sroi_percentage"]), sroi_percentage_verlaagd=geld(d["sroi_percentage_verlaagd"]),
        sroi_verlaagd_arbeidsaandeel_onder=geld(d["sroi_verlaagd_arbeidsaandeel_onder"]),
        sroi_soorten=d["sroi_soorten"], sroi_maatwerk_soorten=d["sroi_maatwerk_soorten"],
        bibob_branches=d["bibob_branches"], bibob_vanaf=geld(d["bibob_vanaf"]),
        bibob_risicocategorieen=d["bibob_risicocategorieen"],
        percelen_max_leveringen_diensten=geld(d["percelen_max_leveringen_diensten"]),
        percelen_max_werken=geld(d["percelen_max_werken"]), percelen_max_aandeel=geld(d["percelen_max_aandeel"]),
        percelen_selectie=d["percelen_selectie"], mvoi_themas=d["mvoi_themas"],
        tenderboard_vanaf=geld(d["tenderboard_vanaf"]), gouden_aanbesteding_vanaf=geld(d["gouden_aanbesteding_vanaf"]),
        drempel_marge_pct=geld(d["drempel_marge_pct"]), splitsing_venster_maanden=d["splitsing_venster_maanden"],
    )
    for p in d["eu_drempels"]:
        EuDrempelperiode.objects.create(
            beleid=beleid, geldig_vanaf=date.fromisoformat(p["geldig_vanaf"]),
            geldig_tot=date.fromisoformat(p["geldig_tot"]) if p["geldig_tot"] else None,
            leveringen_diensten=geld(p["leveringen_diensten"]), werken=geld(p["werken"]),
            sociale_diensten=geld(p["sociale_diensten"]), centraal=geld(p["centraal"]),
            nuts_leveringen_diensten=geld(p["nuts_leveringen_diensten"]),
            nuts_sociale_diensten=geld(p["nuts_sociale_diensten"]), regel=p["regel"], bron=p["bron"])
    for s in d["banden"]:
        for categorie in s.get("werk_categorieen") or [""]:
            for b in s["banden"]:
                Procedureband.objects.create(
                    beleid=beleid, soort=s["soort"], werk_categorie=categorie, vanaf=geld(b["vanaf"]),
                    procedure=b["procedure"], altijd_regionaal=b.get("altijd_regionaal", False),
                    regel=s["regel"], bron=s["bron"])


def standaardbeleid_verwijderen(apps, schema_editor):
    Beleid = apps.get_model("adviezen", "Beleid")
    Beleid.objects.filter(organisatie__isnull=True, adviezen__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("adviezen", "0001_initial")]

    operations = [migrations.RunPython(standaardbeleid_aanmaken, standaardbeleid_verwijderen)]
