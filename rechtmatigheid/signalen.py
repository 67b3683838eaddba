"""The signaleringslijst: which purchases of a year carry a rechtmatigheid risk (interfaces.md §5).

Each function computes one kind of signal with SQL aggregates (one query per table) and returns
`Bevinding` objects; `rechtmatigheid.services.signalen_berekenen` stores them. Comparisons with
a threshold happen on the Decimal values Django returns (exact on both PostgreSQL and SQLite,
where a HAVING on a sum of decimals would compare floats).

Sources of the rules: the procedure bands of the policy (adviesregels.md §1.2, P-10/P-11), the
EU thresholds (§1.1), the ban on splitting to escape a procedure (Aw 2012 art. 1.5 / 2.15,
adviesregels.md L-26), and the 15.000 limit for spend to be classified (product.md §4).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DateField,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Least

from inkoop.formatting import datum, euro
from inkoop.werkdagen import werkdagen_tussen
from meldingen.models import Inkoopmelding
from meldingen.models import Status as MeldingStatus
from uitgaven.models import Factuurregel

from . import bronnen
from .drempels import Drempels
from .models import Soort

NUL = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass
class Bevinding:
    soort: str
    sleutel: str
    bedrag: Decimal
    drempel: Decimal | None
    toelichting: str
    crediteurnummer: str = ""
    crediteurnaam: str = ""
    onderwerp: str = ""
    details: dict = field(default_factory=dict)


def _eu(bedrag) -> str:
    return euro(bedrag, 2)


def _grens(bedrag) -> str:
    """A threshold reads best in whole euros (€ 30.000), an amount spent to the cent."""
    return euro(bedrag, 0 if bedrag == bedrag.to_integral_value() else 2)


def _soortnaam(soort: str) -> str:
    return "werken" if soort == "werk" else "leveringen en diensten"


def _uitgaven_per_crediteur(organisatie, jaar):
    """Spend per crediteur in boekjaar `jaar`: one GROUP BY over the ledger."""
    return list(
        Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar)
        .values("crediteur_id", "crediteur__nummer", "crediteur__naam", "crediteur__inkooppakket_id",
                "crediteur__inkooppakket__code", "crediteur__inkooppakket__naam",
                "crediteur__inkooppakket__soort")
        .annotate(totaal=Sum("bedrag"), kostenplaatsen=Count("kostenplaats", distinct=True))
        .order_by("crediteur__nummer")
    )


def _gedekte_crediteuren(organisatie, jaar) -> set[int]:
    """Crediteuren with a registered contract that covers some part of `jaar`."""
    contracten = bronnen.contracten_van(organisatie)
    if contracten is None:
        return set()
    begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    return set(
        contracten.filter(Q(startdatum__isnull=True) | Q(startdatum__lte=eind))
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
        .values_list("crediteur_id", flat=True)
    )


def uitgaven_zonder_contract(organisatie, jaar, drempels: Drempels, per_crediteur) -> list[Bevinding]:
    gedekt = _gedekte_crediteuren(organisatie, jaar)
    uit = []
    for r in per_crediteur:
        soort = r["crediteur__inkooppakket__soort"] or ""
        drempel = drempels.meervoudig(soort)
        totaal = r["totaal"] or NUL
        if drempel is None or totaal < drempel or r["crediteur_id"] in gedekt:
            continue
        uit.append(Bevinding(
            soort=Soort.UITGAVEN_ZONDER_CONTRACT,
            sleutel=f"{Soort.UITGAVEN_ZONDER_CONTRACT}:{r['crediteur__nummer']}",
            crediteurnummer=r["crediteur__nummer"], crediteurnaam=r["crediteur__naam"],
            onderwerp=r["crediteur__naam"], bedrag=totaal, drempel=drempel,
            toelichting=(
                f"In {jaar} is {_eu(totaal)} uitgegeven bij {r['crediteur__naam']}; vanaf "
                f"{_grens(drempel)} vraagt het beleid voor {_soortnaam(soort)} meer dan één offerte, "
                f"en er is geen geregistreerd contract met deze crediteur dat (een deel van) {jaar} dekt."
            ),
            details={"pakket": r["crediteur__inkooppakket__code"] or None,
                     "kostenplaatsen": r["kostenplaatsen"]},
        ))
    return uit


def leverancier_zonder_pakket(organisatie, jaar, drempels: Drempels, per_crediteur) -> list[Bevinding]:
    grens = drempels.leverancier_zonder_pakket
    uit = []
    for r in per_crediteur:
        totaal = r["totaal"] or NUL
        if r["crediteur__inkooppakket_id"] is not None or totaal < grens:
            continue
        uit.append(Bevinding(
            soort=Soort.LEVERANCIER_ZONDER_PAKKET,
            sleutel=f"{Soort.LEVERANCIER_ZONDER_PAKKET}:{r['crediteur__nummer']}",
            crediteurnummer=r["crediteur__nummer"], crediteurnaam=r["crediteur__naam"],
            onderwerp=r["crediteur__naam"], bedrag=totaal, drempel=grens,
            toelichting=(
                f"{r['crediteur__naam']} ontving in {jaar} {_eu(totaal)}, {_grens(grens)} of meer, maar is "
                f"nog niet ingedeeld in een inkooppakket; zonder pakket is niet te toetsen of de "
                f"inkoop rechtmatig was."
            ),
        ))
    return uit


def _splitsing(posten, banden):
    """The highest band that the posts cross together while each stays below it.

    `posten` is a list of (label, value). Returns (band, selected posts) or None. Only posts of
    a positive value count; at least two are needed to speak of splitting.
    """
    for band in sorted(banden, reverse=True):
        onder = [(naam, w) for naam, w in posten if w is not None and NUL < w < band]
        if len(onder) >= 2 and sum((w for _, w in onder), NUL) >= band:
            return band, onder
    return None


def _splitsingsbevinding(jaar, soortpost, pakket, soort, band, onder, meervoud, details=None):
    totaal = sum((w for _, w in onder), NUL)
    code, naam = pakket
    return Bevinding(
        soort=Soort.MOGELIJKE_SPLITSING,
        sleutel=f"{Soort.MOGELIJKE_SPLITSING}:{soortpost}:{code}",
        onderwerp=f"{code} {naam}", bedrag=totaal, drempel=band,
        toelichting=(
            f"{len(onder)} {meervoud} in inkooppakket {code} {naam} blijven in {jaar} elk onder "
            f"{_grens(band)} ({_soortnaam(soort)}), maar komen samen op {_eu(totaal)}; "
            f"controleer of één opdracht is opgeknipt (Aanbestedingswet 2012, art. 1.5 en 2.15)."
        ),
        details={"pakket": code, "posten": soortpost, "aantal": len(onder),
                 "grootste": [n for n, _ in sorted(onder, key=lambda p: -p[1])[:10]], **(details or {})},
    )


def mogelijke_splitsing(organisatie, jaar, drempels: Drempels, per_crediteur) -> list[Bevinding]:
    """Several crediteuren, meldingen or contracts of one pakket in the year (12 months)."""
    uit = []
    # 1. Crediteuren: spend per crediteur in the year, grouped by their pakket.
    per_pakket = defaultdict(list)
    pakketten = {}
    for r in per_crediteur:
        if r["crediteur__inkooppakket_id"] is None:
            continue
        code = r["crediteur__inkooppakket__code"]
        pakketten[code] = (code, r["crediteur__inkooppakket__naam"], r["crediteur__inkooppakket__soort"] or "")
        per_pakket[code].append((f"{r['crediteur__nummer']} {r['crediteur__naam']}", r["totaal"]))
    for code, posten in sorted(per_pakket.items()):
        _c, naam, soort = pakketten[code]
        gevonden = _splitsing(posten, drempels.banden(soort))
        if gevonden:
            uit.append(_splitsingsbevinding(jaar, "crediteuren", (code, naam), soort, *gevonden,
                                            meervoud="crediteuren"))

    # 2. Meldingen submitted in the year, by their pakket (geraamde waarde).
    meldingen = (
        Inkoopmelding.objects.filter(organisatie=organisatie, ingediend_op__year=jaar,
                                     inkooppakket__isnull=False)
        .exclude(status__in=[MeldingStatus.CONCEPT, MeldingStatus.INGETROKKEN])
        .values_list("nummer", "omschrijving", "geraamde_waarde", "inkooppakket__code",
                     "inkooppakket__naam", "inkooppakket__soort", "soort")
        .order_by("inkooppakket__code", "nummer")
    )
    per_pakket = defaultdict(list)
    pakketten = {}
    for nummer, omschrijving, waarde, code, naam, pakketsoort, meldingsoort in meldingen:
        soort = pakketsoort or ("werk" if meldingsoort == "werk" else "")
        pakketten[code] = (code, naam, soort)
        per_pakket[code].append((f"{nummer} {omschrijving}".strip(), waarde))
    for code, posten in sorted(per_pakket.items()):
        _c, naam, soort = pakketten[code]
        gevonden = _splitsing(posten, drempels.banden(soort))
        if gevonden:
            uit.append(_splitsingsbevinding(jaar, "meldingen", (code, naam), soort, *gevonden,
                                            meervoud="inkoopmeldingen"))

    # 3. Contracts starting in the year, by their pakket (value incl. options).
    contracten = bronnen.contracten_van(organisatie)
    if contracten is not None:
        Contract = bronnen.contract_model()
        rijen = (
            contracten.filter(startdatum__year=jaar, inkooppakket__isnull=False)
            .annotate(_waarde=bronnen.contractwaarde_expressie(Contract))
            .values_list("nummer", "_waarde", "crediteur__naam", "inkooppakket__code", "inkooppakket__naam",
                         "inkooppakket__soort")
            .order_by("inkooppakket__code", "pk")
        )
        per_pakket = defaultdict(list)
        pakketten = {}
        for nummer, waarde, crediteurnaam, code, naam, soort in rijen:
            pakketten[code] = (code, naam, soort or "")
            per_pakket[code].append((f"contract {nummer} {crediteurnaam or ''}".strip(), waarde))
        for code, posten in sorted(per_pakket.items()):
            _c, naam, soort = pakketten[code]
            gevonden = _splitsing(posten, drempels.banden(soort))
            if gevonden:
                uit.append(_splitsingsbevinding(jaar, "contracten", (code, naam), soort, *gevonden,
                                                meervoud="contracten"))
    return uit


def contract_overschreden(organisatie, jaar, drempels: Drempels) -> list[Bevinding]:
    """Spend with the contract's crediteur within its term (up to the end of `jaar`) > value."""
    contracten = bronnen.contracten_van(organisatie)
    if contracten is None:
        return []
    Contract = bronnen.contract_model()
    begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    geld = DecimalField(max_digits=15, decimal_places=2)
    besteed = (
        Factuurregel.objects.filter(organisatie=organisatie, crediteur=OuterRef("crediteur"),
                                    boekdatum__gte=OuterRef("startdatum"),
                                    boekdatum__lte=OuterRef("_einde"))
        .values("crediteur").annotate(s=Sum("bedrag")).values("s")
    )
    rijen = (
        contracten.filter(startdatum__isnull=False, startdatum__lte=eind, crediteur__isnull=False)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
        # The term counted: from the start up to the end date, at most up to the end of `jaar`.
        .annotate(_einde=Least(Coalesce("einddatum", Value(eind, output_field=DateField())),
                                 Value(eind, output_field=DateField())))
        .annotate(_waarde=bronnen.contractwaarde_expressie(Contract),
                  _besteed=Coalesce(Subquery(besteed, output_field=geld), Value(NUL, output_field=geld)))
        .values("pk", "nummer", "_waarde", "_besteed", "startdatum", "einddatum", "crediteur__nummer",
                "crediteur__naam")
        .order_by("pk")
    )
    uit = []
    for r in rijen:
        waarde = (r["_waarde"] or NUL).quantize(CENT)
        besteed_bedrag = (r["_besteed"] or NUL).quantize(CENT)
        if waarde <= NUL or besteed_bedrag <= waarde:
            continue
        looptijd = f"{datum(r['startdatum'])} tot {datum(r['einddatum'])}" if r["einddatum"] else \
            f"vanaf {datum(r['startdatum'])}"
        uit.append(Bevinding(
            soort=Soort.CONTRACT_OVERSCHREDEN,
            sleutel=f"{Soort.CONTRACT_OVERSCHREDEN}:{r['pk']}",
            crediteurnummer=r["crediteur__nummer"], crediteurnaam=r["crediteur__naam"],
            onderwerp=f"Contract {r['nummer']} {r['crediteur__naam']}", bedrag=besteed_bedrag, drempel=waarde,
            toelichting=(
                f"Binnen de looptijd van contract {r['nummer']} met {r['crediteur__naam']} ({looptijd}) is tot en met "
                f"{jaar} {_eu(besteed_bedrag)} uitgegeven, meer dan de contractwaarde inclusief opties "
                f"van {_grens(waarde)}."
            ),
            details={"contract_id": r["pk"], "contractnummer": r["nummer"]},
        ))
    return uit


