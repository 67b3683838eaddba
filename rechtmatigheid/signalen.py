"""The signaleringslijst: which purchases of a year carry a rechtmatigheid risk (interfaces.md §5).

Each function computes one kind of signal with SQL aggregates and returns `Bevinding` objects;
`rechtmatigheid.services.signalen_berekenen` stores them. One signal per subject (a crediteur, a
contract, a pakket, a pakket with a kostenplaats, a melding). Comparisons with a threshold happen
on the Decimal values Django returns (exact on PostgreSQL and SQLite alike).

Every signal carries its `kader` (the rule broken: the EU procurement law or the organisation's
own policy), a `risico` to rank by (the amount, weighted: law over policy over process) and a
one-line `reden`. `details["fout"]` holds the amount per crediteur that would be a finding if the
signal is judged terecht (the rechtmatigheidsverantwoording counts each euro once from it).

The rules and their sources are written out in docs/signalen.md.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from inkoop.formatting import datum, euro
from inkoop.werkdagen import werkdagen_tussen
from meldingen.models import Inkoopmelding
from meldingen.models import Status as MeldingStatus
from uitgaven.models import Factuurregel

from . import bronnen
from .drempels import DrempelReeks, Drempels
from .models import Beoordeling, Kader, Signaal, Soort

NUL = Decimal("0.00")
CENT = Decimal("0.01")
# Ranking: the amount times the weight of the rule at stake (law, own policy, process only).
WEGING = {Kader.EUROPEES: Decimal(3), Kader.EIGEN_BELEID: Decimal(2), "": Decimal(1)}


@dataclass
class Bevinding:
    soort: str
    sleutel: str
    bedrag: Decimal
    drempel: Decimal | None
    toelichting: str
    reden: str = ""
    kader: str = ""
    crediteurnummer: str = ""
    crediteurnaam: str = ""
    onderwerp: str = ""
    details: dict = field(default_factory=dict)

    @property
    def risico(self) -> Decimal:
        basis = self.details.get("risicobedrag")
        bedrag = Decimal(basis) if basis is not None else self.bedrag
        return (abs(bedrag) * WEGING[self.kader]).quantize(CENT)


def _eu(bedrag) -> str:
    return euro(bedrag, 2)


def _grens(bedrag) -> str:
    """A threshold reads best in whole euros (€ 30.000), an amount spent to the cent."""
    return euro(bedrag, 0 if bedrag == bedrag.to_integral_value() else 2)


def _kort(bedrag) -> str:
    """An amount in a one-line reason: € 2,9 mln from a million, else whole euros."""
    if abs(bedrag) >= 1_000_000:
        return "€ " + f"{(bedrag / 1_000_000).quantize(Decimal('0.1'))}".replace(".", ",") + " mln"
    return euro(bedrag, 0)


def _soortnaam(soort: str) -> str:
    return "werken" if soort == "werk" else "leveringen en diensten"


def _fout(paren) -> dict:
    """{crediteurnummer: amount} as JSON strings, for the verantwoording."""
    return {nummer: f"{bedrag:.2f}" for nummer, bedrag in paren if bedrag}


class Gegevens:
    """What every rule reads, loaded once per computation: spend per crediteur in the year and the
    organisation's contracts with procedure, award date, value and term."""

    def __init__(self, organisatie, jaar: int, drempels: Drempels):
        self.organisatie, self.jaar, self.drempels = organisatie, jaar, drempels
        self.begin, self.eind = date(jaar, 1, 1), date(jaar, 12, 31)
        self.per_crediteur = list(
            Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar)
            .values("crediteur_id")
            .annotate(totaal=Sum("bedrag"))
            .order_by()
        )
        from uitgaven.models import Crediteur

        ids = [r["crediteur_id"] for r in self.per_crediteur]
        crediteuren = {}
        for i in range(0, len(ids), 5000):
            for c in (Crediteur.objects.filter(pk__in=ids[i:i + 5000])
                      .values("pk", "nummer", "naam", "inkooppakket_id", "inkooppakket__code",
                              "inkooppakket__naam", "inkooppakket__soort")):
                crediteuren[c["pk"]] = c
        for r in self.per_crediteur:
            c = crediteuren[r["crediteur_id"]]
            r["totaal"] = (r["totaal"] or NUL).quantize(CENT)
            r["nummer"], r["naam"] = c["nummer"], c["naam"]
            r["pakket_id"], r["pakketcode"] = c["inkooppakket_id"], c["inkooppakket__code"]
            r["pakketnaam"], r["pakketsoort"] = c["inkooppakket__naam"], c["inkooppakket__soort"] or ""
        self.per_crediteur.sort(key=lambda r: r["nummer"])
        self.totaal_per_id = {r["crediteur_id"]: r["totaal"] for r in self.per_crediteur}

        Contract = bronnen.contract_model()
        self.contracten = list(
            Contract.objects.filter(organisatie=organisatie)
            .annotate(_waarde=bronnen.contractwaarde_expressie(), _procedure=bronnen.procedure_expressie(),
                      _gunning=bronnen.gunningsdatum_expressie())
            .values("pk", "nummer", "omschrijving", "crediteur_id", "crediteur__nummer", "crediteur__naam",
                    "leverancier_naam", "soort", "startdatum", "einddatum", "einddatum_uiterlijk", "_waarde",
                    "_procedure", "_gunning", "inkooppakket__code", "inkooppakket__naam", "inkooppakket__soort",
                    "melding__kostenplaats__code", "traject__melding__kostenplaats__code", "melding_id",
                    "traject__melding_id", "opvolger_van_id")
            .order_by("startdatum", "pk")
        )
        europees = bronnen.europese_procedures()
        self.gedekt: set[int] = set()
        self.eu_gedekt: set[int] = set()
        for c in self.contracten:
            if c["crediteur_id"] and self.dekt_jaar(c):
                self.gedekt.add(c["crediteur_id"])
                if c["_procedure"] in europees:
                    self.eu_gedekt.add(c["crediteur_id"])

    def dekt_jaar(self, c) -> bool:
        return c["startdatum"] <= self.eind and (c["einddatum"] is None or c["einddatum"] >= self.begin)

    def besteding_per_dag(self, crediteur_ids) -> dict[int, list[tuple[date, Decimal]]]:
        """Spend per crediteur per booking date in the year, for terms that cover part of it."""
        uit = defaultdict(list)
        ids = sorted(set(crediteur_ids))
        for i in range(0, len(ids), 2000):
            for r in (Factuurregel.objects.filter(organisatie=self.organisatie, boekjaar=self.jaar,
                                                  crediteur_id__in=ids[i:i + 2000])
                      .values("crediteur_id", "boekdatum").annotate(s=Sum("bedrag")).order_by()):
                uit[r["crediteur_id"]].append((r["boekdatum"], r["s"] or NUL))
        return uit


