"""The default policy of adviesregels.md (Twente policy 2018, EU thresholds 2022-2027), as data.

This dict is the single source of the default: the data migration of adviezen stores a frozen
copy of it in the database (adviezen/migrations/0002_standaardbeleid.py), and a test asserts both
are the same. Rule ids refer to docs/adviesregels.md.
"""

from .beleid import Beleidsregels

STANDAARDBELEID = {
    "naam": "Standaardbeleid (Twents inkoop- en aanbestedingsbeleid 2018, EU-drempels 2022-2027)",
    "versie": "1",
    "geldig_vanaf": "2018-05-01",
    # P-01 [BELEID, inkoopjaarverslag Enschede 2024]: inkoopmelding from € 25.000.
    "melding_vanaf": "25000",
    # L-00..L-03 [WET]: Directive 2014/24/EU art. 4 as amended by Delegated Regulations
    # (EU) 2021/1952, 2023/2495 and 2025/2152; Annex XIV stays at 750.000.
    "eu_drempels": [
        {"geldig_vanaf": "2022-01-01", "geldig_tot": "2023-12-31", "leveringen_diensten": "215000",
         "centraal": "140000", "werken": "5382000", "sociale_diensten": "750000",
         "nuts_leveringen_diensten": "431000", "nuts_sociale_diensten": "1000000",
         "regel": "L-00", "bron": "Gedelegeerde Verordening (EU) 2021/1952"},
        {"geldig_vanaf": "2024-01-01", "geldig_tot": "2025-12-31", "leveringen_diensten": "221000",
         "centraal": "143000", "werken": "5538000", "sociale_diensten": "750000",
         "nuts_leveringen_diensten": "443000", "nuts_sociale_diensten": "1000000",
         "regel": "L-01", "bron": "Gedelegeerde Verordening (EU) 2023/2495"},
        {"geldig_vanaf": "2026-01-01", "geldig_tot": "2027-12-31", "leveringen_diensten": "216000",
         "centraal": "140000", "werken": "5404000", "sociale_diensten": "750000",
         "nuts_leveringen_diensten": "432000", "nuts_sociale_diensten": "1000000",
         "regel": "L-02", "bron": "Gedelegeerde Verordening (EU) 2025/2152"},
    ],
    # P-10 / P-11 / P-12 [BELEID, Twents inkoopbeleid 2018; A1 from the inkoopjaarverslag 2024].
    "banden": [
        {"soort": "levering", "regel": "P-10", "bron": "Twents inkoop- en aanbestedingsbeleid 2018",
         "banden": [{"vanaf": "0", "procedure": "enkelvoudig"},
                    {"vanaf": "30000", "procedure": "meervoudig_onderhands"}]},
        {"soort": "dienst", "regel": "P-10", "bron": "Twents inkoop- en aanbestedingsbeleid 2018",
         "banden": [{"vanaf": "0", "procedure": "enkelvoudig"},
                    {"vanaf": "30000", "procedure": "meervoudig_onderhands"}]},
        {"soort": "werk", "regel": "P-11", "bron": "Twents inkoop- en aanbestedingsbeleid 2018; ARW 2016",
         "banden": [{"vanaf": "0", "procedure": "enkelvoudig"},
                    {"vanaf": "50000", "procedure": "meervoudig_onderhands"},
                    {"vanaf": "1500000", "procedure": "nationaal_openbaar"}]},
        {"soort": "werk", "werk_categorieen": ["cultuurtechnisch", "gww"], "regel": "P-12",
         "bron": "Inkoopjaarverslag Enschede 2024 (civiel- en cultuurtechnische werken < 3 mln)",
         "banden": [{"vanaf": "0", "procedure": "enkelvoudig"},
                    {"vanaf": "50000", "procedure": "meervoudig_onderhands", "altijd_regionaal": True},
                    {"vanaf": "3000000", "procedure": "nationaal_openbaar"}]},
    ],
    # P-20 / P-21 [Gids Proportionaliteit 3.4B; BELEID].
    "uitnodigen_enkelvoudig": 1,
    "uitnodigen_meervoudig_min": 3,
    "uitnodigen_meervoudig_max": 5,
    "min_regionaal_meervoudig": 2,
    # P-30 [BELEID, Twents SROI-beleid 2017]: from 100.000 (inclusive, A3), 5 % standard.
    "sroi_vanaf": "100000",
    "sroi_percentage": "5",
    "sroi_percentage_verlaagd": "2",
    "sroi_verlaagd_arbeidsaandeel_onder": "30",
    "sroi_soorten": ["dienst", "levering", "sociale_dienst", "werk"],
    "sroi_maatwerk_soorten": ["werk"],
    # P-40 [BELEID, Beleidsregel Wet Bibob gemeente Enschede 2019; inkoopjaarverslag 2024].
    "bibob_branches": ["beveiliging", "bouw", "ict", "milieu", "openbare_orde", "veiligheid", "vervoer"],
    "bibob_vanaf": "0",
    "bibob_risicocategorieen": ["autobanden", "horeca", "kinderdagverblijf", "recreatie", "recycling",
                                "zorgbureau"],
    # L-25 [WET]: Aw 2.19 / Dir. 2014/24 art. 5(10); the greedy order is BELEID.
    "percelen_max_leveringen_diensten": "80000",
    "percelen_max_werken": "1000000",
    "percelen_max_aandeel": "0.20",
    "percelen_selectie": "grootste_eerst",
    # §8 [BELEID]: the six themes of the Manifest MVOI 2022-2025.
    "mvoi_themas": [
        {"code": "klimaat", "naam": "Klimaat",
         "suggestie": "CO₂-reductie en energiezuinigheid als minimumeis of gunningscriterium."},
        {"code": "circulair", "naam": "Circulair (inclusief biobased)",
         "suggestie": "Hergebruik, recyclaat en biobased materialen; terugname aan het eind van de levensduur."},
        {"code": "ketenverantwoordelijkheid", "naam": "Ketenverantwoordelijkheid (internationale sociale voorwaarden)",
         "suggestie": "Internationale sociale voorwaarden (ISV) als contractvoorwaarde bij risicoproducten."},
        {"code": "diversiteit_inclusie", "naam": "Diversiteit en inclusie",
         "suggestie": "Inclusief personeelsbeleid van de opdrachtnemer; toegankelijkheid van het resultaat."},
        {"code": "social_return", "naam": "Social return",
         "suggestie": "SROI-verplichting volgens het Twentse SROI-beleid (bouwblokken Oost-Nederland)."},
        {"code": "milieu", "naam": "Milieu (inclusief biodiversiteit)",
         "suggestie": "Schone materialen, verantwoord water- en bodemgebruik en natuurinclusief werken."},
    ],
    # [AANNAME] Tenderboard from the EU threshold; Gouden Aanbesteding candidates from 100.000.
    "tenderboard_vanaf": None,
    "gouden_aanbesteding_vanaf": "100000",
    "drempel_marge_pct": "10",
    "splitsing_venster_maanden": 12,
}


def standaardbeleid() -> Beleidsregels:
    return Beleidsregels.uit_dict(STANDAARDBELEID)
