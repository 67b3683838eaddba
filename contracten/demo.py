"""Demo data of the contracten app for "Gemeente Enschede" (python manage.py demo).

Creates trajecten, contracts, MVOI, SROI, Bibob, complaints and the Werkpakt register such that
`contracten.selectors.jaarcijfers(jaar=2024)` gives exactly the published figures of the
inkoopjaarverslag 2024 (afdeling Inkoop, MVOI, SROI, Werkpakt, integriteit; see the docstrings
in selectors.py for the definitions), with plausible values for what the report does not give.
Winning bidders and contract parties are the large crediteuren of the ledger the uitgaven demo
imported (matched on inkooppakket), and contract values are sized on their spend so that the
signaleringslijst is not flooded. A few contracts end or must decide on an extension in the
months after today, so the inkoopkalender has something to show.

Deterministic (a fixed random seed; dates relative to today only for the calendar contracts) and
idempotent: a second run finds the first traject and does nothing.
"""

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from beleid.begrippen import EUROPESE_PROCEDURES
from inkoop import cijfercache
from inkoop.models import Lidmaatschap, Rol

from .datums import plus_maanden
from .models import (
    BibobToets,
    Contract,
    Inschrijving,
    Klacht,
    MvoiThema,
    MvoiToepassing,
    Perceel,
    SroiKandidaat,
    SroiRealisatie,
    SroiVerplichting,
    Traject,
    Uitnodiging,
    WerkpaktKeurmerkhouder,
)
from .services import afgeleide_termijnen

MARKER = "T2024-001"
ZAAD = 2024

# The published figures (shared/data/enschede/jaarverslag-2024.json), reproduced from records.
SROI_DOEL = {
    2023: {"inkoopwaarde": 193_351_633, "te_realiseren": 5_016_892, "gerealiseerd": 3_507_467, "sociaal": 81_885,
           "kandidaten": 52, "uit_gemeente": 16},
    2024: {"inkoopwaarde": 226_774_352, "te_realiseren": 6_177_968, "gerealiseerd": 5_280_698, "sociaal": 256_547,
           "kandidaten": 70, "uit_gemeente": 15},
}

# (omschrijving, pakketcode of the winner, lots) per kind of contract.
WERKEN = [
    ("Groot onderhoud asfaltwegen gemeenten Enschede en Losser", "08.01", ["Asfaltonderhoud Enschede", "Asfaltonderhoud Losser"]),
    ("Vervanging riolering Pathmos", "08.04", []),
    ("Groenonderhoud openbare ruimte", "08.02", ["Stadsdeel Noord", "Stadsdeel Zuid", "Stadsdeel Oost"]),
    ("Vervanging openbare verlichting door LED", "08.03", []),
    ("Verduurzaming IJsbaan Twente", "07.03", []),
    ("Duurzaamheidsmaatregelen Sporthal De Brug", "07.02", []),
    ("Nieuwbouw zwembad Aquadrome: installaties", "07.03", []),
    ("Reconstructie Hengelosestraat", "08.01", []),
    ("Dakrenovatie stadskantoor", "07.02", []),
    ("Herinrichting Oude Markt", "08.01", []),
    ("Bouw- en woonrijp maken Kennispark fase 3", "08.04", []),
    ("Onderhoud bruggen en tunnels", "08.01", []),
    ("Nieuwbouw gymzaal Pathmos", "07.01", []),
    ("Baggerwerkzaamheden stadsvijvers", "08.02", []),
    ("Plaatsing ondergrondse afvalcontainers", "08.05", []),
    ("Renovatie speelplaatsen", "08.02", []),
    ("Rioolrenovatie Roombeek", "08.04", []),
    ("Fietspad Twekkelerweg", "08.01", []),
    ("Klimaatadaptatie Boswinkel: afkoppelen hemelwater", "08.04", []),
    ("Renovatie wijkcentrum Velve-Lindenhof", "07.02", []),
]
LEVERINGEN = [
    ("Hulpmiddelen Wmo: rolstoelen en scootmobielen", "10.04", ["Rolstoelen", "Scootmobielen"]),
    ("Levering energie gemeentelijke gebouwen", "07.05", ["Elektriciteit", "Gas"]),
    ("Elektrische bedrijfsvoertuigen buitendienst", "06.01", []),
    ("Kantoormeubilair stadskantoor", "02.02", []),
    ("Werkplekapparatuur: laptops en monitoren", "03.02", []),
    ("Drukwerk en papier", "02.03", []),
    ("Bomen en beplanting", "08.02", []),
    ("Brandstoffen wagenpark (HVO)", "06.02", []),
    ("Telefonie en mobiele abonnementen", "03.03", []),
    ("Kantoorartikelen", "02.01", []),
    ("Straatmeubilair binnenstad", "08.01", []),
    ("Woningaanpassingen en trapliften Wmo", "10.04", []),
]
DIENSTEN = [
    ("Schoonmaakdiensten gemeentelijke gebouwen", "07.04", ["Stadhuis en stadskantoor", "Wijkcentra en sporthallen"]),
    ("Beveiliging stadhuis en stadskantoor", "09.01", []),
    ("Leerlingenvervoer", "10.05", ["Regulier vervoer", "Aangepast vervoer"]),
    ("Jeugdhulp ambulante begeleiding", "10.01", []),
    ("Wmo begeleiding", "10.02", []),
    ("Wmo huishoudelijke ondersteuning", "10.03", []),
    ("Beschermd wonen", "10.06", []),
    ("Re-integratiedienstverlening", "10.07", []),
    ("Inhuur tijdelijk personeel schaal 10 en hoger", "04.01", []),
    ("Uitzendkrachten", "04.03", []),
    ("Accountantsdiensten", "05.04", []),
    ("Juridisch advies", "05.01", []),
    ("Archiefbewerking: digitalisering bouwdossiers", "03.04", []),
    ("Beheer ICT-infrastructuur", "03.04", []),
    ("Zaaksysteem (softwareapplicatie)", "03.01", []),
    ("Arbodienstverlening", "01.02", []),
    ("Leiderschapsprogramma", "01.01", []),
    ("Werving en selectie", "01.03", []),
    ("Toezicht en handhaving parkeren", "09.03", []),
    ("Brandveiligheidscontroles", "09.02", []),
    ("Onderhoud voertuigen", "06.03", []),
    ("Organisatieadvies", "05.02", []),
    ("Onderzoek en beleidsadvies", "05.03", []),
    ("Inzameling huishoudelijk afval", "08.05", []),
    ("Inhuur tijdelijk personeel tot schaal 10", "04.02", []),
]
VERBONDEN_PARTIJEN = ["Sportaal", "Sportaal", "Sportaal", "Regio Twente", "Stadsbank Oost Nederland",
                      "Veiligheidsregio Twente", "Omgevingsdienst Twente"]
VERBONDEN_OPDRACHTEN = [
    ("Schoonmaak sportaccommodaties", "dienst"), ("Onderhoud kunstgrasvelden", "werk"),
    ("Zwembadinstallaties", "werk"), ("Inhuur zweminstructeurs", "dienst"), ("Kassasystemen", "levering"),
    ("Verzekeringen", "dienst"), ("ICT-beheer", "dienst"), ("Bedrijfskleding", "levering"),
    ("Accountantsdiensten", "dienst"), ("Onderhoud sporthallen", "werk"), ("Energie", "levering"),
    ("Beveiliging", "dienst"),
]
AFDELING_PER_PAKKET = {
    "08.01": "Wegen", "08.02": "Groen", "08.03": "Wegen", "08.04": "Riolering", "08.05": "Afval",
    "07": "Vastgoed", "10.01": "Jeugd", "10.02": "Wmo", "10.03": "Wmo", "10.04": "Wmo", "10.05": "Onderwijs",
    "10.06": "Beschermd wonen", "10.07": "Participatie", "03": "ICT", "04": "HRM", "01": "HRM", "05": "Concernstaf",
    "02": "Facilitair", "06": "Facilitair", "09": "Veiligheid",
}
MVOI_PER_SOORT = {
    # theme -> (chance applied, ways to choose from); the Manifest's themes that fit the kind of contract
    "werk": {"klimaat": (0.9, ["gunning", "min"]), "circulair": (0.8, ["min", "gunning"]),
             "milieu": (0.7, ["min"]), "social_return": (0.9, ["contract"]),
             "ketenverantwoordelijkheid": (0.3, ["min"]), "diversiteit_inclusie": (0.1, ["gunning"])},
    "levering": {"klimaat": (0.6, ["min"]), "circulair": (0.8, ["min", "gunning"]),
                 "ketenverantwoordelijkheid": (0.7, ["min", "contract"]), "milieu": (0.4, ["min"]),
                 "social_return": (0.5, ["contract"]), "diversiteit_inclusie": (0.1, ["gunning"])},
    "dienst": {"social_return": (0.8, ["contract"]), "diversiteit_inclusie": (0.4, ["gunning", "contract"]),
               "klimaat": (0.4, ["min"]), "ketenverantwoordelijkheid": (0.2, ["min"]), "circulair": (0.2, ["min"]),
               "milieu": (0.2, ["min"])},
}
REDENEN = {
    "klimaat": "Geen relevante CO2-uitstoot in deze opdracht.",
    "circulair": "Geen materiaalstromen van betekenis.",
    "ketenverantwoordelijkheid": "Geen productie in risicolanden.",
    "diversiteit_inclusie": "Kleine opdracht; geen personeelsinzet van betekenis.",
    "social_return": "Onder de drempel van € 100.000.",
    "milieu": "Geen milieu-impact van betekenis.",
}
# Deliberate findings of the demo's signaleringslijst 2024 (docs/demo.md): older contracts whose
# procedure was too light for their value. (soort, value from, value below, procedure, reason)
BEWUSTE_BEVINDINGEN = {
    "werk-nationaal": ("werk", Decimal(1_500_000), Decimal(5_538_000), "meervoudig_onderhands",
                       "meervoudig onderhands gegund waar het beleid nationaal openbaar vraagt."),
    "werk-europees": ("werk", Decimal(5_538_000), Decimal(10**12), "meervoudig_onderhands",
                      "meervoudig onderhands gegund boven de Europese drempel voor werken."),
    "dienst-europees": ("dienst", Decimal(221_000), Decimal(10**12), "meervoudig_onderhands",
                        "meervoudig onderhands gegund boven de Europese drempel voor diensten."),
    "levering-enkelvoudig": ("levering", Decimal(30_000), Decimal(221_000), "enkelvoudig",
                             "één offerte gevraagd waar het beleid een meervoudig onderhandse procedure vraagt."),
}
# Crediteuren with spend over their band in 2024 left without a contract on purpose.
ZONDER_CONTRACT = 6
BIBOB_BRANCHES_2024 = ["bouw"] * 14 + ["milieu"] * 9 + ["zorg"] * 4 + ["beveiliging"] * 2 + \
    ["externe_inhuur"] * 2 + ["archief"] + ["ict"]


