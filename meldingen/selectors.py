"""Read-only queries of the meldingen app. List pages use a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from beleid.models import Beleid
from beleid.selectors import beleid_voor
from inkoop.formatting import datum, euro
from inkoop.models import Gebruiker, Lidmaatschap, Rol
from inkoop.selectors import ongelezen_notificaties  # noqa: F401 - used by the meldingen views
from inkoop.werkdagen import werkdagen_terug as werkdagen_terug_dag
from inkoop.werkdagen import werkdagen_tussen as werkdagen_tussen_dagen
from uitgaven.models import Kostenplaats

from .models import OPEN_INGEDIEND, Inkoopmelding, Status, Vraag
from .waarde import meldingsdrempel
from .workflow import ZONDER_ADVIES


def advies_termijn(organisatie, op=None) -> int:
    """The working days Inkoop takes for an advice before a melding counts as late ("te laat" in
    the queue; rechtmatigheid's signal melding_zonder_advies reads the same policy value)."""
    beleid = beleid_voor(organisatie, op=op, details=False)
    return beleid.advies_termijn_werkdagen if beleid is not None else Beleid._meta.get_field(
        "advies_termijn_werkdagen").default


@dataclass(frozen=True)
class Meldgrens:
    """The melding threshold (P-01) in force over [van, tot) within one year, per policy version."""

    van: date
    tot: date
    vanaf: Decimal


def meldgrenzen(*, organisatie, jaar: int) -> list[Meldgrens]:
    """The melding thresholds of the policy versions in force during `jaar` (ADR 0003): a melding
    counts under the threshold of the day it was submitted."""
    begin, einde = date(jaar, 1, 1), date(jaar + 1, 1, 1)
    wissels = sorted({begin, *(d for d in Beleid.objects.filter(
        Q(organisatie=organisatie) | Q(organisatie__isnull=True), geldig_vanaf__gt=begin,
        geldig_vanaf__lt=einde).values_list("geldig_vanaf", flat=True))})
    uit: list[Meldgrens] = []
    for i, van in enumerate(wissels):
        tot = wissels[i + 1] if i + 1 < len(wissels) else einde
        vanaf = meldingsdrempel(organisatie, op=van)
        if uit and uit[-1].vanaf == vanaf:
            uit[-1] = Meldgrens(uit[-1].van, tot, vanaf)
        else:
            uit.append(Meldgrens(van, tot, vanaf))
    return uit


def meldgrens_tekst(grenzen: list[Meldgrens]) -> str:
    """`vanaf € 25.000`, or with a change of policy during the year each threshold and its period."""
    if len(grenzen) == 1:
        return f"vanaf {euro(grenzen[0].vanaf)}"
    return "vanaf de meldgrens van het beleid: " + ", ".join(
        f"{euro(g.vanaf)} van {datum(g.van, lang=True)}" for g in grenzen)


# The Dutch definition of `aantal_meldingen`, as the yearly report prints it next to the count
# ({jaar}: the year; {meldgrens}: meldgrens_tekst, e.g. "vanaf € 25.000").
AANTAL_MELDINGEN_DEFINITIE = ("inkoopmeldingen ingediend in {jaar} met een geraamde waarde {meldgrens} "
                              "(de meldgrens van het beleid op de dag van indienen)")


def aantal_meldingen(*, organisatie, jaar: int) -> int:
    """Inkoopmeldingen ontvangen: meldingen filed in `jaar` (ingediend_op), not concept, with an
    estimated value from the melding threshold of the policy in force on the day they were filed
    (P-01, `meldgrenzen`). The yearly report's "inkoopmeldingen ontvangen voor inkopen vanaf
    € 25.000" (afdeling_inkoop). Withdrawn or lapsed meldingen were received all the same, so they count.
    """
    boven = Q()
    for g in meldgrenzen(organisatie=organisatie, jaar=jaar):
        boven |= Q(ingediend_op__gte=_begin_van(g.van), ingediend_op__lt=_begin_van(g.tot),
                   geraamde_waarde__gte=g.vanaf)
    return Inkoopmelding.objects.filter(boven, organisatie=organisatie).exclude(status=Status.CONCEPT).count()


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime(dag.year, dag.month, dag.day))


def werkdagen_terug(moment: datetime, werkdagen: int) -> datetime:
    """The moment `werkdagen` working days before `moment` (Dutch public holidays excluded,
    the same count as the signal melding_zonder_advies: inkoop.werkdagen)."""
    lokaal = timezone.localtime(moment)
    dag = werkdagen_terug_dag(lokaal.date(), werkdagen)
    return lokaal.replace(year=dag.year, month=dag.month, day=dag.day)


