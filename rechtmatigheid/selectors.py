"""Read operations of rechtmatigheid: lists, filters, JSON shapes and counts for the report."""

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When

from uitgaven.models import Factuurregel
from uitgaven.selectors import boekjaren

from .models import Beoordeling, Signaal, Soort, Steekproef, Steekproefregel, Uitkomst


def geld(bedrag) -> str | None:
    """Money in JSON: a decimal string with two decimals (interfaces.md)."""
    return None if bedrag is None else f"{bedrag:.2f}"


def signaal_als_json(s: Signaal) -> dict:
    """The JSON of one signal (interfaces.md §5; keys after `toelichting` are extra)."""
    return {
        "soort": s.soort,
        "crediteurnummer": s.crediteurnummer or None,
        "contractnummer": s.details.get("contractnummer"),
        "pakketcode": s.details.get("pakket"),
        "bedrag": geld(s.bedrag),
        "drempel": geld(s.drempel),
        "toelichting": s.toelichting,
        "reden": s.reden or None,
        "kader": s.kader or None,
        "risico": geld(s.risico),
        "crediteurnaam": s.crediteurnaam or None,
        "onderwerp": s.onderwerp or None,
        "sleutel": s.sleutel,
        "beoordeling": s.beoordeling or None,
        "beoordeling_toelichting": s.beoordeling_toelichting or None,
        "details": s.details,
    }


def steekproefregel_als_json(r: Steekproefregel) -> dict:
    """The JSON of one drawn line (interfaces.md §6; keys after `kostenplaats` are extra)."""
    return {
        "crediteurnummer": r.crediteurnummer,
        "factuurnummer": r.factuurnummer,
        "boekdatum": r.boekdatum.isoformat(),
        "bedrag": geld(r.bedrag),
        "kostenplaats": r.kostenplaats,
        "regelnummer": r.factuurregelnummer,
        "stratum": r.stratum,
    }


def beschikbare_jaren(*, organisatie) -> list[int]:
    """The boekjaren with spend, newest first (the year filter)."""
    jaren = set(boekjaren(organisatie=organisatie, model=Factuurregel))
    jaren |= set(Signaal.objects.filter(organisatie=organisatie).values_list("jaar", flat=True)
                 .distinct().order_by())
    return sorted(jaren, reverse=True)


def signalen_lijst(*, organisatie, jaar: int, soort: str = "", beoordeling: str | None = None,
                   ook_vervallen: bool = False, zoek: str = ""):
    """The stored signals of a year with the filters of the list page (one query)."""
    qs = Signaal.objects.filter(organisatie=organisatie, jaar=jaar).select_related("beoordeeld_door")
    for woord in (zoek or "").split()[:5]:
        qs = qs.filter(Q(crediteurnaam__icontains=woord) | Q(crediteurnummer__icontains=woord)
                       | Q(onderwerp__icontains=woord) | Q(reden__icontains=woord)
                       | Q(toelichting__icontains=woord))
    if not ook_vervallen:
        qs = qs.filter(actueel=True)
    if soort:
        qs = qs.filter(soort=soort)
    if beoordeling is not None:
        qs = qs.filter(beoordeling=beoordeling)
    # Highest risk first (amount weighted by the rule at stake), then the order of the tiles.
    volgorde = Case(*[When(soort=w, then=Value(i)) for i, w in enumerate(Soort.values)],
                    output_field=IntegerField())
    return qs.order_by("-risico", volgorde, "sleutel")


def signalen_telling(*, organisatie, jaar: int) -> dict:
    """Counts per soort and assessment of the current signals (list header, yearly report)."""
    rijen = (Signaal.objects.filter(organisatie=organisatie, jaar=jaar, actueel=True)
             .values("soort")
             .annotate(aantal=Count("id"), bedrag=Sum("bedrag"),
                       terecht=Count("id", filter=Q(beoordeling=Beoordeling.TERECHT)),
                       onterecht=Count("id", filter=Q(beoordeling=Beoordeling.ONTERECHT)))
             .order_by())
    per_soort = {r["soort"]: r for r in rijen}
    uit = []
    for waarde, label in Soort.choices:
        r = per_soort.get(waarde, {})
        aantal = r.get("aantal", 0)
        uit.append({"soort": waarde, "label": label, "aantal": aantal, "bedrag": r.get("bedrag"),
                    "terecht": r.get("terecht", 0), "onterecht": r.get("onterecht", 0),
                    "open": aantal - r.get("terecht", 0) - r.get("onterecht", 0)})
    return {"per_soort": uit, "totaal": sum(r["aantal"] for r in uit),
            "open": sum(r["open"] for r in uit)}


def steekproeven_lijst(*, organisatie):
    return (Steekproef.objects.filter(organisatie=organisatie).select_related("getrokken_door")
            .annotate(gecontroleerd=Count("regels", filter=~Q(regels__uitkomst=Uitkomst.OPEN)),
                      onrechtmatig=Count("regels", filter=Q(regels__uitkomst=Uitkomst.ONRECHTMATIG)))
            .order_by("-getrokken_op", "-id"))


def steekproef_uitkomsten(*, steekproef: Steekproef) -> dict:
    """Counts and amounts per outcome of a sample (detail page, yearly report)."""
    rijen = steekproef.regels.values("uitkomst").annotate(aantal=Count("id"), bedrag=Sum("bedrag")).order_by()
    per = {r["uitkomst"]: r for r in rijen}
    return {waarde: {"label": label, "aantal": per.get(waarde, {}).get("aantal", 0),
                     "bedrag": per.get(waarde, {}).get("bedrag")}
            for waarde, label in Uitkomst.choices}


def signalen_samenvatting(*, organisatie, jaar: int) -> dict:
    """Chapter 4 of the yearly report: signals per soort and the year's latest sample."""
    telling = signalen_telling(organisatie=organisatie, jaar=jaar)
    for r in telling["per_soort"]:
        r["beoordeeld"] = r["terecht"] + r["onterecht"]
    sp = (Steekproef.objects.filter(organisatie=organisatie, jaar=jaar).order_by("-getrokken_op", "-id").first())
    steekproef = None
    if sp is not None:
        uitkomsten = steekproef_uitkomsten(steekproef=sp)
        steekproef = {"omvang": sp.omvang, "zaad": sp.zaad, "populatie_aantal": sp.populatie_aantal,
                      # Finished when no line of the sample waits for an assessment.
                      "afgerond": not uitkomsten.get("", {}).get("aantal"),
                      "populatie_bedrag": sp.populatie_bedrag,
                      "uitkomsten": {k or "open": v for k, v in uitkomsten.items()}}
    return {**telling, "steekproef": steekproef,
            "verantwoording": verantwoording_van(organisatie=organisatie, jaar=jaar)}


def verantwoording_van(*, organisatie, jaar: int):
    """The rechtmatigheidsverantwoording of `jaar` against the verantwoordingsgrens in the policy."""
    from .drempels import verantwoordingsgrens_voor
    from .verantwoording import verantwoording

    return verantwoording(organisatie=organisatie, jaar=jaar,
                          verantwoordingsgrens=verantwoordingsgrens_voor(organisatie, jaar))