def contract_verlopen(organisatie, jaar, drempels: Drempels) -> list[Bevinding]:
    """Spend in `jaar` booked after the end of the crediteur's last contract (no successor)."""
    contracten = bronnen.contracten_van(organisatie)
    if contracten is None:
        return []
    laatste_einde = (
        contracten.filter(crediteur=OuterRef("crediteur"), einddatum__isnull=False)
        .order_by("-einddatum").values("einddatum")[:1]
    )
    # A contract without an end date (indefinite) never runs out.
    onbepaald = contracten.filter(crediteur=OuterRef("crediteur"), einddatum__isnull=True)
    rijen = (
        Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar)
        .annotate(_einde=Subquery(laatste_einde))
        .filter(_einde__isnull=False, boekdatum__gt=F("_einde"))
        .exclude(Exists(onbepaald))
        .values("crediteur__nummer", "crediteur__naam", "_einde")
        .annotate(totaal=Sum("bedrag"), regels=Count("id"))
        .order_by("crediteur__nummer")
    )
    uit = []
    for r in rijen:
        totaal = (r["totaal"] or NUL).quantize(CENT)
        if totaal <= NUL:
            continue
        uit.append(Bevinding(
            soort=Soort.CONTRACT_VERLOPEN,
            sleutel=f"{Soort.CONTRACT_VERLOPEN}:{r['crediteur__nummer']}",
            crediteurnummer=r["crediteur__nummer"], crediteurnaam=r["crediteur__naam"],
            onderwerp=r["crediteur__naam"], bedrag=totaal, drempel=None,
            toelichting=(
                f"Het laatste contract met {r['crediteur__naam']} liep af op {datum(r['_einde'])}, "
                f"zonder opvolger; daarna is in {jaar} nog {_eu(totaal)} geboekt "
                f"({r['regels']} factuurregels)."
            ),
            details={"einddatum": r["_einde"].isoformat(), "regels": r["regels"]},
        ))
    return uit