def uitgaven_zonder_contract(g: Gegevens) -> list[Bevinding]:
    jaar, drempels = g.jaar, g.drempels
    uit = []
    for r in g.per_crediteur:
        soort = r["pakketsoort"]
        drempel = drempels.meervoudig(soort)
        totaal = r["totaal"]
        if drempel is None or totaal < drempel or r["crediteur_id"] in g.gedekt:
            continue
        eu = drempels.eu(soort)
        kader = Kader.EUROPEES if eu is not None and totaal >= eu else Kader.EIGEN_BELEID
        uit.append(Bevinding(
            soort=Soort.UITGAVEN_ZONDER_CONTRACT,
            sleutel=f"{Soort.UITGAVEN_ZONDER_CONTRACT}:{r['nummer']}",
            crediteurnummer=r["nummer"], crediteurnaam=r["naam"],
            onderwerp=r["naam"], bedrag=totaal, drempel=drempel, kader=kader,
            reden=(f"{_kort(totaal)} bij {r['naam']} zonder contract"
                   + (f", boven de Europese drempel van {_grens(eu)}" if kader == Kader.EUROPEES
                      else f"; vanaf {_grens(drempel)} zijn meerdere offertes nodig")),
            toelichting=(
                f"In {jaar} is {_eu(totaal)} uitgegeven bij {r['naam']}; vanaf "
                f"{_grens(drempel)} vraagt het beleid voor {_soortnaam(soort)} meer dan één offerte, "
                f"en er is geen geregistreerd contract met deze crediteur dat (een deel van) {jaar} dekt."
                + (f" Het bedrag ligt boven de Europese drempel van {_grens(eu)} (Aanbestedingswet 2012, "
                   f"deel 2)." if kader == Kader.EUROPEES else "")
            ),
            details={"pakket": r["pakketcode"] or None, "fout": _fout([(r["nummer"], totaal)])},
        ))
    return uit