def laad(organisatie, *, stdout):
    if Traject.objects.filter(organisatie=organisatie, nummer=MARKER).exists():
        stdout.write("contracten: demo-trajecten en -contracten staan er al.")
        return
    with transaction.atomic():
        demo = _Demo(organisatie)
        demo.bouw()
        cijfercache.versie_ophogen(organisatie_id=organisatie.pk)
    stdout.write(f"contracten: {demo.n_trajecten} trajecten, {demo.n_contracten} contracten, "
                 f"{demo.n_realisaties} SROI-realisaties, {demo.n_werkpakt} Werkpakt-keurmerkhouders.")


def _euro(x) -> Decimal:
    return Decimal(int(round(x)))


def _verdeel(totaal: int, gewichten: list[float]) -> list[int]:
    """Whole euros in proportion to the weights that add up to exactly `totaal` (largest remainder)."""
    som = sum(gewichten)
    if som <= 0:
        gewichten, som = [1.0] * len(gewichten), float(len(gewichten))
    ruw = [totaal * g / som for g in gewichten]
    basis = [int(r) for r in ruw]
    rest = totaal - sum(basis)
    volgorde = sorted(range(len(ruw)), key=lambda i: (-(ruw[i] - basis[i]), i))
    for i in volgorde[:rest]:
        basis[i] += 1
    return basis


def _vul(totaal: int, items: list[tuple]) -> dict:
    """Distribute whole euros over (key, weight, cap) in proportion to the weights, never above a
    cap (water-filling), adding up to exactly `totaal`."""
    if totaal > sum(cap for _k, _w, cap in items):
        raise ValueError("SROI-demo: meer te verdelen dan de verplichtingen toelaten.")
    uit, rest = {}, totaal
    open_ = sorted(items, key=lambda i: (i[2] / i[1]) if i[1] > 0 else float("inf"))
    while open_:
        gewicht = sum(max(w, 1e-9) for _k, w, _c in open_)
        k, w, cap = open_[0]
        if rest * max(w, 1e-9) / gewicht >= cap:
            uit[k] = cap
            rest -= cap
            open_.pop(0)
            continue
        verdeeld = _verdeel(rest, [max(w, 1e-9) for _k, w, _c in open_])
        overloop = 0
        for (k2, _w2, cap2), e in zip(open_, verdeeld, strict=True):
            uit[k2] = min(e, cap2)
            overloop += e - uit[k2]
        for k2, _w2, cap2 in open_:  # rounding may push one euro over a cap: give it to another
            if overloop and uit[k2] < cap2:
                plus = min(overloop, cap2 - uit[k2])
                uit[k2] += plus
                overloop -= plus
        break
    return uit


def _dagen_in_jaar(start: date, eind: date | None, jaar: int) -> int:
    a, b = max(start, date(jaar, 1, 1)), min(eind or date(2100, 1, 1), date(jaar, 12, 31))
    return max(0, (b - a).days + 1)


