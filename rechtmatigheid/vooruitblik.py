"""Preventive control: what will become a finding if nobody acts (the accountant's advice to
Enschede: prevent instead of detect afterwards).

Two lists for the running year, for the budget holder and the afdeling Inkoop:

- Pakketten heading over the EU threshold: the spend so far in the year with crediteuren without
  a European contract, projected to the end of the year at the same pace (a pakket already over
  it is on the signaleringslijst). The same projection per crediteur without any contract
  against the band that asks for more than one quote.
- Contracts ending within the lead time of the procedure their successor needs, with no
  successor contract and no melding for the successor. The lead time follows the procedure the
  contract's value requires (`DOORLOOPTIJD_MAANDEN`).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q

from inkoop.formatting import euro
from meldingen.models import Inkoopmelding
from meldingen.models import Status as MeldingStatus

from . import bronnen
from .drempels import DrempelReeks, drempels_voor
from .signalen import Gegevens

NUL = Decimal("0.00")
# Planning norms from the melding to a signed contract, per weight of the procedure required
# (PIANOo, "Doorlooptijden aanbestedingsprocedures": a European open procedure takes six to nine
# months including preparation and standstill; a national one about six; meervoudig onderhands
# about three; a single quote about one).
DOORLOOPTIJD_MAANDEN = {4: 9, 3: 6, 2: 3, 1: 1}
# How far ahead of that lead time the list starts warning.
MARGE_MAANDEN = 3


@dataclass
class Prognose:
    soort: str  # "pakket" or "crediteur"
    onderwerp: str
    pakketcode: str
    tot_nu: Decimal
    prognose: Decimal
    drempel: Decimal
    reden: str


@dataclass
class AflopendContract:
    contract_id: int
    nummer: str
    omschrijving: str
    leverancier: str
    einde: date
    nodig: str
    doorlooptijd_maanden: int
    melden_uiterlijk: date
    te_laat: bool


def _maanden_terug(d: date, maanden: int) -> date:
    from .signalen import _maanden_terug as terug

    return terug(d, maanden)


def prognoses(*, organisatie, peildatum: date) -> list[Prognose]:
    jaar = peildatum.year
    drempels = drempels_voor(organisatie, peildatum)
    g = Gegevens(organisatie, jaar, drempels)
    from uitgaven.models import Factuurregel

    laatste = (Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar).order_by("-boekdatum")
               .values_list("boekdatum", flat=True).first())
    if laatste is None:
        return []
    verstreken = (laatste - date(jaar, 1, 1)).days + 1
    factor = Decimal((date(jaar, 12, 31) - date(jaar, 1, 1)).days + 1) / Decimal(verstreken)
    uit = []
    per_pakket: dict[str, list] = {}
    for r in g.per_crediteur:
        if r["pakket_id"] is not None and r["crediteur_id"] not in g.eu_gedekt:
            per_pakket.setdefault(r["pakketcode"], []).append(r)
        if r["crediteur_id"] in g.gedekt:
            continue
        band = drempels.meervoudig(r["pakketsoort"])
        prognose = (r["totaal"] * factor).quantize(Decimal("0.01"))
        if r["totaal"] < band <= prognose:
            uit.append(Prognose("crediteur", r["naam"], r["pakketcode"] or "", r["totaal"], prognose, band,
                                f"Op dit tempo komt {r['naam']} dit jaar boven {euro(band)} zonder contract: "
                                f"vraag nu meerdere offertes of sluit een contract."))
    for code, rijen in sorted(per_pakket.items()):
        soort = rijen[0]["pakketsoort"]
        drempel = drempels.eu(soort)
        totaal = sum((r["totaal"] for r in rijen), NUL)
        prognose = (totaal * factor).quantize(Decimal("0.01"))
        if drempel is not None and totaal < drempel <= prognose:
            uit.append(Prognose("pakket", f"{code} {rijen[0]['pakketnaam']}", code, totaal, prognose, drempel,
                                f"Op dit tempo komt {rijen[0]['pakketnaam']} dit jaar boven de Europese drempel: "
                                f"start een Europese aanbesteding of raamovereenkomst."))
    uit.sort(key=lambda p: (-(p.prognose / p.drempel), p.onderwerp))
    return uit


def aflopende_contracten(*, organisatie, peildatum: date, contracten=None) -> list[AflopendContract]:
    """Contracts whose end (with the options left) falls within lead time plus margin, without a
    successor contract or a melding for the successor."""
    contracten = contracten if contracten is not None else bronnen.contracten_van(organisatie)
    reeks = DrempelReeks(organisatie)
    horizon = peildatum + timedelta(days=31 * (max(DOORLOOPTIJD_MAANDEN.values()) + MARGE_MAANDEN))
    rijen = list(
        contracten.filter(Q(einddatum_uiterlijk__gte=peildatum, einddatum_uiterlijk__lte=horizon)
                          | Q(einddatum_uiterlijk__isnull=True, einddatum__gte=peildatum, einddatum__lte=horizon))
        .filter(opvolgers__isnull=True)
        .annotate(_waarde=bronnen.contractwaarde_expressie())
        .select_related("crediteur").order_by("einddatum_uiterlijk", "einddatum", "nummer")
    )
    if not rijen:
        return []
    meldingen = list(Inkoopmelding.objects.filter(organisatie=organisatie)
                     .exclude(status__in=[MeldingStatus.CONCEPT, MeldingStatus.INGETROKKEN])
                     .exclude(bestaand_contract="")
                     .values_list("bestaand_contract", "bestaand_contract_einddatum", "inkooppakket_id"))
    uit = []
    for c in rijen:
        einde = c.einddatum_uiterlijk or c.einddatum
        gemeld = any(c.nummer.lower() in (tekst or "").lower()
                     or (pakket == c.inkooppakket_id and eind is not None and abs((eind - einde).days) <= 31)
                     for tekst, eind, pakket in meldingen)
        if gemeld or c.soort not in ("levering", "dienst", "werk"):
            continue
        gewicht, nodig, _band, _kader = reeks.op(peildatum).vereist(c.soort, c._waarde or NUL)
        maanden = DOORLOOPTIJD_MAANDEN[gewicht]
        uiterlijk = _maanden_terug(einde, maanden)
        if peildatum < _maanden_terug(uiterlijk, MARGE_MAANDEN):
            continue
        uit.append(AflopendContract(c.pk, c.nummer, c.omschrijving, c.leverancier, einde, nodig, maanden,
                                    uiterlijk, peildatum > uiterlijk))
    return uit