def eu_drempel_pakket(g: Gegevens, drempels_1_januari: Drempels) -> list[Bevinding]:
    """The accountant's spend analysis: similar purchases (one inkooppakket) in the year, with
    crediteuren that have no contract from a European procedure covering the year, against the
    EU threshold in force on 1 January (Directive 2014/24/EU art. 5(11), Aw 2012 art. 2.19)."""
    per_pakket = defaultdict(list)
    pakketten = {}
    for r in g.per_crediteur:
        if r["pakket_id"] is None or r["crediteur_id"] in g.eu_gedekt:
            continue
        pakketten[r["pakketcode"]] = (r["pakketnaam"], r["pakketsoort"])
        per_pakket[r["pakketcode"]].append(r)
    uit = []
    for code in sorted(per_pakket):
        naam, soort = pakketten[code]
        drempel = drempels_1_januari.eu(soort)
        rijen = per_pakket[code]
        totaal = sum((r["totaal"] for r in rijen), NUL)
        if drempel is None or totaal < drempel:
            continue
        positief = sorted((r for r in rijen if r["totaal"] > 0), key=lambda r: (-r["totaal"], r["nummer"]))
        grootste = ", ".join(f"{r['naam']} ({_kort(r['totaal'])})" for r in positief[:3])
        uit.append(Bevinding(
            soort=Soort.EU_DREMPEL_PAKKET, sleutel=f"{Soort.EU_DREMPEL_PAKKET}:{code}",
            onderwerp=f"{code} {naam}", bedrag=totaal, drempel=drempel, kader=Kader.EUROPEES,
            reden=(f"{len(positief)} leveranciers in {naam} samen {_kort(totaal)} zonder Europese "
                   f"aanbesteding, boven de drempel van {_grens(drempel)}"),
            toelichting=(
                f"In {g.jaar} is in inkooppakket {code} {naam} {_eu(totaal)} uitgegeven bij "
                f"{len(positief)} crediteuren zonder een contract uit een Europese procedure. Gelijksoortige "
                f"opdrachten worden over twaalf maanden samengeteld (Richtlijn 2014/24/EU art. 5 lid 11, "
                f"Aanbestedingswet 2012 art. 2.19); samen liggen ze boven de Europese drempel van "
                f"{_grens(drempel)} voor {_soortnaam(soort)}. Grootste: {grootste}."
            ),
            details={"pakket": code, "crediteuren": len(positief),
                     "grootste": [f"{r['nummer']} {r['naam']}" for r in positief[:10]],
                     "fout": _fout((r["nummer"], r["totaal"]) for r in positief)},
        ))
    return uit


def _besteed_binnen(g: Gegevens, c, per_dag) -> Decimal:
    """Spend with the contract's crediteur in the year within the contract's term."""
    eind = c["einddatum"]
    if c["startdatum"] <= g.begin and (eind is None or eind >= g.eind):
        return g.totaal_per_id.get(c["crediteur_id"], NUL)
    van, tot = max(c["startdatum"], g.begin), min(eind or g.eind, g.eind)
    return sum((s for d, s in per_dag.get(c["crediteur_id"], []) if van <= d <= tot), NUL).quantize(CENT)


