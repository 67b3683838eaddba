"""Write operations of rechtmatigheid: compute and store signals, assess them, draw samples."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from uitgaven.models import Factuurregel

from . import signalen as signaalregels
from . import steekproef as steekproefregels
from .drempels import drempels_voor
from .models import Beoordeling, Kader, Signaal, Steekproef, Steekproefregel, Uitkomst

VELDEN = ["soort", "crediteurnummer", "crediteurnaam", "onderwerp", "bedrag", "drempel", "toelichting",
          "reden", "kader", "risico", "details"]


def _peildatum_voor(jaar: int) -> date:
    """The date the policy is read at: the end of the year, or today for the running year."""
    return min(timezone.localdate(), date(jaar, 12, 31))


@transaction.atomic
def signalen_berekenen(*, organisatie, jaar: int, peildatum: date | None = None) -> list[Signaal]:
    """Compute the signaleringslijst of `jaar` and store it, keeping every assessment.

    A signal is matched to the stored one by its `sleutel`; its figures are refreshed, its
    assessment stays. Stored signals that are no longer found are kept as `actueel=False`.
    Returns the current signals in list order.
    """
    drempels = drempels_voor(organisatie, _peildatum_voor(jaar))
    bevindingen = signaalregels.bereken(organisatie, jaar, drempels, peildatum or timezone.localdate())
    nu = timezone.now()
    bestaand = {s.sleutel: s for s in Signaal.objects.select_for_update().filter(organisatie=organisatie,
                                                                                  jaar=jaar)}
    nieuw, gewijzigd = [], []
    gevonden = set()
    for b in bevindingen:
        gevonden.add(b.sleutel)
        waarden = {v: getattr(b, v) for v in VELDEN}
        s = bestaand.get(b.sleutel)
        if s is None:
            nieuw.append(Signaal(organisatie=organisatie, jaar=jaar, sleutel=b.sleutel, berekend_op=nu,
                                 actueel=True, **waarden))
            continue
        # Only signals whose figures changed are rewritten (a recomputation of thousands of
        # unchanged signals is one UPDATE of their timestamp below).
        if any(getattr(s, veld) != waarde for veld, waarde in waarden.items()):
            for veld, waarde in waarden.items():
                setattr(s, veld, waarde)
            gewijzigd.append(s)
    Signaal.objects.filter(organisatie=organisatie, jaar=jaar).update(actueel=True, berekend_op=nu)
    Signaal.objects.bulk_create(nieuw, batch_size=1000)
    Signaal.objects.bulk_update(gewijzigd, VELDEN, batch_size=200)
    verdwenen = [k for k in bestaand if k not in gevonden]
    for i in range(0, len(verdwenen), 1000):
        Signaal.objects.filter(organisatie=organisatie, jaar=jaar, sleutel__in=verdwenen[i:i + 1000]).update(
            actueel=False)
    # The current signals in list order, from memory (no second read of thousands of rows).
    per_sleutel = {**bestaand, **{s.sleutel: s for s in nieuw}}
    actueel = []
    for b in bevindingen:
        s = per_sleutel[b.sleutel]
        s.actueel, s.berekend_op = True, nu
        actueel.append(s)
    return actueel


class BeoordelingFout(ValueError):
    """An assessment that cannot be recorded; the message is a Dutch sentence for the user."""


def _controleer_beoordeling(beoordeling: str, toelichting: str) -> None:
    if beoordeling not in (Beoordeling.TERECHT, Beoordeling.ONTERECHT, Beoordeling.OPEN):
        raise BeoordelingFout(f"Onbekende beoordeling ‘{beoordeling}’.")
    # Judging a signal onterecht clears a finding: the accountant needs the reason on file.
    if beoordeling == Beoordeling.ONTERECHT and not toelichting.strip():
        raise BeoordelingFout("Licht toe waarom het signaal onterecht is (contract, vrijstelling, correctie).")


@transaction.atomic
def signalen_beoordelen(*, organisatie, ids, beoordeling: str, toelichting: str, door) -> int:
    """Assess several signals at once with one note (the bulk action of the list); returns how many."""
    _controleer_beoordeling(beoordeling, toelichting)
    lijst = list(Signaal.objects.select_for_update().filter(organisatie=organisatie, pk__in=list(ids)))
    nu = timezone.now()
    for s in lijst:
        s.beoordeling = beoordeling
        s.beoordeling_toelichting = toelichting.strip()
        s.beoordeeld_door = door if beoordeling else None
        s.beoordeeld_op = nu if beoordeling else None
    Signaal.objects.bulk_update(lijst, ["beoordeling", "beoordeling_toelichting", "beoordeeld_door",
                                        "beoordeeld_op"])
    return len(lijst)


def signaal_beoordelen(*, signaal: Signaal, beoordeling: str, toelichting: str, door) -> Signaal:
    """Record the controller's assessment (terecht / onterecht, with a note; who and when)."""
    _controleer_beoordeling(beoordeling, toelichting)
    signaal.beoordeling = beoordeling
    signaal.beoordeling_toelichting = toelichting.strip()
    signaal.beoordeeld_door = door if beoordeling else None
    signaal.beoordeeld_op = timezone.now() if beoordeling else None
    signaal.save(update_fields=["beoordeling", "beoordeling_toelichting", "beoordeeld_door", "beoordeeld_op"])
    return signaal