class _Demo:
    def __init__(self, organisatie):
        self.org = organisatie
        self.rng = random.Random(ZAAD)
        self.vandaag = timezone.localdate()
        leden = {lid.gebruiker.username: lid.gebruiker for lid in
                 Lidmaatschap.objects.filter(organisatie=organisatie).select_related("gebruiker")}
        self.inkoper = leden.get("inkoper") or next(
            (lid.gebruiker for lid in Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.INKOPER)), None)
        self.budgethouder = leden.get("budgethouder")
        self.bh_afdeling = (Lidmaatschap.objects.filter(gebruiker=self.budgethouder, organisatie=organisatie)
                            .values_list("afdeling", flat=True).first() if self.budgethouder else "") or "Wegen"
        self._crediteuren_laden()
        self.trajecten: list[Traject] = []
        self.nummers = defaultdict(int)
        self.contract_specs = []  # dicts, turned into Contract objects in _contracten_opslaan
        self.n_trajecten = self.n_contracten = self.n_realisaties = self.n_werkpakt = 0

    # ---------------------------------------------------------------------------------- ledger
    def _crediteuren_laden(self):
        from uitgaven.models import Crediteur, Factuurregel, Jaaromzet

        rijen = (Jaaromzet.objects.filter(organisatie=self.org).values("crediteur", "boekjaar")
                 .annotate(s=Sum("bedrag")))
        if not rijen.exists():
            rijen = (Factuurregel.objects.filter(organisatie=self.org).values("crediteur", "boekjaar")
                     .annotate(s=Sum("bedrag")))
        self.spend = defaultdict(dict)
        for r in rijen:
            self.spend[r["crediteur"]][r["boekjaar"]] = float(r["s"] or 0)
        crediteuren = {c.pk: c for c in Crediteur.objects.filter(organisatie=self.org).select_related("inkooppakket")}
        self.crediteuren = crediteuren
        per_pakket = defaultdict(list)
        for c in crediteuren.values():
            if c.inkooppakket_id and self.spend.get(c.pk):
                per_pakket[c.inkooppakket.code].append(c)
        for lijst in per_pakket.values():
            lijst.sort(key=lambda c: (-self._jaarspend(c, 2024), c.nummer))
        self.per_pakket = per_pakket
        self.gebruikt: set[int] = set()

    def _jaarspend(self, c, jaar) -> float:
        return self.spend.get(c.pk, {}).get(jaar, 0.0) if c else 0.0

    def _kies_crediteur(self, pakket: str, vrij=True, past=None):
        """The largest free crediteur of the pakket (else of its category); `past` limits the choice
        to suppliers whose spend fits the procedure (a meervoudig onderhandse winner stays under
        the next band)."""
        past = past or (lambda c: True)
        kandidaten = self.per_pakket.get(pakket) or []
        for c in kandidaten:
            if (not vrij or c.pk not in self.gebruikt) and past(c):
                self.gebruikt.add(c.pk)
                return c
        # Same category, another pakket.
        for code, lijst in sorted(self.per_pakket.items()):
            if code[:2] == pakket[:2]:
                for c in lijst:
                    if c.pk not in self.gebruikt and past(c):
                        self.gebruikt.add(c.pk)
                        return c
        return None

    def _andere_bieders(self, pakket: str, winnaar, n: int):
        lijst = [c for c in self.per_pakket.get(pakket, []) if c != winnaar][:12]
        self.rng.shuffle(lijst)
        namen = [(c.naam, c, (c.regio in ("Lokaal", "Regio Twente"))) for c in lijst[:n]]
        while len(namen) < n:
            namen.append((f"{self.rng.choice(['Twentse', 'Oost-Nederlandse', 'Nationale'])} "
                          f"{self.rng.choice(['Dienstverlening', 'Bouwcombinatie', 'Groep', 'Partners'])} "
                          f"{len(namen) + 1} B.V.", None, False))
        return namen

    def _waarde(self, crediteur, start: date, eind: date, minimum: float) -> float:
        """A contract value that covers the crediteur's spend within the term (with 15 % headroom),
        so that the demo does not report its own contracts as exceeded."""
        if crediteur is None or not self.spend.get(crediteur.pk):
            return max(minimum, 0)
        jaren = self.spend[crediteur.pk]
        laatste = jaren.get(max(jaren)) or 0
        totaal = 0.0
        for jaar in range(start.year, eind.year + 1):
            deel = _dagen_in_jaar(start, eind, jaar) / (366 if jaar % 4 == 0 else 365)
            totaal += deel * (jaren.get(jaar, laatste if jaar > max(jaren) else 0.0))
        return max(minimum, totaal * 1.15)

    # ---------------------------------------------------------------------------------- helpers
    def _datum(self, van: date, tot: date) -> date:
        if tot <= van:
            return van
        return van + timedelta(days=self.rng.randint(0, (tot - van).days))

    def _nummer(self, prefix: str, jaar: int) -> str:
        self.nummers[(prefix, jaar)] += 1
        return f"{prefix}{jaar}-{self.nummers[(prefix, jaar)]:03d}"

    def _afdeling(self, pakket: str) -> str:
        return AFDELING_PER_PAKKET.get(pakket) or AFDELING_PER_PAKKET.get(pakket[:2], "Facilitair")

    # ---------------------------------------------------------------------------------- build
    def bouw(self):
        self._trajecten_plannen()
        self._trajecten_opslaan()
        self._bestaande_contracten()
        self._kalendercontracten()
        self._contracten_opslaan()
        self._sroi()
        self._bibob_en_klachten()
        self._werkpakt()
        self._procedures_vastleggen()
        self._contractregister()

    def _traject_spec(self, *, procedure, soort, start, status, afgerond=None, ingetrokken=None,
                      verbonden_partij="", begeleid=True, bron=None, zonder_mvoi=False, gouden=False):
        if bron is None:
            pool = {"werk": WERKEN, "levering": LEVERINGEN, "dienst": DIENSTEN}[soort]
            bron = pool[self._pool_index[soort] % len(pool)]
            self._pool_index[soort] += 1
        omschrijving, pakket, percelen = bron
        if verbonden_partij:
            percelen = []
        publicatie = None
        if status in ("lopend", "afgerond") or (status == "ingetrokken" and self.rng.random() < 0.5):
            publicatie = start + timedelta(days=self.rng.randint(30, 90))
            grens = afgerond or ingetrokken
            if grens and publicatie > grens:
                publicatie = grens - timedelta(days=7)
        return {"procedure": procedure, "soort": soort, "startdatum": start, "status": status,
                "publicatiedatum": publicatie, "afgerond_op": afgerond, "ingetrokken_op": ingetrokken,
                "verbonden_partij": verbonden_partij, "begeleid": begeleid, "omschrijving": omschrijving,
                "pakket": pakket, "percelen": percelen, "zonder_mvoi": zonder_mvoi, "gouden": gouden}

    def _trajecten_plannen(self):
        """The trajecten, with the counts of the 2024 report (comments give the figure they feed)."""
        self._pool_index = defaultdict(int)
        specs = []
        r = self.rng

        def afgerond_in(jaar, van_maand=1):
            eind = date(jaar, 12, 20)
            af = self._datum(date(jaar, van_maand, 1), eind)
            start = af - timedelta(days=r.randint(120, 300))
            return start, af

        # 2024, completed, own organisation: the 46 tenders of the MVOI figures (20 EU + 26 MO).
        soorten_eu = ["werk"] * 8 + ["levering"] * 6 + ["dienst"] * 6
        soorten_mo = ["werk"] * 10 + ["levering"] * 6 + ["dienst"] * 10
        for i, soort in enumerate(soorten_eu):
            start, af = afgerond_in(2024)
            proc = "sociaal_en_specifiek" if soort == "dienst" and i % 3 == 0 else "europees_openbaar"
            bron = WERKEN[0] if i == 0 else None
            specs.append(self._traject_spec(procedure=proc, soort=soort, start=start, status="afgerond", afgerond=af,
                                            bron=bron, gouden=i in (0, 4)))
        for i, soort in enumerate(soorten_mo):
            start, af = afgerond_in(2024)
            # One small service without any theme: 45 of 46 = 98 %, and ~0 % of the volume.
            specs.append(self._traject_spec(procedure="meervoudig_onderhands", soort=soort, start=start,
                                            status="afgerond", afgerond=af, zonder_mvoi=(i == len(soorten_mo) - 1)))
        # 2024, completed for verbonden partijen: 3 EU + 16 MO (count for afdeling Inkoop, not for MVOI).
        for i in range(19):
            start, af = afgerond_in(2024)
            vp = VERBONDEN_PARTIJEN[i % len(VERBONDEN_PARTIJEN)]
            opdracht, soort = VERBONDEN_OPDRACHTEN[i % len(VERBONDEN_OPDRACHTEN)]
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 3 else "meervoudig_onderhands",
                                            soort=soort, start=start, status="afgerond", afgerond=af,
                                            verbonden_partij=vp, bron=(f"{vp}: {opdracht}", "", [])))
        # 2024, the other 50 of the 115 guided procedures.
        for _ in range(6):  # enkelvoudig onderhands, completed
            start, af = afgerond_in(2024)
            specs.append(self._traject_spec(procedure="enkelvoudig", soort=r.choice(["dienst", "levering"]),
                                            start=start, status="afgerond", afgerond=af))
        for i, (naam, proc) in enumerate([("Verkoop bouwkavels Eschmarke", "biedingsprocedure"),
                                          ("Verkoop voormalig schoolgebouw Deppenbroek", "biedingsprocedure"),
                                          ("Verkoop bedrijfskavel Hengelosestraat", "biedingsprocedure"),
                                          ("Uitgifte kavel Kennispark aan enige gegadigde", "didam_enige_serieuze_gegadigde"),
                                          ("Verkoop grond Zuiderval (openbare selectie)", "didam_openbare_selectie")]):
            start, af = afgerond_in(2024) if i < 4 else (date(2024, 9, 2), date(2025, 3, 14))
            specs.append(self._traject_spec(procedure=proc, soort="verkoop_grond", start=start, status="afgerond",
                                            afgerond=af, bron=(naam, "", [])))
        for i in range(20):  # started in 2024, completed in 2025
            start = self._datum(date(2024, 2, 1), date(2024, 10, 31))
            af = self._datum(date(2025, 1, 15), date(2025, 9, 30))
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 8 else "meervoudig_onderhands",
                                            soort=["werk", "dienst", "levering"][i % 3], start=start,
                                            status="afgerond", afgerond=af))
        for i in range(2):  # withdrawn in 2024
            start = self._datum(date(2024, 1, 15), date(2024, 5, 31))
            specs.append(self._traject_spec(procedure="meervoudig_onderhands", soort=["dienst", "werk"][i], start=start,
                                            status="ingetrokken", ingetrokken=start + timedelta(days=r.randint(60, 150))))
        for i in range(10):  # prepared late 2024, completed 2025 or 2026
            start = self._datum(date(2024, 10, 1), date(2024, 12, 15))
            af = self._datum(date(2025, 6, 1), date(2026, 3, 31))
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 4 else "meervoudig_onderhands",
                                            soort=["dienst", "levering", "werk"][i % 3], start=start,
                                            status="afgerond", afgerond=af))
        for i in range(7):  # started 2023, running through 2024, completed 2025
            start = self._datum(date(2023, 6, 1), date(2023, 11, 30))
            af = self._datum(date(2025, 1, 10), date(2025, 5, 31))
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 5 else "meervoudig_onderhands",
                                            soort=["werk", "dienst"][i % 2], start=start, status="afgerond",
                                            afgerond=af))
        # Not counted for 2024: completed in 2023, not guided by Inkoop, started after 2024.
        for i in range(14):
            start, af = afgerond_in(2023)
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 6 else "meervoudig_onderhands",
                                            soort=["werk", "dienst", "levering"][i % 3], start=start,
                                            status="afgerond", afgerond=af))
        specs.append(self._traject_spec(procedure="meervoudig_onderhands", soort="dienst", start=date(2023, 2, 1),
                                        status="ingetrokken", ingetrokken=date(2023, 6, 30)))
        for i in range(4):
            start, af = afgerond_in(2024)
            specs.append(self._traject_spec(procedure=["enkelvoudig", "meervoudig_onderhands"][i % 2],
                                            soort="dienst", start=start, status="afgerond", afgerond=af, begeleid=False))
        for i in range(12):  # completed in 2025/2026
            start = self._datum(date(2025, 1, 10), date(2025, 12, 31))
            af = min(start + timedelta(days=r.randint(120, 280)), self.vandaag - timedelta(days=14))
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 5 else "meervoudig_onderhands",
                                            soort=["werk", "levering", "dienst"][i % 3], start=start,
                                            status="afgerond", afgerond=max(af, start + timedelta(days=60))))
        for i in range(5):  # running now
            start = self.vandaag - timedelta(days=r.randint(60, 200))
            specs.append(self._traject_spec(procedure="europees_openbaar" if i < 2 else "meervoudig_onderhands",
                                            soort=["werk", "dienst", "levering"][i % 3], start=start, status="lopend"))
        for i in range(4):  # in preparation now
            start = self.vandaag - timedelta(days=r.randint(5, 50))
            specs.append(self._traject_spec(procedure=["europees_openbaar", "meervoudig_onderhands"][i % 2],
                                            soort=["dienst", "werk"][i % 2], start=start, status="in_voorbereiding"))
        for s in specs:  # a running traject has no publication date in the future
            if s["publicatiedatum"] and s["publicatiedatum"] > self.vandaag:
                s["publicatiedatum"] = self.vandaag - timedelta(days=1)
        self.specs = specs

    def _trajecten_opslaan(self):
        r = self.rng
        specs = sorted(self.specs, key=lambda s: (s["startdatum"], s["omschrijving"]))
        # Number the 2024 procedures so that the first one is the marker of idempotence.
        objs = []
        for s in specs:
            t = Traject(organisatie=self.org, nummer=self._nummer("T", s["startdatum"].year), omschrijving=s["omschrijving"],
                        procedure=s["procedure"], soort=s["soort"], status=s["status"], startdatum=s["startdatum"],
                        publicatiedatum=s["publicatiedatum"], afgerond_op=s["afgerond_op"],
                        ingetrokken_op=s["ingetrokken_op"],
                        reden_intrekking="Budget niet beschikbaar; de opdracht wordt heroverwogen."
                        if s["status"] == "ingetrokken" else "",
                        begeleid_door_inkoop=s["begeleid"], verbonden_partij=s["verbonden_partij"],
                        afdeling=self._afdeling(s["pakket"]) if s["pakket"] else
                        ("Grondzaken" if s["soort"] == "verkoop_grond" else "Inkoop"),
                        inkoper=self.inkoper if s["begeleid"] else None, gouden_aanbesteding=s["gouden"],
                        tenderboard_advies_gevraagd=s["gouden"],
                        tenderboard_advies="Klimaat en circulariteit zwaar laten wegen; innovatie uitvragen."
                        if s["gouden"] else "",
                        tenderned_kenmerk=f"{r.randint(300000, 399999)}" if s["procedure"] in EUROPESE_PROCEDURES else "")
            objs.append(t)
            s["obj"] = t
        if MARKER not in {t.nummer for t in objs}:  # pragma: no cover - the plan always has 2024 trajecten
            objs[0].nummer = MARKER
        self.n_trajecten = len(objs)

        percelen, inschrijvingen, uitnodigingen, mvoi = [], [], [], []
        for s in specs:
            t = s["obj"]
            if t.soort == "verkoop_grond":
                s["kavels"] = []
                t.geraamde_waarde = _euro(r.randint(3, 40) * 25000)
                t.gegunde_waarde = (t.geraamde_waarde * Decimal("1.08")).quantize(Decimal(1)) if t.afgerond_op else None
                continue
            eigen = not t.verbonden_partij
            delen = s["percelen"] or [None]
            # Value: sized on the winners' spend over a term of 3 or 4 years after the award.
            gunning = t.afgerond_op or (t.startdatum + timedelta(days=200))
            looptijd = r.choice([24, 36, 48]) if t.soort != "werk" else r.choice([12, 24, 36])
            s["looptijd"] = looptijd
            s["opties"] = r.choice([(0, 0), (1, 12), (2, 12)]) if t.soort != "werk" else (0, 0)
            start = date(gunning.year, gunning.month, 1) + timedelta(days=32)
            start = date(start.year, start.month, 1)
            s["contractstart"] = start
            eind = plus_maanden(start, looptijd) - timedelta(days=1)
            s["contracteind"] = eind
            opties_eind = plus_maanden(eind, s["opties"][0] * s["opties"][1])
            # A procedure below the EU threshold is won by a supplier whose spend fits under the
            # next band (the procedure fits the value; docs/demo.md).
            plafond = self._plafond(t.procedure, t.soort, gunning)
            s["delen"] = []
            past = None
            if plafond is not None:
                deel_plafond = float(plafond) / len(delen) * 0.9

                def past(c, start=start, opties_eind=opties_eind, deel_plafond=deel_plafond):
                    return self._waarde(c, start, opties_eind, 0) < deel_plafond
            for n, naam in enumerate(delen, start=1):
                winnaar = self._kies_crediteur(s["pakket"], past=past) if (eigen and s["pakket"]) else None
                s["delen"].append({"naam": naam, "nummer": n, "winnaar": winnaar})
            minimum = {"europees_openbaar": 400000, "sociaal_en_specifiek": 900000,
                       "meervoudig_onderhands": 60000, "enkelvoudig": 26000}.get(t.procedure, 100000)
            if t.soort == "werk" and t.procedure in EUROPESE_PROCEDURES:
                minimum = 5_600_000
            elif t.soort == "werk" and t.procedure == "meervoudig_onderhands":
                minimum = 150000
            if s["zonder_mvoi"]:
                minimum = 62000
            totaal = 0
            for deel in s["delen"]:
                opties_mnd = s["opties"][0] * s["opties"][1]
                w = self._waarde(deel["winnaar"], start, plus_maanden(eind, opties_mnd),
                                 minimum / len(s["delen"]) * r.uniform(1.0, 1.6))
                if s["zonder_mvoi"]:
                    w = minimum
                if plafond is not None:
                    w = min(w, float(plafond) / len(s["delen"]) - 1000)
                deel["waarde"] = _euro(round(w, -3))
                totaal += deel["waarde"]
            t.geraamde_waarde = _euro(round(float(totaal) * r.uniform(0.92, 1.1), -3))
            t.gegunde_waarde = totaal if t.afgerond_op else None
            if len(s["delen"]) > 1:
                for deel in s["delen"]:
                    p = Perceel(organisatie=self.org, traject=t, nummer=deel["nummer"], naam=deel["naam"],
                                geraamde_waarde=_euro(round(float(deel["waarde"]) * r.uniform(0.9, 1.1), -3)),
                                gegunde_waarde=deel["waarde"] if t.afgerond_op else None)
                    deel["perceel"] = p
                    percelen.append(p)
            # Invitations (meervoudig onderhands: 3 to 5, at least 2 regional) and bids.
            for deel in s["delen"]:
                aantal = r.randint(3, 5)
                bieders = [(deel["winnaar"].naam if deel["winnaar"] else f"Opdrachtnemer {t.nummer}-{deel['nummer']} B.V.",
                            deel["winnaar"], bool(deel["winnaar"] and deel["winnaar"].regio in ("Lokaal", "Regio Twente")))]
                bieders += self._andere_bieders(s["pakket"], deel["winnaar"], aantal - 1)
                deel["bieders"] = bieders
                perceel = deel.get("perceel")
                if t.procedure in ("meervoudig_onderhands", "enkelvoudig"):
                    uit = bieders[:1] if t.procedure == "enkelvoudig" else bieders
                    for i, (naam, cred, regionaal) in enumerate(uit):
                        uitnodigingen.append(Uitnodiging(
                            organisatie=self.org, traject=t, perceel=perceel, naam=naam, crediteur=cred,
                            regionaal=regionaal or i < 2, werkpakt_keurmerk=i == 1,
                            uitgenodigd_op=t.publicatiedatum or t.startdatum))
                if t.publicatiedatum and (t.afgerond_op or t.status == "lopend"):
                    n_inschr = 1 if t.procedure == "enkelvoudig" else r.randint(2, len(bieders))
                    for i, (naam, cred, _reg) in enumerate(bieders[:n_inschr]):
                        bedrag = deel["waarde"] if i == 0 else _euro(round(float(deel["waarde"]) * r.uniform(1.03, 1.25), -2))
                        inschrijvingen.append(Inschrijving(
                            organisatie=self.org, traject=t, perceel=perceel, naam=naam, crediteur=cred, bedrag=bedrag,
                            ingediend_op=t.publicatiedatum + timedelta(days=35),
                            gegund=bool(i == 0 and t.afgerond_op)))
            # MVOI: per lot where there are lots, else for the traject.
            if t.procedure not in ("enkelvoudig",):
                for deel in s["delen"]:
                    mvoi += self._mvoi(t, deel.get("perceel"), zonder=s["zonder_mvoi"])
            # Contracts: only for the organisation's own completed procedures.
            if eigen and t.afgerond_op and t.status == "afgerond":
                for deel in s["delen"]:
                    self.contract_specs.append({
                        "traject": t, "perceel_deel": deel, "crediteur": deel["winnaar"],
                        "leverancier_naam": "" if deel["winnaar"] else deel["bieders"][0][0],
                        "omschrijving": t.omschrijving + (f" – perceel {deel['nummer']}: {deel['naam']}" if deel["naam"] else ""),
                        "pakket": s["pakket"], "soort": t.soort, "startdatum": start, "einddatum": eind,
                        "opties": s["opties"], "waarde": deel["waarde"]})
        self._meldingen_koppelen(specs)
        # Related objects were built around unsaved trajecten; bulk_create fills their ids on save.
        bulk_create_with_history(objs, Traject, default_user=self.inkoper, default_date=timezone.now())
        Perceel.objects.bulk_create(percelen)
        for u in uitnodigingen:
            u.perceel_id = u.perceel.pk if u.perceel else None
        for i in inschrijvingen:
            i.perceel_id = i.perceel.pk if i.perceel else None
        for m in mvoi:
            m.perceel_id = m.perceel.pk if m.perceel else None
        Uitnodiging.objects.bulk_create(uitnodigingen)
        Inschrijving.objects.bulk_create(inschrijvingen)
        MvoiToepassing.objects.bulk_create(mvoi)

    def _meldingen_koppelen(self, specs):
        """Link trajecten to the demo meldingen (meldingen.demo ran before) whose workflow is at the
        matching step: a completed traject to a melding that is afgerond, a running one to one with
        traject_gestart; same kind, filed before the traject started. Meldingen are not changed."""
        from meldingen.models import Inkoopmelding

        pools = defaultdict(list)
        for m in (Inkoopmelding.objects.filter(organisatie=self.org, status__in=["afgerond", "traject_gestart"],
                                               ingediend_op__isnull=False).order_by("ingediend_op", "pk")):
            soort = {"sociale_dienst": "dienst"}.get(m.soort, m.soort)
            pools[(soort, m.status)].append(m)
        for s in specs:
            t = s["obj"]
            if t.verbonden_partij or not t.begeleid_door_inkoop or t.soort == "verkoop_grond" or t.status == "ingetrokken":
                continue
            pool = pools[(t.soort, "afgerond" if t.status == "afgerond" else "traject_gestart")]
            for m in pool:
                ingediend = timezone.localtime(m.ingediend_op).date()
                if t.startdatum.year - 1 <= ingediend.year and ingediend <= t.startdatum:
                    t.melding = m
                    pool.remove(m)
                    break

    def _mvoi(self, traject, perceel, zonder=False):
        r = self.rng
        kansen = MVOI_PER_SOORT.get(traject.soort, MVOI_PER_SOORT["dienst"])
        uit, toegepast = [], 0
        for thema in MvoiThema:
            kans, wijzen = kansen.get(thema.value, (0.1, ["min"]))
            wijze = r.choice(wijzen) if (not zonder and r.random() < kans) else None
            if wijze in (None, "contract") and thema == MvoiThema.SOCIAL_RETURN and not zonder and toegepast == 0:
                # Every tender but one applies at least one theme as a minimum requirement or award
                # criterion (the published definition, inkoopjaarverslag 2024 §2): here the SROI
                # obligation as a minimum requirement.
                wijze = "min"
            toegepast += wijze in ("min", "gunning")
            uit.append(MvoiToepassing(
                organisatie=self.org, traject=traject, perceel=perceel, thema=thema.value,
                als_minimumeis=wijze == "min", als_gunningscriterium=wijze == "gunning",
                als_contractvoorwaarde=wijze == "contract",
                reden_niet_toegepast="" if wijze else REDENEN[thema.value]))
        return uit

    def _bestaande_contracten(self):
        """Contracts from before the application (no traject recorded) for the large crediteuren
        that did not win a demo traject; some ended in 2023 and were followed by a new one."""
        r = self.rng
        grote = sorted((c for c in self.crediteuren.values() if self.spend.get(c.pk) and c.inkooppakket_id),
                       key=lambda c: (-self._jaarspend(c, 2024), c.nummer))[:320]
        for _i, c in enumerate(grote):
            jaren = self.spend[c.pk]
            eerste = min(j for j, v in jaren.items() if v > 0)
            start = date(min(eerste, 2023), r.randint(1, 12), 1)
            pakket = c.inkooppakket.code
            soort = "werk" if pakket[:2] in ("07", "08") and pakket not in ("07.04", "07.05", "08.05") else \
                ("levering" if pakket[:2] in ("02", "06") or pakket in ("03.02", "07.05", "10.04") else "dienst")
            if c.pk in self.gebruikt:
                # The winner of a demo tender: its previous contract ran until the new one started.
                nieuwe = [s for s in self.contract_specs if s["crediteur"] == c]
                if not nieuwe or nieuwe[0]["startdatum"] < date(2024, 1, 1) or start >= date(2023, 1, 1):
                    continue
                eind = nieuwe[0]["startdatum"] - timedelta(days=1)
                self.contract_specs.append({"traject": None, "crediteur": c, "leverancier_naam": "",
                                            "omschrijving": f"{c.inkooppakket.naam} ({start.year}-{eind.year})",
                                            "pakket": pakket,
                                            "soort": soort, "startdatum": start, "einddatum": eind, "opties": (0, 0),
                                            "waarde": _euro(round(self._waarde(c, start, eind, 30000), -3))})
                continue
            self.gebruikt.add(c.pk)
            looptijd = r.choice([36, 48, 60, 72])
            eind = plus_maanden(start, looptijd) - timedelta(days=1)
            while eind < date(2025, 7, 1):  # renewed by the options of old, so it still runs
                eind = plus_maanden(eind + timedelta(days=1), 24) - timedelta(days=1)
            opties = r.choice([(0, 0), (1, 12), (2, 12)])
            self.contract_specs.append({
                "traject": None, "crediteur": c, "leverancier_naam": "",
                "omschrijving": f"{c.inkooppakket.naam} ({'onderhoudscontract' if soort == 'werk' else 'raamovereenkomst'})",
                "pakket": pakket, "soort": soort,
                "startdatum": start, "einddatum": eind, "opties": opties, "kalender": True,
                "waarde": _euro(round(self._waarde(c, start, plus_maanden(eind, opties[0] * opties[1]), 30000), -3))})

    def _kalendercontracten(self):
        """Past decision dates were decided (mostly: extended); then the ends of some long-running
        contracts move into the coming twelve months (relative to today) so the inkoopkalender and
        its reminders have something to show. Only contracts that started before 2024 and still run
        are moved: their place in the 2023/2024 figures stays the same."""
        r = self.rng
        kandidaten = [s for s in self.contract_specs if s.get("kalender")]
        eerste = date(self.vandaag.year, self.vandaag.month, 1)
        for k, s in enumerate(kandidaten[:24]):
            s["vast"] = True
            maanden_vooruit = k % 12 + 1
            s["einddatum"] = plus_maanden(eerste, maanden_vooruit + 1) - timedelta(days=1)
            s["opties"] = (0, 0) if maanden_vooruit < 3 or k % 3 == 1 else ((1, 12) if k % 3 == 0 else (2, 6))
            s["beslistermijn"] = min(r.choice([3, 4, 6]), maanden_vooruit - 1)
            s["waarde"] = _euro(round(self._waarde(s["crediteur"], s["startdatum"], plus_maanden(
                s["einddatum"], s["opties"][0] * s["opties"][1]), float(s["waarde"])), -3))
        achterstallig = 0
        for s in self.contract_specs:
            s.setdefault("beslistermijn", r.choice([3, 3, 6]))
            s.setdefault("benut", 0)
            aantal, maanden = s["opties"]
            if s.get("vast") or not aantal:
                continue
            while s["benut"] < aantal and plus_maanden(s["einddatum"], -s["beslistermijn"]) < self.vandaag:
                if s["einddatum"] >= self.vandaag and achterstallig < 2 and s["startdatum"].year < 2024:
                    achterstallig += 1  # two decisions overdue, for the calendar's warning
                    break
                if r.random() < 0.85:
                    s["einddatum"] = plus_maanden(s["einddatum"] + timedelta(days=1), maanden) - timedelta(days=1)
                    s["benut"] += 1
                else:
                    s["niet_verlengen"] = True
                    break

    def _contracten_opslaan(self):
        objs = []
        for s in sorted(self.contract_specs, key=lambda s: (s["startdatum"], s["omschrijving"])):
            aantal, maanden = s["opties"]
            waarde_incl = s["waarde"]
            looptijd_mnd = max(1, (s["einddatum"] - s["startdatum"]).days / 30.4)
            opties_deel = Decimal(aantal * maanden / (looptijd_mnd + aantal * maanden)) if aantal else Decimal(0)
            waarde_opties = _euro(round(float(waarde_incl * opties_deel), -3))
            afdeling = self._afdeling(s["pakket"]) if s["pakket"] else "Facilitair"
            eigenaar = self.budgethouder if afdeling == self.bh_afdeling else self.inkoper
            perceel = s.get("perceel_deel", {}).get("perceel") if s.get("perceel_deel") else None
            pakket = s["crediteur"].inkooppakket if s["crediteur"] and s["crediteur"].inkooppakket_id else None
            c = Contract(organisatie=self.org, nummer=self._nummer("C", s["startdatum"].year), omschrijving=s["omschrijving"][:300],
                         crediteur=s["crediteur"], leverancier_naam=s["leverancier_naam"], inkooppakket=pakket,
                         soort=s["soort"], traject=s["traject"], perceel=perceel, afdeling=afdeling, eigenaar=eigenaar,
                         melding=s["traject"].melding if s["traject"] else None,
                         waarde_totaal=waarde_incl - waarde_opties, waarde_opties=waarde_opties,
                         waarde_per_jaar=_euro(round(float(waarde_incl) / max(1.0, looptijd_mnd / 12), -2)),
                         startdatum=s["startdatum"], einddatum=s["einddatum"], verlengingen_aantal=aantal,
                         verlenging_maanden=maanden, verlengingen_benut=s["benut"],
                         niet_verlengen=s.get("niet_verlengen", False), beslistermijn_maanden=s["beslistermijn"])
            afgeleide_termijnen(c)
            objs.append(c)
            s["obj"] = c
        bulk_create_with_history(objs, Contract, default_user=self.inkoper, default_date=timezone.now())
        self.contracten = objs
        self.n_contracten = len(objs)

    # ---------------------------------------------------------------------------------- SROI
    def _sroi(self):
        """SROI obligations, realisations and candidates that reproduce the report's SROI table.

        Contracts of € 100.000 or more that ran in 2023 and/or 2024 are taken, labour-intensive
        works and services first (where social return fits best), largest first, as long as both
        years' inkoopwaarde stays under the published total; two balancing obligations (on a
        contract of only one of the years) take the exact remainder. Percentages start at 2 % and
        go up to the standard 5 % (in steps) while the published te_realiseren allows. Realisations
        follow the elapsed part of each term, filled up to at most the obligation, and add up to the
        published cumulative totals, with a share bought at social enterprises.
        """
        r = self.rng
        d23, d24 = SROI_DOEL[2023], SROI_DOEL[2024]

        def loopt(c, jaar):
            return c.startdatum <= date(jaar, 12, 31) and (c.einddatum is None or c.einddatum >= date(jaar, 1, 1))

        def voorrang(c):
            code = c.inkooppakket.code if c.inkooppakket_id else ""
            if c.soort == "werk" or code in ("07.04", "08.02", "08.05", "09.01", "10.05"):
                return 0
            return 2 if code.startswith("10") else 1

        kandidaten = [c for c in self.contracten if c.waarde_incl_opties >= 100000 and (loopt(c, 2023) or loopt(c, 2024))
                      and c.soort != "verkoop_grond"]
        # Older contracts first: the report's high realisation (85 % by the end of 2024) comes from
        # obligations that have run for years.
        kandidaten.sort(key=lambda c: (voorrang(c), c.startdatum, -c.waarde_incl_opties, c.nummer))
        reserve = Decimal(2_500_000)
        s23 = s24 = Decimal(0)
        gekozen = []
        for c in kandidaten:
            w = c.waarde_incl_opties
            in23, in24 = loopt(c, 2023), loopt(c, 2024)
            if in23 and s23 + w > d23["inkoopwaarde"] - reserve:
                continue
            if in24 and s24 + w > d24["inkoopwaarde"] - reserve:
                continue
            gekozen.append(c)
            s23 += w if in23 else 0
            s24 += w if in24 else 0
        grondslag = {c.pk: c.waarde_incl_opties for c in gekozen}
        # Two balancing obligations take the exact remainder of the published inkoopwaarde: on the
        # smallest unused contract of only that year that is large enough, else a dedicated one.
        balansen = {}
        for jaar, som in ((2023, s23), (2024, s24)):
            rest = Decimal(SROI_DOEL[jaar]["inkoopwaarde"]) - som
            ander = 2024 if jaar == 2023 else 2023
            alleen = [c for c in kandidaten if c not in gekozen and loopt(c, jaar) and not loopt(c, ander)
                      and c.waarde_incl_opties >= rest]
            balans = min(alleen, key=lambda c: (c.waarde_incl_opties, c.nummer)) if alleen else \
                self._balanscontract(jaar, rest)
            gekozen.append(balans)
            grondslag[balans.pk] = rest
            balansen[jaar] = balans
        balans_b, balans_c = balansen[2023], balansen[2024]

        pct = {c.pk: Decimal(2) for c in gekozen}

        def te(c):
            return (grondslag[c.pk] * pct[c.pk] / 100).quantize(Decimal(1))

        x23 = d23["te_realiseren"] - sum((te(c) for c in gekozen if loopt(c, 2023)), Decimal(0))
        x24 = d24["te_realiseren"] - sum((te(c) for c in gekozen if loopt(c, 2024)), Decimal(0))
        # Raise percentages (most labour-intensive first) in whole steps while both years allow it.
        for c in sorted((c for c in gekozen if c not in (balans_b, balans_c)), key=lambda c: (voorrang(c), c.nummer)):
            in23, in24 = loopt(c, 2023), loopt(c, 2024)
            for nieuw in (Decimal(5), Decimal(4), Decimal(3)):
                extra = (grondslag[c.pk] * nieuw / 100).quantize(Decimal(1)) - te(c)
                if (not in23 or extra <= x23) and (not in24 or extra <= x24):
                    pct[c.pk] = nieuw
                    x23 -= extra if in23 else 0
                    x24 -= extra if in24 else 0
                    break
        bedrag = {c.pk: te(c) for c in gekozen}
        bedrag[balans_b.pk] += x23
        bedrag[balans_c.pk] += x24
        for b in (balans_b, balans_c):
            pct[b.pk] = (bedrag[b.pk] * 100 / grondslag[b.pk]).quantize(Decimal("0.01"))

        verplichtingen = [SroiVerplichting(organisatie=self.org, contract=c, percentage=pct[c.pk],
                                           grondslag=grondslag[c.pk], bedrag=bedrag[c.pk],
                                           toelichting="SROI volgens het Twentse SROI-beleid (bouwblokken)."
                                           if c not in (balans_b, balans_c) else
                                           "Afgesproken SROI-waarde op het arbeidsdeel van de opdracht.")
                          for c in gekozen]
        SroiVerplichting.objects.bulk_create(verplichtingen)
        verplichting = {v.contract_id: v for v in verplichtingen}

        # Realisations: per contract in proportion to the part of its term elapsed, never more
        # than the obligation; first everything up to 2023, then 2024 on top of it.
        def dagen(c, jaar):
            return _dagen_in_jaar(c.startdatum, c.einddatum, jaar)

        def termijn(c):
            return max(1, ((c.einddatum or date(2100, 1, 1)) - c.startdatum).days + 1)

        def verstreken(c, jaar):
            return sum(dagen(c, j) for j in range(c.startdatum.year, jaar + 1)) / termijn(c)

        def plafonds(factor, jaar, lijst, al):
            # At most a little ahead of the elapsed part of the term, never over 97 %.
            return [(c.pk, float(bedrag[c.pk]) * dagen(c, jaar) / termijn(c) + (1 if jaar == 2023 else 0) *
                     float(bedrag[c.pk]) * sum(dagen(c, j) for j in range(c.startdatum.year, jaar)) / termijn(c),
                     max(0, int(bedrag[c.pk] * Decimal(min(0.97, factor * verstreken(c, jaar) + 0.05))) - al[c.pk]))
                    for c in lijst]

        def vul_met_ruimte(doel, jaar, lijst, al):
            for factor in (1.2, 1.5, 2.0, 3.0, 100.0):
                items = plafonds(factor, jaar, lijst, al)
                if sum(cap for *_x, cap in items) >= doel:
                    return _vul(doel, items)
            raise ValueError(f"SROI-demo: {doel} past niet in de verplichtingen van {jaar}.")

        al = defaultdict(int)
        in23 = [c for c in gekozen if loopt(c, 2023)]
        tot_2023 = vul_met_ruimte(d23["gerealiseerd"], 2023, in23, al)
        al.update(tot_2023)
        in24 = [c for c in gekozen if loopt(c, 2024)]
        in_2024 = vul_met_ruimte(d24["gerealiseerd"] - sum(al[c.pk] for c in in24), 2024, in24, al)
        bedragen = {}
        for c in in23:  # split each contract's total up to 2023 over its years
            jaren = list(range(c.startdatum.year, 2024))
            for j, euro in zip(jaren, _verdeel(tot_2023[c.pk], [dagen(c, j) for j in jaren]), strict=True):
                bedragen[(c, j)] = euro
        for c in in24:
            bedragen[(c, 2024)] = in_2024[c.pk]
            al[c.pk] += in_2024[c.pk]
        # After the report year, up to today: not part of the published figures; never over 100 %.
        for c in gekozen:
            for jaar in range(2025, self.vandaag.year + 1):
                if loopt(c, jaar):
                    deel = 1 if jaar < self.vandaag.year else self.vandaag.timetuple().tm_yday / 366
                    euro = min(int(float(bedrag[c.pk]) * dagen(c, jaar) / termijn(c) * 0.9 * deel),
                               int(bedrag[c.pk]) - al[c.pk])
                    if euro > 0:
                        bedragen[(c, jaar)] = euro
                        al[c.pk] += euro
        sociaal = {2023: d23["sociaal"], 2024: d24["sociaal"]}
        realisaties, kandidaten_per_jaar = [], defaultdict(list)
        for (c, jaar), totaal in sorted(bedragen.items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0].nummer)):
            van = max(c.startdatum, date(jaar, 1, 1))
            tot = min(c.einddatum or date(jaar, 12, 31), date(jaar, 12, 31), self.vandaag - timedelta(days=1))
            if totaal <= 0 or van > tot:
                continue
            delen = []
            if jaar in sociaal and sociaal[jaar] > 0:
                deel = min(sociaal[jaar], int(totaal * 0.3))
                if deel > 0:
                    delen.append(("sociale_onderneming", deel, "Inkoop bij een sociale onderneming (Impact Oost)"))
                    sociaal[jaar] -= deel
            rest = totaal - sum(d[1] for d in delen)
            plaatsing = int(rest * 0.7)
            delen += [("plaatsing", plaatsing, "Plaatsing van kandidaten met afstand tot de arbeidsmarkt"),
                      ("activiteit", rest - plaatsing, "Leerwerkplekken, stages en gastlessen")]
            for wijze, euro, tekst in delen:
                if euro > 0:
                    realisaties.append(SroiRealisatie(organisatie=self.org, verplichting=verplichting[c.pk],
                                                      datum=self._datum(van, tot), bedrag=Decimal(euro), wijze=wijze,
                                                      omschrijving=tekst, vastgelegd_door=self.inkoper))
                    if wijze == "plaatsing":
                        kandidaten_per_jaar[jaar].append((c, van, tot, euro))
        if any(sociaal.values()):  # pragma: no cover - the realisations are far larger than these amounts
            raise RuntimeError(f"SROI-demo: inkoop bij sociale ondernemingen niet volledig verdeeld: {sociaal}")
        SroiRealisatie.objects.bulk_create(realisaties)
        self.n_realisaties = len(realisaties)

        # Candidates placed: the published counts for 2023/2024, about one per € 30.000 otherwise.
        kandidaten = []
        for jaar, lijst in sorted(kandidaten_per_jaar.items()):
            if jaar in SROI_DOEL:
                aantal, uit_gemeente = SROI_DOEL[jaar]["kandidaten"], SROI_DOEL[jaar]["uit_gemeente"]
            else:
                aantal = int(sum(e for *_x, e in lijst) / 30000)
                uit_gemeente = aantal // 4
            k = 0
            for (c, van, tot, _e), n in zip(lijst, _verdeel(aantal, [e for *_x, e in lijst]), strict=True):
                for _ in range(n):
                    kandidaten.append(SroiKandidaat(organisatie=self.org, verplichting=verplichting[c.pk],
                                                    geplaatst_op=self._datum(van, tot),
                                                    doelgroep=r.choice(["participatiewet", "participatiewet", "ww",
                                                                        "wajong", "bbl"]),
                                                    uit_gemeente=k < uit_gemeente))
                    k += 1
        SroiKandidaat.objects.bulk_create(kandidaten)

    def _balanscontract(self, jaar, waarde):
        """A dedicated contract when the plan has no contract of only that year that is large
        enough: a framework agreement for the public space, with a GWW crediteur whose spend in the
        term it covers."""
        start, eind = (date(2020, 1, 1), date(2023, 12, 31)) if jaar == 2023 else (date(2024, 3, 1), date(2027, 2, 28))
        crediteur = next((c for code in ("08.02", "08.01", "08.04", "08.03") for c in reversed(self.per_pakket.get(code, []))
                          if self._waarde(c, start, eind, 0) <= float(waarde)), None)
        c = Contract(organisatie=self.org, nummer=self._nummer("C", start.year),
                     omschrijving="Onderhoud openbare ruimte (raamovereenkomst)", crediteur=crediteur,
                     leverancier_naam="" if crediteur else "Twentse Aannemerscombinatie",
                     inkooppakket=crediteur.inkooppakket if crediteur else None,
                     soort="werk", afdeling="Wegen", eigenaar=self.budgethouder, waarde_totaal=waarde,
                     startdatum=start, einddatum=eind)
        afgeleide_termijnen(c)
        c.save()
        self.contracten.append(c)
        self.n_contracten += 1
        return c

    # ---------------------------------------------------------------------------------- procedures
    def _grenzen(self, op: date) -> dict:
        """The bands of the policy in force on `op` per soort: (meervoudig, nationaal, EU). Before the
        first EU period in the policy the first period stands in (the demo's oldest contracts)."""
        from beleid.selectors import beleid_voor

        cache = self.__dict__.setdefault("_grenzen_cache", {})
        if op in cache:
            return cache[op]
        beleid = beleid_voor(self.org, op=op)
        banden = {(b.soort, b.procedure): b.vanaf for b in beleid.banden.all() if not b.werk_categorie}
        perioden = sorted(beleid.eu_drempels.all(), key=lambda p: p.geldig_vanaf)
        periode = next((p for p in perioden if p.geldig_vanaf <= op and (p.geldig_tot is None or op <= p.geldig_tot)),
                       perioden[0])
        cache[op] = {
            "levering": (banden[("levering", "meervoudig_onderhands")], None, periode.leveringen_diensten),
            "dienst": (banden[("dienst", "meervoudig_onderhands")], None, periode.leveringen_diensten),
            "werk": (banden[("werk", "meervoudig_onderhands")], banden[("werk", "nationaal_openbaar")],
                     periode.werken),
        }
        return cache[op]

    def _plafond(self, procedure: str, soort: str, op: date) -> Decimal | None:
        """The band a procedure's value must stay under: the next band of the policy."""
        if soort not in ("levering", "dienst", "werk"):
            return None
        meervoudig, nationaal, eu = self._grenzen(op)[soort]
        if procedure == "enkelvoudig":
            return meervoudig
        if procedure == "meervoudig_onderhands":
            return nationaal if nationaal is not None else eu
        return None

    def _passende_procedure(self, soort: str, waarde: Decimal, op: date) -> str:
        meervoudig, nationaal, eu = self._grenzen(op)[soort]
        if waarde >= eu:
            return "europees_openbaar"
        if nationaal is not None and waarde >= nationaal:
            return "nationaal_openbaar"
        return "meervoudig_onderhands" if waarde >= meervoudig else "enkelvoudig"

    def _procedures_vastleggen(self):
        """Every contract records how and when it was awarded: a traject's contract its procedure
        and completion; an older contract (before the application) a procedure that fits its value
        on an award date two months before its start, except the deliberate findings of
        BEWUSTE_BEVINDINGEN (docs/demo.md) that the signaleringslijst must find."""
        contracten = Contract.objects.filter(organisatie=self.org).select_related("traject")
        gewijzigd = []
        zonder_traject = []
        for c in contracten:
            if c.traject_id:
                c.procedure = c.traject.procedure
                c.gunningsdatum = c.traject.afgerond_op
            elif c.soort in ("levering", "dienst", "werk"):
                c.gunningsdatum = c.startdatum - timedelta(days=61)
                c.procedure = self._passende_procedure(c.soort, c.waarde_incl_opties, c.gunningsdatum)
                zonder_traject.append(c)
            gewijzigd.append(c)
        # The older contracts of one pakket were mostly parties of one framework agreement: one
        # European tender when their values together reach the EU threshold.
        per_pakket = defaultdict(list)
        for c in zonder_traject:
            if c.inkooppakket_id and c.procedure != "europees_openbaar":
                per_pakket[c.inkooppakket_id].append(c)
        for groep in per_pakket.values():
            eu = self._grenzen(min(c.gunningsdatum for c in groep))[groep[0].soort][2]
            if len(groep) > 1 and sum((c.waarde_incl_opties for c in groep), Decimal(0)) >= eu:
                for c in groep:
                    c.procedure = "europees_openbaar"
        lopend = [c for c in zonder_traject if c.crediteur_id and c.startdatum <= date(2024, 12, 31)
                  and (c.einddatum is None or c.einddatum >= date(2024, 1, 1))]
        for sleutel, (soort, van, tot, procedure, reden) in BEWUSTE_BEVINDINGEN.items():
            kandidaten = sorted((c for c in lopend if c.soort == soort and van <= c.waarde_incl_opties < tot
                                 and not c.toelichting),
                                key=lambda c: (-c.waarde_incl_opties, c.nummer))
            if kandidaten:
                c = kandidaten[0]
                c.procedure = procedure
                c.toelichting = f"Bewuste bevinding in de demo ({sleutel}): {reden}"
        Contract.objects.bulk_update(gewijzigd, ["procedure", "gunningsdatum", "toelichting"], batch_size=500)

    def _contractregister(self):
        """The concern-wide contract register of the years before the application: every crediteur
        whose 2024 spend reaches the band of its pakket's soort has a contract covering 2024, except
        the deliberate findings (ZONDER_CONTRACT, docs/demo.md). Per pakket the suppliers of a
        framework agreement share one procedure: European when their values together reach the EU
        threshold (one tender, several parties), else the procedure that fits each value."""
        from uitgaven.models import Factuurregel

        begin, eind = date(2024, 1, 1), date(2024, 12, 31)
        gedekt = set(Contract.objects.filter(organisatie=self.org, crediteur__isnull=False, startdatum__lte=eind)
                     .exclude(einddatum__lt=begin).values_list("crediteur_id", flat=True))
        spend24 = dict(Factuurregel.objects.filter(organisatie=self.org, boekjaar=2024).values("crediteur")
                       .annotate(s=Sum("bedrag")).values_list("crediteur", "s"))
        per_pakket = defaultdict(list)
        overgeslagen = 0
        for c in sorted(self.crediteuren.values(), key=lambda c: c.nummer):
            if not c.inkooppakket_id or c.pk in gedekt:
                continue
            soort = c.inkooppakket.soort or "dienst"
            if (spend24.get(c.pk) or 0) < self._grenzen(begin)[soort][0]:
                continue
            if overgeslagen < ZONDER_CONTRACT and int(c.nummer[-2:]) % 37 == 5:
                overgeslagen += 1  # left without a contract on purpose: uitgaven_zonder_contract
                continue
            per_pakket[c.inkooppakket].append(c)
        objs = []
        for pakket, crediteuren in sorted(per_pakket.items(), key=lambda p: p[0].code):
            soort = pakket.soort or "dienst"
            start = date(2022, 1 + (int(pakket.code[-2:]) % 12), 1)
            looptijd = 48
            einde = plus_maanden(start, looptijd) - timedelta(days=1)
            opties_eind = plus_maanden(einde + timedelta(days=1), 24) - timedelta(days=1)
            gunning = start - timedelta(days=75)
            waarden = {c.pk: _euro(round(self._waarde(c, start, opties_eind, 30000), -3)) for c in crediteuren}
            samen = sum(waarden.values(), Decimal(0))
            europees = samen >= self._grenzen(gunning)[soort][2] and len(crediteuren) > 1
            for n, c in enumerate(crediteuren, start=1):
                procedure = "europees_openbaar" if europees else self._passende_procedure(soort, waarden[c.pk], gunning)
                omschrijving = (f"Raamovereenkomst {pakket.naam.lower()} 2022-2027, partij {n}" if europees
                                else f"{pakket.naam} ({c.naam})")
                objs.append(Contract(
                    organisatie=self.org, nummer=f"R{start.year}-{pakket.code}-{n:03d}", omschrijving=omschrijving[:300],
                    crediteur=c, inkooppakket=pakket, soort=soort, procedure=procedure, gunningsdatum=gunning,
                    afdeling=self._afdeling(pakket.code), eigenaar=self.inkoper, waarde_totaal=waarden[c.pk],
                    startdatum=start, einddatum=einde, einddatum_uiterlijk=opties_eind,
                    toelichting="Uit het contractregister van vóór de invoering van de applicatie."))
        bulk_create_with_history(objs, Contract, default_user=self.inkoper, default_date=timezone.now(), batch_size=500)
        self.n_contracten += len(objs)

    # ---------------------------------------------------------------------------------- Bibob, klachten
    def _bibob_en_klachten(self):
        trajecten = [s["obj"] for s in self.specs if s["obj"].procedure.startswith(("europees", "meervoudig"))
                     and not s["obj"].verbonden_partij]

        def actief(t, jaar):
            eind = t.afgerond_op or t.ingetrokken_op or self.vandaag
            return (t.publicatiedatum is not None and t.publicatiedatum <= date(jaar, 12, 31)
                    and eind >= date(jaar, 1, 1))

        toetsen = []
        branche_pakket = {"bouw": ("07", "08.01", "08.04"), "milieu": ("08.05", "08.02"), "zorg": ("10",),
                          "beveiliging": ("09",), "externe_inhuur": ("04",), "archief": ("03.04",), "ict": ("03",)}
        for jaar, branches, lbb in ((2023, ["bouw"] * 10 + ["milieu"] * 7 + ["zorg"] * 2 + ["ict"] * 2, 1),
                                    (2024, BIBOB_BRANCHES_2024, 2),
                                    (2025, ["bouw"] * 12 + ["milieu"] * 8 + ["zorg"] * 5 + ["vervoer"] * 3, 2)):
            for i, branche in enumerate(branches):
                passend = [s for s in self.specs if s["obj"] in trajecten and actief(s["obj"], jaar)
                           and s["pakket"].startswith(branche_pakket.get(branche, ("",)))]
                if not passend:
                    passend = [s for s in self.specs if s["obj"] in trajecten and actief(s["obj"], jaar)]
                s = passend[i % len(passend)]
                t = s["obj"]
                van = max(t.publicatiedatum, date(jaar, 1, 1))
                tot = min(t.afgerond_op or self.vandaag, date(jaar, 12, 31), self.vandaag - timedelta(days=1))
                bieders = [b for d in s.get("delen", []) for b in d.get("bieders", [])] or [(f"Inschrijver {t.nummer}", None, 0)]
                toetsen.append(BibobToets(
                    organisatie=self.org, traject=t, betrokkene=bieders[i % len(bieders)][0], branche=branche,
                    uitgevoerd_op=self._datum(van, max(van, tot)),
                    uitkomst="voorwaarden" if i == 3 else "geen_bezwaar", advies_lbb_gevraagd=i < lbb,
                    toelichting="Advies gevraagd bij het Landelijk Bureau Bibob wegens signalen uit open bronnen."
                    if i < lbb else ""))
        BibobToets.objects.bulk_create(toetsen)
        # Complaints: none about integrity in 2024 (the report), two about the procedure or award;
        # one integrity complaint in 2023.
        def traject_in(jaar, n):
            lijst = [t for t in trajecten if t.afgerond_op and t.afgerond_op.year == jaar]
            return lijst[n % len(lijst)]

        klachten = [
            Klacht(organisatie=self.org, traject=traject_in(2024, 3), ontvangen_op=date(2024, 4, 17), soort="procedure",
                   indiener="Inschrijver", omschrijving="De weging van het gunningscriterium duurzaamheid is onduidelijk.",
                   uitkomst="deels_gegrond", afgehandeld_op=date(2024, 5, 8),
                   toelichting_uitkomst="Nota van inlichtingen met een verduidelijking van de weging."),
            Klacht(organisatie=self.org, traject=traject_in(2024, 11), ontvangen_op=date(2024, 9, 2), soort="gunning",
                   indiener="Afgewezen inschrijver", omschrijving="Bezwaar tegen de beoordeling van het plan van aanpak.",
                   uitkomst="ongegrond", afgehandeld_op=date(2024, 9, 30)),
            Klacht(organisatie=self.org, traject=traject_in(2023, 2), ontvangen_op=date(2023, 10, 5), soort="integriteit",
                   indiener="Anoniem", omschrijving="Vermoeden van belangenverstrengeling bij de beoordeling.",
                   uitkomst="ongegrond", afgehandeld_op=date(2023, 12, 1),
                   toelichting_uitkomst="De klachtencommissie vond geen aanwijzingen."),
        ]
        Klacht.objects.bulk_create(klachten)

    # ---------------------------------------------------------------------------------- Werkpakt
    def _werkpakt(self):
        """36 keurmerk holders at the end of 2024 (38 granted by then, 2 lapsed in 2024), and a few
        changes since: local and regional employers among the crediteuren."""
        r = self.rng
        lokaal = sorted((c for c in self.crediteuren.values() if c.regio in ("Lokaal", "Regio Twente")),
                        key=lambda c: (-sum(self.spend.get(c.pk, {}).values()), c.nummer))
        namen = []
        gezien = set()
        for c in lokaal:
            if c.naam.lower() not in gezien:
                gezien.add(c.naam.lower())
                namen.append((c.naam, c))
            if len(namen) == 42:
                break
        while len(namen) < 42:
            namen.append((f"Werkgever Twente {len(namen) + 1:02d}", None))
        houders = []
        for i, (naam, c) in enumerate(namen):
            if i < 38:
                verleend = self._datum(date(2019, 1, 1), date(2024, 11, 30))
            else:
                verleend = self._datum(date(2025, 1, 15), min(date(2026, 6, 30), self.vandaag))
            ingetrokken = None
            if i in (5, 17):
                ingetrokken = self._datum(date(2024, 2, 1), date(2024, 11, 30))
                verleend = min(verleend, date(2023, 12, 31))
            elif i == 23:
                ingetrokken = self._datum(date(2025, 2, 1), max(date(2025, 2, 2), min(date(2025, 12, 31), self.vandaag)))
                verleend = min(verleend, date(2024, 6, 30))
            houders.append(WerkpaktKeurmerkhouder(
                organisatie=self.org, naam=naam, crediteur=c, kvk_nummer=c.kvk_nummer if c else "",
                plaats=(c.plaats.title() if c and c.plaats else "Enschede"), verleend_op=verleend,
                ingetrokken_op=ingetrokken,
                toelichting="Keurmerk uitgereikt tijdens de Werkpakt-bijeenkomst." if r.random() < 0.3 else ""))
        WerkpaktKeurmerkhouder.objects.bulk_create(houders)
        self.n_werkpakt = len(houders)