def procedure_te_licht(g: Gegevens, reeks: DrempelReeks) -> list[Bevinding]:
    """A contract whose procedure is lighter than the value required on its award date, with spend
    in the year: a finding every year there is spend under it (the doorloop), unless an earlier
    assessment judged it onterecht (a lawful exception, e.g. Aw 2012 art. 2.32)."""
    gewicht = bronnen.zwaarte()
    namen = bronnen.procedure_namen()
    uitzonderingen = set(
        Signaal.objects.filter(organisatie=g.organisatie, soort=Soort.PROCEDURE_TE_LICHT, jaar__lt=g.jaar,
                               beoordeling=Beoordeling.ONTERECHT).values_list("sleutel", flat=True))
    kandidaten = []
    for c in g.contracten:
        proc = c["_procedure"]
        if not c["crediteur_id"] or proc not in gewicht or c["soort"] not in ("levering", "dienst", "werk"):
            continue
        if not g.dekt_jaar(c) or f"{Soort.PROCEDURE_TE_LICHT}:{c['nummer']}" in uitzonderingen:
            continue
        waarde = (c["_waarde"] or NUL).quantize(CENT)
        vereist, vereist_naam, band, kader = reeks.op(c["_gunning"]).vereist(c["soort"], waarde)
        if gewicht[proc] < vereist:
            kandidaten.append((c, waarde, vereist_naam, band, kader))
    deels = [c["crediteur_id"] for c, *_ in kandidaten
             if not (c["startdatum"] <= g.begin and (c["einddatum"] is None or c["einddatum"] >= g.eind))]
    per_dag = g.besteding_per_dag(deels) if deels else {}
    uit = []
    for c, waarde, vereist_naam, band, kader in kandidaten:
        besteed = _besteed_binnen(g, c, per_dag)
        if besteed <= NUL:
            continue
        gunningsjaar = c["_gunning"].year
        doorloop = gunningsjaar < g.jaar
        procnaam = namen.get(c["_procedure"], c["_procedure"]).lower()
        naam = c["crediteur__naam"] or c["leverancier_naam"]
        uit.append(Bevinding(
            soort=Soort.PROCEDURE_TE_LICHT, sleutel=f"{Soort.PROCEDURE_TE_LICHT}:{c['nummer']}",
            crediteurnummer=c["crediteur__nummer"], crediteurnaam=naam,
            onderwerp=f"Contract {c['nummer']} {c['omschrijving']}"[:300], bedrag=besteed, drempel=band,
            kader=kader,
            reden=(f"{procnaam.capitalize()} voor {_grens(waarde)}; nodig was een {vereist_naam}"
                   + (f" (doorloop, gegund in {gunningsjaar})" if doorloop else "")),
            toelichting=(
                f"Contract {c['nummer']} met {naam} is op {datum(c['_gunning'])} gegund via een "
                f"{procnaam} voor {_grens(waarde)} (inclusief opties). Vanaf {_grens(band)} vraagt "
                + ("de Aanbestedingswet 2012 (deel 2) " if kader == Kader.EUROPEES else "het inkoopbeleid ")
                + f"voor {_soortnaam(c['soort'])} een {vereist_naam}. In {g.jaar} is onder dit contract "
                f"{_eu(besteed)} uitgegeven"
                + (f"; de fout loopt door sinds de gunning in {gunningsjaar}." if doorloop else ".")
            ),
            details={"contractnummer": c["nummer"], "contract_id": c["pk"], "pakket": c["inkooppakket__code"],
                     "procedure": c["_procedure"], "waarde": f"{waarde:.2f}", "gunningsdatum": c["_gunning"].isoformat(),
                     "doorloop": doorloop, "fout": _fout([(c["crediteur__nummer"], besteed)])},
        ))
    return uit


def _splitsing(posten, banden: dict):
    """The highest band that the posts cross together while each stays below it.

    `posten` is a list of (label, value, weight of the procedure used: 0 for a melding). Returns
    (band, selected posts) or None. `banden`: band -> weight of the procedure it asks for. Only posts of a positive value count, and only those whose
    procedure is lighter than the band asks (a contract tendered in Europe was not cut up to avoid
    the EU threshold); at least two are needed to speak of splitting.
    """
    for band, nodig in sorted(banden.items(), reverse=True):
        onder = [(naam, w) for naam, w, zw in posten if w is not None and NUL < w < band and zw < nodig]
        if len(onder) >= 2 and sum((w for _, w in onder), NUL) >= band:
            return band, onder
    return None