def werkdagen_tussen(van: datetime, tot: datetime) -> int:
    """Working days from `van` to `tot`, for display ("8 werkdagen")."""
    if van is None or tot is None or tot <= van:
        return 0
    return werkdagen_tussen_dagen(timezone.localtime(van).date(), timezone.localtime(tot).date())


def te_laat_grens(organisatie, nu=None, termijn: int | None = None) -> datetime:
    nu = nu or timezone.now()
    if termijn is None:
        termijn = advies_termijn(organisatie, op=timezone.localtime(nu).date())
    return werkdagen_terug(nu, termijn)


def _open_vraag():
    return Exists(Vraag.objects.filter(melding=OuterRef("pk"), beantwoord_op__isnull=True))


def _basis(organisatie):
    """The rows of a list page with what the table shows (joins and the open-question flag)."""
    return (Inkoopmelding.objects.filter(organisatie=organisatie)
            .select_related("budgethouder", "inkoper", "kostenplaats__domein", "inkooppakket")
            .annotate(wacht_op_budgethouder=_open_vraag()))


def pagineren(qs, *, organisatie, nummer, per_pagina: int = 25):
    """A page of `qs` in two steps: the page's primary keys (an index-only sort, no joins), then
    those 25 rows with their joins. Three queries (count, keys, rows) whatever the table's size;
    sorting 50,000 joined rows to show 25 is what made the lists slow (bench/README.md)."""
    from django.core.paginator import Paginator

    pagina = Paginator(qs.values_list("pk", flat=True), per_pagina).get_page(nummer)
    sleutels = list(pagina.object_list)
    rijen = {m.pk: m for m in _basis(organisatie).filter(pk__in=sleutels)}
    pagina.object_list = [rijen[pk] for pk in sleutels if pk in rijen]
    return pagina


def zichtbare_meldingen(*, gebruiker, organisatie):
    """The meldingen this user may see (the object rule meldingen.bekijken, as a queryset)."""
    qs = Inkoopmelding.objects.filter(organisatie=organisatie)
    if gebruiker.rol in (Rol.INKOPER, Rol.CONTROLLER):
        return qs
    if gebruiker.rol == Rol.BUDGETHOUDER:
        return qs.filter(_eigen_of_afdeling(gebruiker, organisatie))
    return qs.none()


def _eigen_of_afdeling(gebruiker, organisatie, *, alleen_eigen: bool = False) -> Q:
    """The budget holder's own meldingen and their afdeling's, as a filter.

    Two index lookups, (organisatie, budgethouder) and (organisatie, afdeling), combined the way
    each database does best (bench/README.md): PostgreSQL turns an OR into a BitmapOr of both
    indexes, SQLite scans the whole table for an OR but not for a UNION of two lookups.
    """
    afdeling = (gebruiker.afdeling or "").strip()
    if alleen_eigen or not afdeling:
        return Q(budgethouder=gebruiker)
    if connection.vendor == "postgresql":
        return Q(budgethouder=gebruiker) | Q(afdeling=afdeling)
    basis = Inkoopmelding.objects.filter(organisatie=organisatie).order_by()
    return Q(pk__in=basis.filter(budgethouder=gebruiker).values("pk").union(
        basis.filter(afdeling=afdeling).values("pk")))


# --- Mijn meldingen -------------------------------------------------------------------------

MIJN_GROEPEN = {
    # key: (label, filter)
    "concept": ("Concept", Q(status=Status.CONCEPT)),
    "bij_inkoop": ("Bij Inkoop", Q(status__in=ZONDER_ADVIES)),
    "advies": ("Advies uitgebracht", Q(status=Status.ADVIES_UITGEBRACHT)),
    "traject": ("Traject loopt", Q(status__in=[Status.TRAJECT_GESTART, Status.GEGUND])),
    "afgesloten": ("Afgesloten", Q(status__in=[Status.AFGEROND, Status.INGETROKKEN, Status.VERVALLEN])),
}


@dataclass
class MijnOverzicht:
    meldingen: object  # lean queryset (keys and order), paginated with `pagineren`
    aantallen: dict  # group -> count
    vragen_open: int
    totaal: int