def _populatie(organisatie, jaar):
    rijen = (Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar)
             .values_list("pk", "boekjaar", "crediteur__nummer", "factuurnummer", "volgnummer", "bedrag")
             .order_by())
    return [steekproefregels.Regel(boekjaar=bj, crediteurnummer=cn, factuurnummer=fn, volgnummer=vn,
                                   bedrag=Decimal(b).quantize(Decimal("0.01")), sleutel=pk)
            for pk, bj, cn, fn, vn, b in rijen.iterator(chunk_size=5000)]


@transaction.atomic
def steekproef_trekken(*, organisatie, jaar: int, omvang: int, zaad, door=None) -> Steekproef:
    """Draw (or find again) the sample of `omvang` factuurregels of `jaar` with `zaad`.

    Raises steekproef.SteekproefFout with a Dutch sentence when it cannot be drawn. Drawing the
    same sample twice on the same data returns the stored one instead of a duplicate.
    """
    zaad = str(zaad).strip()
    if len(zaad) > 100:
        raise steekproefregels.SteekproefFout("Het zaad mag hoogstens 100 tekens lang zijn.")
    regels = _populatie(organisatie, jaar)
    getrokken, strata = steekproefregels.trek(jaar=jaar, omvang=omvang, zaad=zaad, regels=regels)
    kenmerk = steekproefregels.populatie_kenmerk(regels)
    bestaand = (Steekproef.objects.filter(organisatie=organisatie, jaar=jaar, omvang=omvang, zaad=zaad,
                                          populatie_kenmerk=kenmerk).order_by("id").first())
    if bestaand is not None:
        return bestaand
    sp = Steekproef.objects.create(
        organisatie=organisatie, jaar=jaar, omvang=omvang, zaad=zaad, methode=steekproefregels.METHODE,
        populatie_aantal=len(regels), populatie_bedrag=sum((r.bedrag for r in regels), Decimal("0.00")),
        populatie_kenmerk=kenmerk, strata=[s.als_dict() for s in strata], getrokken_door=door,
    )
    details = {
        pk: (crediteurnaam, kostenplaats, omschrijving, boekdatum)
        for pk, crediteurnaam, kostenplaats, omschrijving, boekdatum in
        Factuurregel.objects.filter(pk__in=[r.sleutel for r, _ in getrokken])
        .values_list("pk", "crediteur__naam", "kostenplaats__code", "omschrijving", "boekdatum")
    }
    Steekproefregel.objects.bulk_create([
        Steekproefregel(
            steekproef=sp, volgnummer=i, factuurregel_id=r.sleutel, stratum=stratum,
            crediteurnummer=r.crediteurnummer, crediteurnaam=details[r.sleutel][0],
            factuurnummer=r.factuurnummer, factuurregelnummer=r.volgnummer,
            boekdatum=details[r.sleutel][3], bedrag=r.bedrag, kostenplaats=details[r.sleutel][1],
            omschrijving=details[r.sleutel][2][:500],
        )
        for i, (r, stratum) in enumerate(getrokken, start=1)
    ], batch_size=500)
    return sp


@transaction.atomic
def steekproefregels_beoordelen(*, steekproef: Steekproef, uitkomsten: dict) -> int:
    """Store the outcome per line: {regel_id: (uitkomst, toelichting[, kader])}; returns lines changed.

    An onrechtmatig line needs a note (what rule, what amount) for the rechtmatigheidsverantwoording;
    its kader (EU law or own policy) defaults to own policy. Raises BeoordelingFout naming the
    line, and then stores nothing.
    """
    geldig = set(Uitkomst.values)
    regels = list(steekproef.regels.filter(pk__in=list(uitkomsten)))
    gewijzigd = []
    for regel in regels:
        uitkomst, toelichting, *rest = uitkomsten[regel.pk]
        kader = (rest[0] if rest else regel.kader) or ""
        if uitkomst not in geldig:
            raise BeoordelingFout(f"Onbekende uitkomst ‘{uitkomst}’.")
        if kader not in ("", *Kader.values):
            raise BeoordelingFout(f"Onbekend kader ‘{kader}’.")
        toelichting = (toelichting or "").strip()[:500]
        if uitkomst == Uitkomst.ONRECHTMATIG and not toelichting:
            raise BeoordelingFout(f"Regel {regel.volgnummer} ({regel.crediteurnaam or regel.crediteurnummer}, "
                                  f"factuur {regel.factuurnummer}) is onrechtmatig: licht toe waarom.")
        if uitkomst == Uitkomst.ONRECHTMATIG and not kader:
            kader = Kader.EIGEN_BELEID
        if uitkomst != Uitkomst.ONRECHTMATIG:
            kader = ""
        if (regel.uitkomst, regel.uitkomst_toelichting, regel.kader) != (uitkomst, toelichting, kader):
            regel.uitkomst, regel.uitkomst_toelichting, regel.kader = uitkomst, toelichting, kader
            gewijzigd.append(regel)
    Steekproefregel.objects.bulk_update(gewijzigd, ["uitkomst", "uitkomst_toelichting", "kader"])
    return len(gewijzigd)