def _maanden_terug(d: date, maanden: int) -> date:
    m = d.year * 12 + d.month - 1 - maanden
    j, mnd = divmod(m, 12)
    return date(j, mnd + 1, min(d.day, calendar.monthrange(j, mnd + 1)[1]))


def mogelijke_splitsing(g: Gegevens, venster_maanden: int = 12) -> list[Bevinding]:
    """Meldingen and contracts in one inkooppakket for one kostenplaats, starting within twelve
    months (the latest in the year), each below a band and together at or over it: one purchase
    possibly cut up to avoid a procedure (Aw 2012 art. 1.5 and 2.15; adviesregels.md L-26).

    A contract that came from a melding stands for that melding (the same purchase, counted once).
    """
    gewicht = bronnen.zwaarte()
    posten = defaultdict(list)  # (pakket, kostenplaats) -> [(date, label, value, procedure weight)]
    pakketten = {}
    uit_melding = set()
    for c in g.contracten:
        kp = c["melding__kostenplaats__code"] or c["traject__melding__kostenplaats__code"]
        code = c["inkooppakket__code"]
        if not kp or not code:
            continue
        for m in (c["melding_id"], c["traject__melding_id"]):
            if m:
                uit_melding.add(m)
        pakketten[code] = (c["inkooppakket__naam"], c["inkooppakket__soort"] or "")
        posten[(code, kp)].append((c["startdatum"], f"contract {c['nummer']} "
                                   f"{c['crediteur__naam'] or c['leverancier_naam']}".strip(), c["_waarde"],
                                   gewicht.get(c["_procedure"], 0)))
    meldingen = (
        Inkoopmelding.objects.filter(organisatie=g.organisatie, inkooppakket__isnull=False,
                                     kostenplaats__isnull=False, ingediend_op__isnull=False,
                                     ingediend_op__year__gte=g.jaar - 1, ingediend_op__year__lte=g.jaar)
        .exclude(status__in=[MeldingStatus.CONCEPT, MeldingStatus.INGETROKKEN])
        .values_list("pk", "nummer", "omschrijving", "geraamde_waarde", "gewenste_startdatum", "ingediend_op",
                     "inkooppakket__code", "inkooppakket__naam", "inkooppakket__soort", "soort", "kostenplaats__code")
        .order_by("pk")
    )
    for pk, nummer, omschrijving, waarde, start, ingediend, code, naam, pakketsoort, meldingsoort, kp in meldingen:
        if pk in uit_melding:
            continue
        soort = pakketsoort or ("werk" if meldingsoort == "werk" else "")
        pakketten.setdefault(code, (naam, soort))
        posten[(code, kp)].append((start or ingediend.date(), f"melding {nummer} {omschrijving}".strip(), waarde, 0))
    uit = []
    for (code, kp), rijen in sorted(posten.items()):
        naam, soort = pakketten[code]
        d = g.drempels
        banden = {b: 4 if b == d.eu(soort) else 3 if soort == "werk" and b == d.nationaal_werk else 2
                  for b in d.banden(soort)}
        rijen.sort(key=lambda p: (p[0], p[1]))
        beste = None
        for d, *_rest in rijen:
            if d.year != g.jaar:
                continue
            vanaf = _maanden_terug(d, venster_maanden)
            venster = [(label, w, zw) for d2, label, w, zw in rijen if vanaf < d2 <= d]
            gevonden = _splitsing(venster, banden)
            if gevonden and (beste is None or (gevonden[0], sum(w for _, w in gevonden[1]))
                             > (beste[0], sum(w for _, w in beste[1]))):
                beste = gevonden
        if beste is None:
            continue
        band, onder = beste
        totaal = sum((w for _, w in onder), NUL)
        eu = g.drempels.eu(soort)
        kader = Kader.EUROPEES if eu is not None and band >= eu else Kader.EIGEN_BELEID
        uit.append(Bevinding(
            soort=Soort.MOGELIJKE_SPLITSING, sleutel=f"{Soort.MOGELIJKE_SPLITSING}:{code}:{kp}",
            onderwerp=f"{code} {naam}, kostenplaats {kp}", bedrag=totaal, drempel=band, kader=kader,
            reden=(f"{len(onder)} opdrachten {naam} voor kostenplaats {kp} samen {_kort(totaal)}, "
                   f"elk onder {_grens(band)}"),
            toelichting=(
                f"{len(onder)} inkoopmeldingen of contracten in inkooppakket {code} {naam} voor kostenplaats "
                f"{kp} starten binnen {venster_maanden} maanden en blijven elk onder {_grens(band)} "
                f"({_soortnaam(soort)}), maar komen samen op {_eu(totaal)}; controleer of één opdracht is "
                f"opgeknipt (Aanbestedingswet 2012, art. 1.5 en 2.15)."
            ),
            details={"pakket": code, "kostenplaats": kp, "aantal": len(onder),
                     "grootste": [n for n, _ in sorted(onder, key=lambda p: -p[1])[:10]],
                     "fout": {f"{code}/{kp}": f"{totaal:.2f}"}},
        ))
    return uit