def mijn_meldingen(*, gebruiker, organisatie, groep: str = "", alleen_eigen: bool = False, zoek: str = ""):
    """The budget holder's own and their afdeling's meldingen, newest first, and the counts."""
    zichtbaar = Inkoopmelding.objects.filter(organisatie=organisatie).filter(
        _eigen_of_afdeling(gebruiker, organisatie, alleen_eigen=alleen_eigen))
    aantallen = zichtbaar.aggregate(
        totaal=Count("id"),
        **{g: Count("id", filter=f) for g, (_label, f) in MIJN_GROEPEN.items()},
        # IN over the few open questions (hashed once), not a subquery per melding.
        vragen_open=Count("id", filter=Q(pk__in=Vraag.objects.filter(beantwoord_op__isnull=True)
                                         .values("melding_id"))),
    )
    qs = zichtbaar
    if groep == "vraag":
        qs = qs.filter(pk__in=Vraag.objects.filter(beantwoord_op__isnull=True).values("melding_id"))
    elif groep in MIJN_GROEPEN:
        qs = qs.filter(MIJN_GROEPEN[groep][1])
    if zoek:
        qs = qs.filter(Q(omschrijving__icontains=zoek) | Q(nummer__icontains=zoek))
    qs = qs.order_by("-aangemaakt_op", "-id")
    totaal = aantallen.pop("totaal")
    vragen_open = aantallen.pop("vragen_open")
    return MijnOverzicht(qs, aantallen, vragen_open, totaal)


# --- Werkvoorraad (the inkoper's queue) ------------------------------------------------------

TABBLADEN = {
    # key: label
    "nieuw": "Nieuw",
    "mijn": "Aan mij toegewezen",
    "wacht": "Wacht op budgethouder",
    "te_laat": "Te laat",
    "open": "Alle open",
    "alle": "Alle meldingen",
}

SORTERINGEN = {
    "oudste": ("Langst wachtend eerst", ["ingediend_op", "id"]),
    "nieuwste": ("Nieuwste eerst", ["-ingediend_op", "-id"]),
    "waarde": ("Hoogste waarde eerst", ["-geraamde_waarde", "id"]),
    "start": ("Gewenste start eerst", ["gewenste_startdatum", "id"]),
    "nummer": ("Meldingnummer", ["-nummer", "-id"]),
}



def _tab_filter(tab: str, gebruiker, grens) -> Q:
    # Every open tab includes the condition of the partial index "melding_open", so that
    # PostgreSQL can prove the index applies (SQLite cannot with bound parameters; see the order).
    open_ = Q(status__in=OPEN_INGEDIEND)
    return {
        "nieuw": open_ & Q(status=Status.INGEDIEND, inkoper__isnull=True),
        # Assigned to me and still waiting for the advice: my work on the melding itself.
        "mijn": open_ & Q(inkoper=gebruiker, status__in=ZONDER_ADVIES),
        # Driven from the few open questions (a semi-join), not a subquery per melding.
        "wacht": open_ & Q(pk__in=Vraag.objects.filter(beantwoord_op__isnull=True).values("melding_id")),
        "te_laat": open_ & Q(status__in=ZONDER_ADVIES, ingediend_op__lt=grens),
        "open": open_,
        # Everything Inkoop received: a concept withdrawn before filing never reached Inkoop.
        "alle": Q(ingediend_op__isnull=False),
    }[tab]


@dataclass
class Werkvoorraad:
    meldingen: object  # lean queryset (keys and order), paginated with `pagineren`
    aantallen: dict
    grens: datetime
    termijn: int  # the advice term of the policy in force (working days)