def melding_zonder_advies(organisatie, jaar, drempels: Drempels, peildatum: date) -> list[Bevinding]:
    """Meldingen submitted in `jaar` still waiting for an advice after N working days."""
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
            toelichting=(
                f"Inkoopmelding {label} is op {datum(ingediend)} ingediend en wacht na {dagen} "
                f"werkdagen nog op een advies; de norm is {grens} werkdagen."
            ),
            details={"melding_id": pk, "werkdagen": dagen, "norm_werkdagen": grens,
                     "afdeling": afdeling},
        ))
    return uit


def bereken(organisatie, jaar: int, drempels: Drempels, peildatum: date) -> list[Bevinding]:
    """Every signal of `jaar`, in the order of the Soort choices."""
    per_crediteur = _uitgaven_per_crediteur(organisatie, jaar)
    for r in per_crediteur:
        r["totaal"] = (r["totaal"] or NUL).quantize(CENT)
    uit = []
    uit += uitgaven_zonder_contract(organisatie, jaar, drempels, per_crediteur)
    uit += mogelijke_splitsing(organisatie, jaar, drempels, per_crediteur)
    uit += contract_overschreden(organisatie, jaar, drempels)
    uit += contract_verlopen(organisatie, jaar, drempels)
    uit += melding_zonder_advies(organisatie, jaar, drempels, peildatum)
    uit += leverancier_zonder_pakket(organisatie, jaar, drempels, per_crediteur)
    return uit