def _besteed_binnen_looptijd(g: Gegevens, contracten) -> dict[int, Decimal]:
    """Spend with each running contract's crediteur from its start to its end (at most the end of
    the year): one join of the contracts with the ledger, grouped per contract. The contracts are
    those of `Gegevens.dekt_jaar`; the ledger's unique key (organisatie, boekjaar, crediteur, ...)
    bounds the years read."""
    from django.db import connection

    if not contracten:
        return {}
    eerste_jaar = min(c["startdatum"].year for c in contracten)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, SUM(f.bedrag) FROM contracten_contract c "
            "JOIN uitgaven_factuurregel f ON f.organisatie_id = c.organisatie_id "
            "AND f.crediteur_id = c.crediteur_id AND f.boekjaar >= %s AND f.boekjaar <= %s "
            "AND f.boekdatum >= c.startdatum "
            "AND f.boekdatum <= CASE WHEN c.einddatum IS NOT NULL AND c.einddatum < %s THEN c.einddatum ELSE %s END "
            "WHERE c.organisatie_id = %s AND c.crediteur_id IS NOT NULL AND c.startdatum <= %s "
            "AND (c.einddatum IS NULL OR c.einddatum >= %s) GROUP BY c.id",
            [eerste_jaar, g.jaar, g.eind, g.eind, g.organisatie.pk, g.eind, g.begin])
        return {pk: Decimal(som).quantize(CENT) if som is not None else NUL for pk, som in cursor.fetchall()}


def contract_overschreden(g: Gegevens) -> list[Bevinding]:
    """Spend with the contract's crediteur within its term (up to the end of the year) > value."""
    jaar = g.jaar
    lopend = [c for c in g.contracten if c["crediteur_id"] and g.dekt_jaar(c)]
    if not lopend:
        return []
    uitgaven = _besteed_binnen_looptijd(g, lopend)
    uit = []
    for c in lopend:
        waarde = (c["_waarde"] or NUL).quantize(CENT)
        besteed_bedrag = (uitgaven.get(c["pk"]) or NUL).quantize(CENT)
        if waarde <= NUL or besteed_bedrag <= waarde:
            continue
        naam = c["crediteur__naam"]
        looptijd = f"{datum(c['startdatum'])} tot {datum(c['einddatum'])}" if c["einddatum"] else \
            f"vanaf {datum(c['startdatum'])}"
        boven = besteed_bedrag - waarde
        europees = c["_procedure"] in bronnen.europese_procedures()
        uit.append(Bevinding(
            soort=Soort.CONTRACT_OVERSCHREDEN,
            sleutel=f"{Soort.CONTRACT_OVERSCHREDEN}:{c['pk']}",
            crediteurnummer=c["crediteur__nummer"], crediteurnaam=naam,
            onderwerp=f"Contract {c['nummer']} {naam}", bedrag=besteed_bedrag, drempel=waarde,
            kader=Kader.EUROPEES if europees else Kader.EIGEN_BELEID,
            reden=f"{_kort(boven)} meer uitgegeven dan contract {c['nummer']} toestaat ({_grens(waarde)})",
            toelichting=(
                f"Binnen de looptijd van contract {c['nummer']} met {naam} ({looptijd}) is tot en met "
                f"{jaar} {_eu(besteed_bedrag)} uitgegeven, meer dan de contractwaarde inclusief opties "
                f"van {_grens(waarde)}."
                + (" Een wezenlijke wijziging van een Europees gegund contract vraagt een nieuwe "
                   "aanbesteding (Aanbestedingswet 2012, art. 2.163a-g)." if europees else "")
            ),
            details={"contract_id": c["pk"], "contractnummer": c["nummer"], "pakket": c["inkooppakket__code"],
                     "risicobedrag": f"{boven:.2f}", "fout": _fout([(c["crediteur__nummer"], boven)])},
        ))
    return uit


