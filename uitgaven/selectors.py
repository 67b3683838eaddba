"""Read-only queries of the uitgaven app: spend per year, domain, category, region, supplier.

Every table is one SQL aggregate over `Jaaromzet` (spend per boekjaar × crediteur × kostenplaats,
kept by the import), with exact cent totals; rounding happens only where a person reads the number.
The category and region of spend follow from the crediteur at query time, so a classification
made today shows at once, also for earlier years.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from .cijfers import EINDTOTAAL, HONDERD, NIET_NUL, NOG_NIET_BEOORDEELD, NUL, cent, groei, pct
from .models import (
    Crediteur,
    Factuurregel,
    Importrun,
    Inkooppakket,
    Jaaromzet,
    Kostenplaats,
    Regio,
    RegioKlasse,
)

# The shared exact helpers under their local names.
_cent, _pct, _groei = cent, pct, groei


def jaren(*, organisatie) -> list[int]:
    return boekjaren(organisatie=organisatie)


def boekjaren(*, organisatie, model=Jaaromzet) -> list[int]:
    """The boekjaren of the organisation in `model` (Jaaromzet or Factuurregel), oldest first.

    A loose index scan: one probe of the unique key (organisatie, boekjaar, ...) per year, instead
    of a DISTINCT over every row of the organisation (130,000 ledger lines for Enschede, a million
    for a large city)."""
    tabel = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as c:
        c.execute(f"""
            WITH RECURSIVE j(b) AS (
                SELECT min(boekjaar) FROM {tabel} WHERE organisatie_id = %s
                UNION ALL
                SELECT (SELECT min(boekjaar) FROM {tabel} WHERE organisatie_id = %s AND boekjaar > j.b)
                FROM j WHERE j.b IS NOT NULL)
            SELECT b FROM j WHERE b IS NOT NULL""", [organisatie.pk, organisatie.pk])  # noqa: S608 - a model's table
        return [int(r[0]) for r in c.fetchall()]


@dataclass(frozen=True)
class Regel:
    """One row of a spend table; `sleutel` is what the drill-down filters on."""

    naam: str
    bedrag: Decimal
    pct: Decimal | None = None
    vorig_jaar: Decimal | None = None
    pct_vorig_jaar: Decimal | None = None
    ontwikkeling_euro: Decimal | None = None
    ontwikkeling_pct: Decimal | None = None
    leveranciers: int | None = None
    leveranciers_pct: Decimal | None = None
    code: str | None = None
    sleutel: str = ""
    totaal: bool = False


def inkoopvolume(*, organisatie) -> list[Regel]:
    """Spend per boekjaar, with the development against the year before."""
    rijen = (Jaaromzet.objects.filter(organisatie=organisatie).values("boekjaar")
             .annotate(bedrag=Sum("bedrag")).order_by("boekjaar"))
    uit, vorige = [], None
    for r in rijen:
        bedrag = _cent(r["bedrag"])
        uit.append(Regel(naam=str(r["boekjaar"]), sleutel=str(r["boekjaar"]), bedrag=bedrag,
                         vorig_jaar=vorige, ontwikkeling_euro=None if vorige is None else bedrag - vorige,
                         ontwikkeling_pct=None if vorige is None else _groei(bedrag, vorige)))
        vorige = bedrag
    return uit


def _twee_jaren(organisatie, jaar, *velden):
    """{key: (this year, last year)} of spend grouped by `velden`, in one query."""
    qs = Jaaromzet.objects.filter(organisatie=organisatie, boekjaar__in=[jaar, jaar - 1])
    rijen = (_eigen_stamgegevens(qs, organisatie, velden)
             .values("boekjaar", *velden).annotate(bedrag=Sum("bedrag")))
    uit: dict[tuple, list[Decimal]] = {}
    for r in rijen:
        sleutel = tuple(r[v] for v in velden)
        paar = uit.setdefault(sleutel, [NUL, NUL])
        paar[0 if r["boekjaar"] == jaar else 1] += _cent(r["bedrag"])
    return uit


def _eigen_stamgegevens(qs, organisatie, velden):
    """The joined crediteur or kostenplaats restricted to the organisation as well: the same rows
    (a line only refers to its own organisation's), but PostgreSQL then reads them by the unique key
    (organisatie, ...) instead of hashing the whole table of every organisation (bench/generate)."""
    if any(v.startswith("crediteur__") for v in velden):
        qs = qs.filter(crediteur__organisatie=organisatie)
    if any(v.startswith("kostenplaats__") for v in velden):
        qs = qs.filter(kostenplaats__organisatie=organisatie)
    if any(v.startswith("kostenplaats__domein__") for v in velden):
        qs = qs.filter(kostenplaats__domein__organisatie=organisatie)
    return qs


def _met_totaal(regels: list[Regel], nu: Decimal, toen: Decimal, **extra) -> list[Regel]:
    regels.append(Regel(naam=EINDTOTAAL, bedrag=nu, vorig_jaar=toen, ontwikkeling_euro=nu - toen,
                        ontwikkeling_pct=_groei(nu, toen), pct=HONDERD if nu else None,
                        pct_vorig_jaar=HONDERD if toen else None, totaal=True, **extra))
    return regels


def per_domein(*, organisatie, jaar: int) -> list[Regel]:
    data = _twee_jaren(organisatie, jaar, "kostenplaats__domein__naam")
    nu = sum((p[0] for p in data.values()), NUL)
    toen = sum((p[1] for p in data.values()), NUL)
    regels = [Regel(naam=naam, sleutel=naam, bedrag=b, pct=_pct(b, nu), vorig_jaar=v, pct_vorig_jaar=_pct(v, toen),
                    ontwikkeling_euro=b - v, ontwikkeling_pct=_groei(b, v))
              for (naam,), (b, v) in sorted(data.items(), key=lambda kv: -kv[1][0])]
    return _met_totaal(regels, nu, toen)


def per_categorie(*, organisatie, jaar: int) -> list[Regel]:
    """Per inkoopcategorie (the category of the crediteur's inkooppakket), then the spend with
    crediteuren without a pakket ("Nog niet beoordeelde inkopen", seed §1), then the total."""
    data = _twee_jaren(organisatie, jaar, "crediteur__inkooppakket__categorie__code",
                       "crediteur__inkooppakket__categorie__naam")
    nu = sum((p[0] for p in data.values()), NUL)
    toen = sum((p[1] for p in data.values()), NUL)
    regels, zonder = [], None
    for (code, naam), (b, v) in sorted(data.items(), key=lambda kv: -kv[1][0]):
        regel = Regel(code=code, naam=naam or NOG_NIET_BEOORDEELD, sleutel=code or "geen", bedrag=b, pct=_pct(b, nu),
                      vorig_jaar=v, pct_vorig_jaar=_pct(v, toen), ontwikkeling_euro=b - v,
                      ontwikkeling_pct=_groei(b, v))
        if code is None:
            zonder = regel
        else:
            regels.append(regel)
    if zonder:
        regels.append(zonder)
    return _met_totaal(regels, nu, toen)


def regio_volgorde(*, organisatie) -> list[str]:
    """Lokaal, the regional names of the regio table, then the fixed classes of the report."""
    namen = [RegioKlasse.LOKAAL.value]
    for naam in Regio.objects.filter(organisatie=organisatie).order_by("postcode_van").values_list("naam", flat=True):
        if naam not in namen:
            namen.append(naam)
    for klasse in (RegioKlasse.NIET_REGIONAAL, RegioKlasse.BUITENLAND, RegioKlasse.ONBEKEND):
        if klasse.value not in namen:
            namen.append(klasse.value)
    return namen


def per_regio(*, organisatie, jaar: int) -> list[Regel]:
    """Spend and suppliers per region; a supplier counts in a year when its total there is not
    zero (credit notes can cancel a year out)."""
    with connection.cursor() as c:
        c.execute("""
            SELECT cr.regio, SUM(t.bedrag), SUM(CASE WHEN {niet_nul} THEN 1 ELSE 0 END)
            FROM (SELECT crediteur_id, SUM(bedrag) AS bedrag FROM uitgaven_jaaromzet
                  WHERE organisatie_id = %s AND boekjaar = %s GROUP BY crediteur_id) t
            JOIN uitgaven_crediteur cr ON cr.id = t.crediteur_id AND cr.organisatie_id = %s
            GROUP BY cr.regio""".format(niet_nul=NIET_NUL.format("t.bedrag")),  # noqa: S608 - a constant, values are parameters
                  [organisatie.pk, jaar, organisatie.pk])
        data = {regio or RegioKlasse.ONBEKEND.value: (_cent(b), int(n or 0)) for regio, b, n in c.fetchall()}
    volgorde = regio_volgorde(organisatie=organisatie)
    volgorde += sorted(set(data) - set(volgorde))
    totaal = sum((b for b, _ in data.values()), NUL)
    leveranciers = sum(n for _, n in data.values())
    regels = []
    for naam in volgorde:
        if naam not in data and naam not in (RegioKlasse.LOKAAL, RegioKlasse.NIET_REGIONAAL,
                                             RegioKlasse.BUITENLAND, RegioKlasse.ONBEKEND):
            continue
        b, n = data.get(naam, (NUL, 0))
        regels.append(Regel(naam=naam, sleutel=naam, bedrag=b, pct=_pct(b, totaal), leveranciers=n,
                            leveranciers_pct=_pct(Decimal(n), Decimal(leveranciers))))
    regels.append(Regel(naam=EINDTOTAAL, bedrag=totaal, pct=HONDERD if totaal else None, leveranciers=leveranciers,
                        leveranciers_pct=HONDERD if leveranciers else None, totaal=True))
    return regels


def top_crediteuren(*, organisatie, jaar: int, aantal: int = 15) -> list[Regel]:
    rijen = (Jaaromzet.objects.filter(organisatie=organisatie, boekjaar=jaar, crediteur__organisatie=organisatie)
             .values("crediteur_id", "crediteur__nummer", "crediteur__naam", "crediteur__regio",
                     "crediteur__inkooppakket__naam")
             .annotate(bedrag=Sum("bedrag")).order_by("-bedrag", "crediteur__nummer")[:aantal])
    totaal = _cent(Jaaromzet.objects.filter(organisatie=organisatie, boekjaar=jaar).aggregate(s=Sum("bedrag"))["s"])
    return [Regel(naam=f"{r['crediteur__nummer']} {r['crediteur__naam']}", sleutel=str(r["crediteur_id"]),
                  code=r["crediteur__inkooppakket__naam"] or "", bedrag=_cent(r["bedrag"]),
                  pct=_pct(_cent(r["bedrag"]), totaal))
            for r in rijen]


# -- Drill-down to the lines ---------------------------------------------------------------------

FILTERS = ("domein", "categorie", "regio", "crediteur", "kostenplaats")


def factuurregels(*, organisatie, jaar: int, domein: str = "", categorie: str = "", regio: str = "",
                  crediteur: str = "", kostenplaats: str = ""):
    """The ledger lines behind a cell of a spend table (filters as in the tables' `sleutel`)."""
    qs = Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar)
    if domein:
        # The domain's kostenplaatsen first (a handful of ids), then the year's lines with one of them:
        # joined, PostgreSQL misestimated the domain among 50 organisations that each have a
        # "Sociaal Domein" and read the year's lines once per kostenplaats (26 ms alone, 284-344 ms
        # among 50; bench/generate).
        qs = qs.filter(kostenplaats_id__in=list(Kostenplaats.objects.filter(
            organisatie=organisatie, domein__naam=domein).values_list("pk", flat=True)))
    if categorie or regio:
        qs = qs.filter(crediteur__organisatie=organisatie)
    if categorie == "geen":
        qs = qs.filter(crediteur__inkooppakket__isnull=True)
    elif categorie:
        qs = qs.filter(crediteur__inkooppakket__categorie__code=categorie)
    if regio:
        qs = qs.filter(crediteur__regio=regio)
    if crediteur.isdigit():
        qs = qs.filter(crediteur_id=int(crediteur))
    if kostenplaats.isdigit():
        qs = qs.filter(kostenplaats_id=int(kostenplaats))
    # Prefetched, not joined: the page's 50 lines are sorted out of the year's lines on the ledger
    # alone, then their crediteuren and kostenplaatsen come by primary key (joined, PostgreSQL looked
    # up both for all 17,000 lines of a domain before sorting: 54 ms became 136 ms; bench/generate).
    return qs.prefetch_related("crediteur", "kostenplaats").order_by("-bedrag", "factuurnummer", "volgnummer")


# -- Crediteuren for the inkoper -----------------------------------------------------------------

def crediteuren(*, organisatie, jaar: int | None, zoek: str = "", pakket: str = "", regio: str = "",
                min_bedrag: Decimal | None = None):
    """Crediteuren with their spend in `jaar`, largest first. `pakket` is a pakket id or "geen"."""
    # The organisation too, so that each crediteur's lookup is one probe of Jaaromzet's unique key
    # (organisatie, boekjaar, crediteur, kostenplaats) among this organisation's rows only.
    omzet = (Jaaromzet.objects.filter(organisatie=organisatie, boekjaar=jaar, crediteur=OuterRef("pk"))
             .values("crediteur")
             .annotate(s=Sum("bedrag")).values("s"))
    qs = (Crediteur.objects.filter(organisatie=organisatie).select_related("inkooppakket__categorie")
          .annotate(omzet=Coalesce(Subquery(omzet), NUL)))
    if zoek:
        qs = qs.filter(Q(naam__icontains=zoek) | Q(nummer__icontains=zoek) | Q(kvk_nummer__icontains=zoek)
                       | Q(plaats__icontains=zoek))
    if pakket == "geen":
        qs = qs.filter(inkooppakket__isnull=True)
    elif pakket.isdigit():
        qs = qs.filter(inkooppakket_id=int(pakket))
    if regio:
        qs = qs.filter(regio=regio)
    if min_bedrag is not None:
        qs = qs.filter(omzet__gte=min_bedrag)
    return qs.order_by("-omzet", "nummer")


def regio_namen(*, organisatie) -> list[str]:
    aanwezig = set(Crediteur.objects.filter(organisatie=organisatie).values_list("regio", flat=True).distinct())
    return [n for n in regio_volgorde(organisatie=organisatie) if n in aanwezig] + sorted(
        aanwezig - set(regio_volgorde(organisatie=organisatie)) - {""})


def importruns(*, organisatie):
    return (Importrun.objects.filter(organisatie=organisatie).select_related("gestart_door")
            .order_by("-gestart_op", "-pk"))


def pakketten_met_aantallen(*, organisatie):
    return (Inkooppakket.objects.filter(organisatie=organisatie).select_related("categorie")
            .annotate(aantal=Count("crediteuren")).order_by("code"))