def werkvoorraad(*, gebruiker, organisatie, tab: str = "nieuw", zoek: str = "", soort: str = "",
                 domein: int | None = None, status: str = "", inkoper: int | None = None,
                 sortering: str = "oudste", nu=None) -> Werkvoorraad:
    """The queue of Inkoop. Two count queries: the open tabs over the open meldingen only (a small
    part of the table, found by the (organisatie, status) index), and the number received."""
    termijn = advies_termijn(organisatie, op=timezone.localtime(nu or timezone.now()).date())
    grens = te_laat_grens(organisatie, nu, termijn)
    alle = Inkoopmelding.objects.filter(organisatie=organisatie)
    aantallen = alle.filter(status__in=OPEN_INGEDIEND).aggregate(
        **{t: Count("id", filter=_tab_filter(t, gebruiker, grens)) for t in TABBLADEN if t not in ("wacht", "alle")})
    # Open questions are few: count them from their side instead of a subquery per open melding.
    aantallen["wacht"] = (Vraag.objects.filter(beantwoord_op__isnull=True, melding__organisatie=organisatie,
                                               melding__status__in=OPEN_INGEDIEND)
                          .values("melding_id").distinct().count())
    aantallen["alle"] = alle.filter(_tab_filter("alle", gebruiker, grens)).count()
    qs = alle.filter(_tab_filter(tab if tab in TABBLADEN else "nieuw", gebruiker, grens))
    # Subqueries on the small tables instead of joins: the count and the page's keys then stay
    # on the meldingen table alone.
    if zoek:
        personen = Gebruiker.objects.filter(Q(last_name__icontains=zoek) | Q(first_name__icontains=zoek))
        qs = qs.filter(Q(omschrijving__icontains=zoek) | Q(nummer__icontains=zoek)
                       | Q(afdeling__icontains=zoek) | Q(budgethouder_id__in=personen.values("pk")))
    if soort:
        qs = qs.filter(soort=soort)
    if domein:
        qs = qs.filter(kostenplaats_id__in=Kostenplaats.objects.filter(organisatie=organisatie, domein_id=domein)
                       .values("pk"))
    if status:
        qs = qs.filter(status=status)
    if inkoper:
        qs = qs.filter(inkoper_id=inkoper)
    volgorde = SORTERINGEN.get(sortering, SORTERINGEN["oudste"])[1]
    if tab != "alle":
        # The open tabs hold few meldingen: sort them in memory. Ordering by the bare column lets
        # SQLite walk the whole filing-date index past every closed melding (50 ms at 50,000).
        moment = Coalesce("ingediend_op", "aangemaakt_op")
        volgorde = [moment.asc() if v == "ingediend_op" else moment.desc() if v == "-ingediend_op" else v
                    for v in volgorde]
    qs = qs.order_by(*volgorde)
    return Werkvoorraad(qs, aantallen, grens, termijn)


def inkopers(*, organisatie):
    return [lid.gebruiker for lid in Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.INKOPER)
            .select_related("gebruiker").order_by("gebruiker__first_name", "gebruiker__username")]


def budgethouders(*, organisatie):
    return [lid.gebruiker for lid in Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.BUDGETHOUDER)
            .select_related("gebruiker").order_by("gebruiker__first_name", "gebruiker__username")]


def melding_voor_detail(*, organisatie, pk: int) -> Inkoopmelding:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Inkoopmelding.objects.select_related("budgethouder", "inkoper", "aangemaakt_door", "gewijzigd_door",
                                             "kostenplaats__domein", "inkooppakket__categorie"),
        pk=pk, organisatie=organisatie)


@dataclass(frozen=True)
class Gebeurtenis:
    op: datetime
    soort: str  # status, toewijzing, vraag, antwoord, bijlage, or a Tijdlijnregel.Soort
    wie: object
    tekst: str
    toelichting: str = ""
    status: str = ""
    url: str = ""


def tijdlijn(melding) -> list[Gebeurtenis]:
    """Every event of one melding, oldest first: transitions, assignments, questions and answers,
    attachments, and what the advice and the traject recorded (questions about the advice, its
    acceptance, new versions, the traject started)."""
    items = []
    for w in melding.statuswijzigingen.select_related("door"):
        if not w.van:
            tekst = "Melding aangemaakt als concept"
        else:
            tekst = f"{Status(w.van).label} → {Status(w.naar).label}"
        items.append(Gebeurtenis(w.op, "status", w.door, tekst, w.toelichting, w.naar))
    for t in melding.toewijzingen.select_related("inkoper", "door"):
        items.append(Gebeurtenis(t.op, "toewijzing", t.door, f"Toegewezen aan {t.inkoper or 'onbekend'}"))
    for v in melding.vragen.select_related("gesteld_door", "beantwoord_door"):
        items.append(Gebeurtenis(v.gesteld_op, "vraag", v.gesteld_door, "Vraag van Inkoop", v.tekst))
        if v.beantwoord_op:
            items.append(Gebeurtenis(v.beantwoord_op, "antwoord", v.beantwoord_door, "Antwoord", v.antwoord))
    for b in melding.bijlagen.select_related("geupload_door"):
        items.append(Gebeurtenis(b.geupload_op, "bijlage", b.geupload_door, f"Bijlage toegevoegd: {b.naam}"))
    # What the advice and the traject recorded (meldingen.models.Tijdlijnregel).
    for r in melding.tijdlijnregels.select_related("door"):
        items.append(Gebeurtenis(r.op, r.soort, r.door, r.tekst, r.toelichting, url=r.url))
    return sorted(items, key=lambda g: g.op)