def _besteed_na_laatste_contract(g: Gegevens) -> dict[int, tuple[Decimal, int]]:
    """Per crediteur: spend in the year booked after the end of its last contract, and in how many
    lines. One join, grouped per crediteur; the caller leaves out crediteuren with an indefinite
    contract (a HAVING for that here made PostgreSQL misjudge the join and loop over the index)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f.crediteur_id, SUM(f.bedrag), COUNT(*) FROM uitgaven_factuurregel f "
            "JOIN (SELECT crediteur_id, MAX(einddatum) AS einde FROM contracten_contract "
            "      WHERE organisatie_id = %s AND crediteur_id IS NOT NULL GROUP BY crediteur_id) l "
            "ON l.crediteur_id = f.crediteur_id "
            "WHERE f.organisatie_id = %s AND f.boekjaar = %s AND f.boekdatum > l.einde GROUP BY f.crediteur_id",
            [g.organisatie.pk, g.organisatie.pk, g.jaar])
        return {cid: (Decimal(som).quantize(CENT), dagen) for cid, som, dagen in cursor.fetchall()}


def contract_verlopen(g: Gegevens) -> list[Bevinding]:
    """Spend in the year booked after the end of the crediteur's last contract (no successor)."""
    laatste: dict[int, dict] = {}
    onbepaald: set[int] = set()
    for c in g.contracten:
        cid = c["crediteur_id"]
        if not cid:
            continue
        if c["einddatum"] is None:
            onbepaald.add(cid)
        elif cid not in laatste or c["einddatum"] > laatste[cid]["einddatum"]:
            laatste[cid] = c
    kandidaten = {cid: c for cid, c in laatste.items()
                  if cid not in onbepaald and c["einddatum"] < g.eind and cid in g.totaal_per_id}
    na_einde = _besteed_na_laatste_contract(g) if kandidaten else {}
    uit = []
    for r in g.per_crediteur:
        c = kandidaten.get(r["crediteur_id"])
        if c is None or r["crediteur_id"] not in na_einde:
            continue
        totaal, dagen = na_einde[r["crediteur_id"]]
        if totaal <= NUL:
            continue
        soort = r["pakketsoort"] or c["soort"]
        eu = g.drempels.eu(soort)
        kader = Kader.EUROPEES if eu is not None and totaal >= eu else Kader.EIGEN_BELEID
        uit.append(Bevinding(
            soort=Soort.CONTRACT_VERLOPEN,
            sleutel=f"{Soort.CONTRACT_VERLOPEN}:{r['nummer']}",
            crediteurnummer=r["nummer"], crediteurnaam=r["naam"],
            onderwerp=r["naam"], bedrag=totaal, drempel=None, kader=kader,
            reden=f"{_kort(totaal)} bij {r['naam']} na afloop van contract {c['nummer']} ({datum(c['einddatum'])})",
            toelichting=(
                f"Het laatste contract met {r['naam']} ({c['nummer']}) liep af op {datum(c['einddatum'])}, "
                f"zonder opvolger; daarna is in {g.jaar} nog {_eu(totaal)} geboekt "
                f"({dagen} factuurregels)."
            ),
            details={"einddatum": c["einddatum"].isoformat(), "contractnummer": c["nummer"],
                     "pakket": r["pakketcode"], "fout": _fout([(r["nummer"], totaal)])},
        ))
    return uit


def leverancier_zonder_pakket(g: Gegevens) -> list[Bevinding]:
    grens = g.drempels.leverancier_zonder_pakket
    uit = []
    for r in g.per_crediteur:
        totaal = r["totaal"]
        if r["pakket_id"] is not None or totaal < grens:
            continue
        uit.append(Bevinding(
            soort=Soort.LEVERANCIER_ZONDER_PAKKET,
            sleutel=f"{Soort.LEVERANCIER_ZONDER_PAKKET}:{r['nummer']}",
            crediteurnummer=r["nummer"], crediteurnaam=r["naam"],
            onderwerp=r["naam"], bedrag=totaal, drempel=grens,
            reden=f"{_kort(totaal)} bij {r['naam']}, nog niet ingedeeld in een inkooppakket",
            toelichting=(
                f"{r['naam']} ontving in {g.jaar} {_eu(totaal)}, {_grens(grens)} of meer, maar is "
                f"nog niet ingedeeld in een inkooppakket; zonder pakket is niet te toetsen of de "
                f"inkoop rechtmatig was."
            ),
        ))
    return uit


def melding_zonder_advies(organisatie, jaar, drempels: Drempels, peildatum: date) -> list[Bevinding]:
    """Meldingen submitted in `jaar` still waiting for an advice after N working days (policy)."""
    from django.utils import timezone

    wachtend = [MeldingStatus.INGEDIEND, MeldingStatus.IN_BEHANDELING]
    rijen = (
        Inkoopmelding.objects.filter(organisatie=organisatie, status__in=wachtend,
                                     ingediend_op__isnull=False, ingediend_op__year=jaar)
        .values_list("pk", "nummer", "omschrijving", "geraamde_waarde", "ingediend_op", "afdeling")
        .order_by("ingediend_op", "pk")
    )
    grens = drempels.werkdagen_tot_advies
    uit = []
    for pk, nummer, omschrijving, waarde, ingediend_op, afdeling in rijen:
        ingediend = timezone.localtime(ingediend_op).date()
        dagen = werkdagen_tussen(ingediend, peildatum)
        if dagen <= grens:
            continue
        label = f"{nummer} {omschrijving}".strip() if nummer else omschrijving
        uit.append(Bevinding(
            soort=Soort.MELDING_ZONDER_ADVIES,
            sleutel=f"{Soort.MELDING_ZONDER_ADVIES}:{pk}",
            onderwerp=label, bedrag=(waarde or NUL).quantize(CENT), drempel=None,
            reden=f"Melding {label} wacht al {dagen} werkdagen op een advies (norm {grens})",
            toelichting=(
                f"Inkoopmelding {label} is op {datum(ingediend)} ingediend en wacht na {dagen} "
                f"werkdagen nog op een advies; de norm is {grens} werkdagen."
            ),
            details={"melding_id": pk, "werkdagen": dagen, "norm_werkdagen": grens,
                     "afdeling": afdeling},
        ))
    return uit


def bereken(organisatie, jaar: int, drempels: Drempels, peildatum: date) -> list[Bevinding]:
    """Every signal of `jaar`, highest risk first."""
    g = Gegevens(organisatie, jaar, drempels)
    reeks = DrempelReeks(organisatie)
    uit = []
    uit += uitgaven_zonder_contract(g)
    uit += eu_drempel_pakket(g, reeks.op(date(jaar, 1, 1)))
    uit += procedure_te_licht(g, reeks)
    uit += mogelijke_splitsing(g, venster_maanden=drempels.splitsing_venster_maanden)
    uit += contract_overschreden(g)
    uit += contract_verlopen(g)
    uit += melding_zonder_advies(organisatie, jaar, drempels, peildatum)
    uit += leverancier_zonder_pakket(g)
    volgorde = {w: i for i, w in enumerate(Soort.values)}
    uit.sort(key=lambda b: (-b.risico, volgorde[b.soort], b.sleutel))
    return uit
