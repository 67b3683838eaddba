"""The figures of the inkoopjaarverslag, computed from live data (read-only).

`jaarverslag_gegevens(*, organisatie, jaar)` returns one frozen dataclass with every table of
the report as exact Decimals (cents, unrounded percentages). `als_json(gegevens)` turns it into
the JSON of interfaces.md §3, rounding half-up only there, from the exact totals.

Spend comes from `uitgaven.Jaaromzet` (spend per boekjaar × crediteur × kostenplaats, kept by
the import), one SQL aggregate per table; the category and region of a line follow from its
crediteur at query time, so a later classification is reflected without a rebuild. Nothing about
one municipality is assumed: domains, categories and region names come from the data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median

from django.db import connection, transaction
from django.db.models import Sum

from adviezen.models import Advies
from beleid.begrippen import Procedure
from beleid.selectors import beleid_voor
from contracten.selectors import jaarcijfers
from inkoop.formatting import getal, rond_af
from meldingen.selectors import (
    AANTAL_MELDINGEN_DEFINITIE,
    aantal_meldingen,
    meldgrens_tekst,
    meldgrenzen,
)
from rechtmatigheid.selectors import signalen_samenvatting
from uitgaven.cijfers import EINDTOTAAL, NIET_NUL, NOG_NIET_BEOORDEELD, NUL
from uitgaven.cijfers import cent as _cent
from uitgaven.cijfers import groei as _groei
from uitgaven.cijfers import pct as _pct
from uitgaven.models import Crediteur, Factuurregel, Jaaromzet, Regio, RegioKlasse
from uitgaven.selectors import boekjaren

logger = logging.getLogger(__name__)

MILJOEN = Decimal(1_000_000)

# Earlier years shown in the volume table besides the report year (seed report: 2021-2024).
EERDERE_JAREN = 3


# --------------------------------------------------------------------------------------------
# The dataclass (exact values)
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Volumejaar:
    jaar: int
    bedrag: Decimal
    ontwikkeling_euro: Decimal | None = None
    ontwikkeling_pct: Decimal | None = None


@dataclass(frozen=True)
class Domeinregel:
    domein: str
    bedrag: Decimal
    pct: Decimal | None
    bedrag_vorig_jaar: Decimal
    pct_vorig_jaar: Decimal | None


@dataclass(frozen=True)
class Categorieregel:
    code: str | None
    naam: str
    vorig_jaar: Decimal
    bedrag: Decimal
    ontwikkeling_euro: Decimal
    ontwikkeling_pct: Decimal | None


@dataclass(frozen=True)
class Regioregel:
    regio: str
    bedrag: Decimal
    pct: Decimal | None
    leveranciers: int
    leveranciers_pct: Decimal | None


@dataclass(frozen=True)
class LokaalEnRegionaal:
    bedrag: Decimal
    pct: Decimal | None
    bedrag_vorig_jaar: Decimal
    pct_vorig_jaar: Decimal | None
    toename: Decimal


@dataclass(frozen=True)
class AfdelingInkoop:
    # "vanaf € 25.000": the melding threshold of the policy in force (meldingen.selectors.meldgrens_tekst)
    meldgrens: str
    inkoopmeldingen: int | None
    inkoopmeldingen_vorig_jaar: int | None
    inkoopmeldingen_groei_pct: Decimal | None
    procedures_begeleid: int | None
    afgerond_meervoudig_onderhands: int | None
    afgerond_europees: int | None


@dataclass(frozen=True)
class Afwijking:
    melding: str
    berekend: str
    uitgebracht: str
    reden: str


# Each count of the department's KPIs (chapter 1.5) defined once, in Dutch, next to its
# computation in `prestaties`/`_adviezen_lezen`; the sentences the report and the dashboard print
# are made from these definitions ({jaar}, {weken} filled in), never written a second time.
DEFINITIE_MELDINGEN = "meldingen ingediend in {jaar}, van elke geraamde waarde"
DEFINITIE_MET_ADVIES = "met een uitgebracht advies"
DEFINITIE_MET_STARTDATUM = "meldingen ingediend in {jaar} met een gewenste startdatum"
DEFINITIE_TIJDIG = "ten minste {weken} weken vóór die startdatum ingediend"
DEFINITIE_ADVIEZEN = "adviezen uitgebracht in {jaar}, elke versie, ook bij meldingen uit eerdere jaren"
DEFINITIE_AFWIJKEND = "met een andere procedure dan berekend"


@dataclass(frozen=True)
class Prestaties:
    """The department's own KPIs (product.md §6): lead time, timeliness, deviations.

    `meldingen`: DEFINITIE_MELDINGEN; `met_advies`: of those, DEFINITIE_MET_ADVIES;
    `met_startdatum`/`tijdig`: DEFINITIE_MET_STARTDATUM / DEFINITIE_TIJDIG;
    `adviezen_uitgebracht`/`afwijkend`: DEFINITIE_ADVIEZEN / DEFINITIE_AFWIJKEND.
    """

    tijdig_weken: int
    meldingen: int
    met_advies: int
    doorlooptijd_mediaan_dagen: Decimal | None
    doorlooptijd_p90_dagen: Decimal | None
    met_startdatum: int
    tijdig: int
    tijdig_pct: Decimal | None
    adviezen_uitgebracht: int
    afwijkend: int
    afwijkend_pct: Decimal | None
    afwijkingen: tuple[Afwijking, ...] = ()
    beschikbaar: bool = True
    jaar: int | None = None

    def _definitie(self, definitie: str) -> str:
        return definitie.format(jaar=self.jaar, weken=self.tijdig_weken)

    @property
    def zin_met_advies(self) -> str:
        """"127 van de 148 meldingen ingediend in 2024, van elke geraamde waarde, met een uitgebracht advies"."""
        return (f"{getal(self.met_advies)} van de {getal(self.meldingen)} {self._definitie(DEFINITIE_MELDINGEN)}, "
                f"{self._definitie(DEFINITIE_MET_ADVIES)}")

    @property
    def zin_tijdig(self) -> str:
        return (f"{getal(self.tijdig)} van de {getal(self.met_startdatum)} "
                f"{self._definitie(DEFINITIE_MET_STARTDATUM)} {self._definitie(DEFINITIE_TIJDIG)}")

    @property
    def zin_afwijkend(self) -> str:
        return (f"{getal(self.afwijkend)} van de {getal(self.adviezen_uitgebracht)} "
                f"{self._definitie(DEFINITIE_ADVIEZEN)}, {self._definitie(DEFINITIE_AFWIJKEND)}")


@dataclass(frozen=True)
class Jaarverslaggegevens:
    organisatie: str
    jaar: int
    totaal: Decimal
    totaal_vorig_jaar: Decimal
    inkoopvolume: tuple[Volumejaar, ...]
    domeinen: tuple[Domeinregel, ...]
    categorieen: tuple[Categorieregel, ...]
    regio: tuple[Regioregel, ...]
    lokaal_en_regionaal: LokaalEnRegionaal
    regionale_namen: tuple[str, ...]
    afdeling_inkoop: AfdelingInkoop
    # Sections computed by contracten.selectors.jaarcijfers (exact values; rounded in als_json).
    mvoi: dict = field(default_factory=dict)
    sroi: dict = field(default_factory=dict)
    werkpakt_keurmerkhouders: int | None = None
    integriteit: dict = field(default_factory=dict)
    prestaties: Prestaties | None = None
    signalen: dict | None = None
    # The policy's limit from which a crediteur without inkooppakket is assessed (Beleid.beoordelen_vanaf,
    # in force at the end of the year): the note under "nog niet beoordeeld" names it.
    beoordelen_vanaf: Decimal | None = None

    @property
    def vorig_jaar(self) -> int:
        return self.jaar - 1

    @property
    def populaties(self) -> str | None:
        """The one line that says why 1.4 and 1.5 count different numbers: each count with its
        definition (AANTAL_MELDINGEN_DEFINITIE, DEFINITIE_MELDINGEN, DEFINITIE_ADVIEZEN)."""
        a, p = self.afdeling_inkoop, self.prestaties
        if p is None or a.inkoopmeldingen is None:
            return None
        return (f"Deze tellingen gaan over verschillende groepen: "
                f"{getal(a.inkoopmeldingen)} {AANTAL_MELDINGEN_DEFINITIE.format(jaar=self.jaar, meldgrens=a.meldgrens)}; "
                f"{getal(p.meldingen)} {DEFINITIE_MELDINGEN.format(jaar=self.jaar)}; "
                f"{getal(p.adviezen_uitgebracht)} {DEFINITIE_ADVIEZEN.format(jaar=self.jaar)}.")

    @property
    def nog_niet_beoordeeld(self) -> Categorieregel | None:
        return next((c for c in self.categorieen if c.code is None and c.naam == NOG_NIET_BEOORDEELD), None)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------







def _bron(organisatie):
    """The table to aggregate: the Jaaromzet summary, or the ledger itself when it was never built.

    Both have boekjaar, crediteur, kostenplaats and bedrag, so every query below works on either.
    """
    if Jaaromzet.objects.filter(organisatie=organisatie).exists():
        return Jaaromzet
    return Factuurregel


def heeft_uitgaven(*, organisatie, jaar: int) -> bool:
    return (Jaaromzet.objects.filter(organisatie=organisatie, boekjaar=jaar).exists()
            or Factuurregel.objects.filter(organisatie=organisatie, boekjaar=jaar).exists())


def beschikbare_jaren(*, organisatie) -> list[int]:
    """Boekjaren with spend, newest first."""
    return boekjaren(organisatie=organisatie, model=_bron(organisatie))[::-1]


# --------------------------------------------------------------------------------------------
# Spend tables (one query each)
# --------------------------------------------------------------------------------------------

def _inkoopvolume(model, organisatie, jaar) -> tuple[list[Volumejaar], dict[int, Decimal]]:
    rijen = (model.objects.filter(organisatie=organisatie, boekjaar__gte=jaar - EERDERE_JAREN,
                                  boekjaar__lte=jaar)
             .values("boekjaar").annotate(bedrag=Sum("bedrag")).order_by("boekjaar"))
    per_jaar = {r["boekjaar"]: r["bedrag"] or NUL for r in rijen}
    # The unbroken run of years ending in the report year: a development against a missing year
    # would be meaningless.
    jaren = []
    j = jaar
    while j in per_jaar and len(jaren) <= EERDERE_JAREN:
        jaren.insert(0, j)
        j -= 1
    volume = []
    for i, j in enumerate(jaren):
        if i == 0:
            volume.append(Volumejaar(jaar=j, bedrag=per_jaar[j]))
        else:
            vorig = per_jaar[jaren[i - 1]]
            volume.append(Volumejaar(jaar=j, bedrag=per_jaar[j], ontwikkeling_euro=per_jaar[j] - vorig,
                                     ontwikkeling_pct=_groei(per_jaar[j], vorig)))
    return volume, per_jaar


def _domeinen(model, organisatie, jaar, totaal, totaal_vorig) -> list[Domeinregel]:
    rijen = (model.objects.filter(organisatie=organisatie, boekjaar__in=[jaar, jaar - 1],
                                  kostenplaats__organisatie=organisatie, kostenplaats__domein__organisatie=organisatie)
             .values("kostenplaats__domein__naam", "boekjaar").annotate(bedrag=Sum("bedrag"))
             .order_by())
    bedragen: dict[str, dict[int, Decimal]] = {}
    for r in rijen:
        bedragen.setdefault(r["kostenplaats__domein__naam"], {})[r["boekjaar"]] = r["bedrag"] or NUL
    regels = [
        Domeinregel(domein=naam, bedrag=b.get(jaar, NUL), pct=_pct(b.get(jaar, NUL), totaal),
                    bedrag_vorig_jaar=b.get(jaar - 1, NUL),
                    pct_vorig_jaar=_pct(b.get(jaar - 1, NUL), totaal_vorig))
        for naam, b in bedragen.items()
    ]
    # Largest first, as the seed report's pie chart and text (54% / 29% / 15%).
    regels.sort(key=lambda d: (-d.bedrag, -d.bedrag_vorig_jaar, d.domein))
    return regels


def _code_sleutel(code):
    return (0, int(code), "") if code and code.isdigit() else (1, 0, code or "")


def _categorieen(klassen, jaar, totaal, totaal_vorig) -> list[Categorieregel]:
    bedragen: dict[tuple, dict[int, Decimal]] = {}
    for k in klassen:
        per_jaar = bedragen.setdefault((k.code, k.naam), {})
        per_jaar[k.boekjaar] = per_jaar.get(k.boekjaar, NUL) + k.bedrag

    def regel(code, naam, b_vorig, b_nu):
        return Categorieregel(code=code, naam=naam, vorig_jaar=b_vorig, bedrag=b_nu,
                              ontwikkeling_euro=b_nu - b_vorig, ontwikkeling_pct=_groei(b_nu, b_vorig))

    regels = [regel(code, naam, b.get(jaar - 1, NUL), b.get(jaar, NUL))
              for (code, naam), b in bedragen.items() if code is not None]
    # The published table lists the categories by last year's spend, largest first (seed report
    # 2024, table "inkoopcategorie"); this year's spend and the code break ties.
    regels.sort(key=lambda c: (-c.vorig_jaar, -c.bedrag, _code_sleutel(c.code)))
    zonder = bedragen.get((None, None), {})
    # Crediteuren without an inkooppakket: "nog niet beoordeelde inkopen" (footnote *1).
    regels.append(regel(None, NOG_NIET_BEOORDEELD, zonder.get(jaar - 1, NUL), zonder.get(jaar, NUL)))
    regels.append(regel(None, EINDTOTAAL, totaal_vorig, totaal))
    return regels


@dataclass(frozen=True)
class _Klasse:
    """Spend of one boekjaar × region × category, and its suppliers with a non-zero total."""

    boekjaar: int
    regio: str
    code: str | None
    naam: str | None
    bedrag: Decimal
    leveranciers: int


def _klassen(model, organisatie, jaar) -> list[_Klasse]:
    """One SQL pass for the category and region tables of `jaar` and the year before.

    First the year total per crediteur (a supplier counts when its total is not zero: credit
    notes can cancel out), then per region and category of that crediteur: a few dozen rows,
    from which both tables are summed. Every join names the organisation, so that PostgreSQL reads
    only this organisation's crediteuren (by the unique key) instead of hashing every
    organisation's. |s| >= 0.005 instead of s <> 0 so that SQLite's float sums
    count the same as PostgreSQL's exact numerics.
    """
    from uitgaven.models import Inkoopcategorie, Inkooppakket

    sql = f"""
        SELECT t.boekjaar, c.regio, cat.code, cat.naam, SUM(t.s),
               SUM(CASE WHEN {NIET_NUL.format("t.s")} THEN 1 ELSE 0 END)
        FROM (SELECT j.crediteur_id AS crediteur_id, j.boekjaar AS boekjaar, SUM(j.bedrag) AS s
              FROM {model._meta.db_table} j
              WHERE j.organisatie_id = %s AND j.boekjaar IN (%s, %s)
              GROUP BY j.crediteur_id, j.boekjaar) t
        JOIN {Crediteur._meta.db_table} c ON c.id = t.crediteur_id AND c.organisatie_id = %s
        LEFT JOIN {Inkooppakket._meta.db_table} p ON p.id = c.inkooppakket_id AND p.organisatie_id = %s
        LEFT JOIN {Inkoopcategorie._meta.db_table} cat ON cat.id = p.categorie_id AND cat.organisatie_id = %s
        GROUP BY t.boekjaar, c.regio, cat.code, cat.naam
    """  # noqa: S608 - table names come from model metadata, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisatie.pk, jaar, jaar - 1, organisatie.pk, organisatie.pk, organisatie.pk])
        rijen = cursor.fetchall()
    # A crediteur without a derived region (not yet classified by the import) has no known
    # address as far as the report can tell.
    return [_Klasse(boekjaar=int(b), regio=regio or RegioKlasse.ONBEKEND, code=code, naam=naam, bedrag=_cent(som),
                    leveranciers=int(n or 0)) for b, regio, code, naam, som, n in rijen]


def _regionale_namen(organisatie) -> list[str]:
    """The regional names of the organisation's regio table besides "Lokaal", in postcode order."""
    namen = []
    for naam in Regio.objects.filter(organisatie=organisatie).order_by("postcode_van") \
            .values_list("naam", flat=True):
        if naam != RegioKlasse.LOKAAL and naam not in namen:
            namen.append(naam)
    return namen


def _regio(klassen, organisatie, jaar, totaal, totaal_vorig):
    bedrag: dict[tuple[str, int], Decimal] = {}
    aantal: dict[tuple[str, int], int] = {}
    for k in klassen:
        bedrag[(k.regio, k.boekjaar)] = bedrag.get((k.regio, k.boekjaar), NUL) + k.bedrag
        aantal[(k.regio, k.boekjaar)] = aantal.get((k.regio, k.boekjaar), 0) + k.leveranciers

    regionaal = _regionale_namen(organisatie)
    vast = [RegioKlasse.NIET_REGIONAAL.value, RegioKlasse.BUITENLAND.value, RegioKlasse.ONBEKEND.value]
    volgorde = [RegioKlasse.LOKAAL.value, *regionaal]
    # A region name on a crediteur that is no longer in the regio table still belongs to the
    # regional names (it was derived from the table); shown after them.
    for naam, _j in sorted(bedrag):
        if naam not in volgorde and naam not in vast:
            volgorde.append(naam)
    lokaal_regionaal = list(volgorde)
    volgorde += vast

    leveranciers_totaal = sum(v for (_n, j), v in aantal.items() if j == jaar)
    regels = [Regioregel(regio=naam, bedrag=bedrag.get((naam, jaar), NUL),
                         pct=_pct(bedrag.get((naam, jaar), NUL), totaal),
                         leveranciers=aantal.get((naam, jaar), 0),
                         leveranciers_pct=_pct(aantal.get((naam, jaar), 0), leveranciers_totaal))
              for naam in volgorde]
    regels.append(Regioregel(regio=EINDTOTAAL, bedrag=totaal, pct=_pct(totaal, totaal),
                             leveranciers=leveranciers_totaal,
                             leveranciers_pct=_pct(leveranciers_totaal, leveranciers_totaal)))

    nu = sum((bedrag.get((n, jaar), NUL) for n in lokaal_regionaal), NUL)
    toen = sum((bedrag.get((n, jaar - 1), NUL) for n in lokaal_regionaal), NUL)
    lr = LokaalEnRegionaal(bedrag=nu, pct=_pct(nu, totaal), bedrag_vorig_jaar=toen,
                           pct_vorig_jaar=_pct(toen, totaal_vorig), toename=nu - toen)
    return regels, lr, tuple(lokaal_regionaal[1:])


# --------------------------------------------------------------------------------------------
# Figures from the other apps (read through their selectors; absent while an app has none)
# --------------------------------------------------------------------------------------------

def _aantal_meldingen(organisatie, jaar) -> int:
    return aantal_meldingen(organisatie=organisatie, jaar=jaar)


def _contractcijfers(organisatie, jaar) -> dict:
    return jaarcijfers(organisatie=organisatie, jaar=jaar)


def _signalen(organisatie, jaar) -> dict:
    """Chapter 4: the signaleringslijst, the steekproef and the rechtmatigheidsverantwoording. A
    failure fails the report: a section that cannot be computed is never left out silently."""
    return signalen_samenvatting(organisatie=organisatie, jaar=jaar)


def _afdeling_inkoop(organisatie, jaar, cijfers) -> AfdelingInkoop:
    nu = _aantal_meldingen(organisatie, jaar)
    toen = _aantal_meldingen(organisatie, jaar - 1)
    sectie = cijfers.get("afdeling_inkoop") or {}
    return AfdelingInkoop(
        meldgrens=meldgrens_tekst(meldgrenzen(organisatie=organisatie, jaar=jaar)),
        inkoopmeldingen=nu, inkoopmeldingen_vorig_jaar=toen,
        inkoopmeldingen_groei_pct=_groei(nu, toen) if nu is not None and toen else None,
        procedures_begeleid=sectie.get("procedures_begeleid"),
        afgerond_meervoudig_onderhands=sectie.get("afgerond_meervoudig_onderhands"),
        afgerond_europees=sectie.get("afgerond_europees"),
    )


# --------------------------------------------------------------------------------------------
# The department's KPIs
# --------------------------------------------------------------------------------------------

def _percentiel(waarden: list[Decimal], p: int) -> Decimal | None:
    """Nearest-rank percentile (no interpolation: a lead time that really occurred)."""
    if not waarden:
        return None
    geordend = sorted(waarden)
    rang = max(1, -(-p * len(geordend) // 100))  # ceil(p/100 * n)
    return geordend[rang - 1]


def tijdig_weken(organisatie) -> int:
    from .models import Instelling

    instelling = Instelling.objects.filter(organisatie=organisatie).first()
    return instelling.tijdig_weken if instelling else Instelling.STANDAARD_TIJDIG_WEKEN


def prestaties(*, organisatie, jaar: int, weken: int | None = None) -> Prestaties:
    """Lead time melding -> issued advice, timeliness, and deviations from the computed advice.

    - Lead time: calendar days from `ingediend_op` to the first issued advice, for meldingen
      filed in `jaar`; median and 90th percentile (nearest rank).
    - In time: filed at least `weken` weeks before the gewenste startdatum (configurable per
      organisation; the policy asks budget holders to report early enough for a procedure).
    - Deviations: issued advices of `jaar` whose procedure differs from the one the engine
      computed, with the inkoper's motivation.
    """
    from meldingen.models import Inkoopmelding

    weken = tijdig_weken(organisatie) if weken is None else weken
    meldingen = list(Inkoopmelding.objects.filter(organisatie=organisatie, ingediend_op__year=jaar)
                     .values("id", "nummer", "ingediend_op", "gewenste_startdatum"))
    met_start = [m for m in meldingen if m["gewenste_startdatum"]]
    tijdig = [m for m in met_start
              if (m["gewenste_startdatum"] - _lokale_datum(m["ingediend_op"])).days >= 7 * weken]

    adviezen = _uitgebrachte_adviezen(organisatie, [m["id"] for m in meldingen], jaar)
    eerste: dict[int, object] = {}
    for a in adviezen["per_melding"]:
        if a["melding_id"] not in eerste or a["uitgebracht_op"] < eerste[a["melding_id"]]:
            eerste[a["melding_id"]] = a["uitgebracht_op"]
    dagen = [Decimal((eerste[m["id"]] - m["ingediend_op"]).total_seconds()) / Decimal(86400)
             for m in meldingen if m["id"] in eerste and eerste[m["id"]] >= m["ingediend_op"]]

    afwijkingen = tuple(adviezen["afwijkingen"])
    return Prestaties(
        tijdig_weken=weken, meldingen=len(meldingen), met_advies=len(dagen),
        doorlooptijd_mediaan_dagen=Decimal(median(dagen)) if dagen else None,
        doorlooptijd_p90_dagen=_percentiel(dagen, 90),
        met_startdatum=len(met_start), tijdig=len(tijdig), tijdig_pct=_pct(len(tijdig), len(met_start)),
        adviezen_uitgebracht=adviezen["aantal"], afwijkend=len(afwijkingen),
        afwijkend_pct=_pct(len(afwijkingen), adviezen["aantal"]), afwijkingen=afwijkingen,
        beschikbaar=adviezen["beschikbaar"], jaar=jaar,
    )


def _lokale_datum(moment):
    from django.utils import timezone

    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _uitgebrachte_adviezen(organisatie, melding_ids, jaar) -> dict:
    """Issued advices of the adviezen app (lead time and deviations, chapter 1.4)."""
    return _adviezen_lezen(Advies, organisatie, melding_ids, jaar)


def _adviezen_lezen(Advies, organisatie, melding_ids, jaar) -> dict:  # noqa: N803
    """Issued advice versions: first issue per melding (lead time) and deviations of `jaar`.

    An advice deviates when the inkoper issued another procedure than the engine computed
    (`berekend["procedure"]`); adviezen requires a motivation then (adviesregels.md §1.2).
    """
    from django.db.models.fields.json import KT

    uitgebracht = Advies.objects.filter(organisatie=organisatie, uitgebracht_op__isnull=False)
    per_melding = list(uitgebracht.filter(melding_id__in=melding_ids).values("melding_id", "uitgebracht_op"))
    rijen = list(uitgebracht.filter(uitgebracht_op__year=jaar)
                 .annotate(_berekend=KT("berekend__procedure"))
                 .values("melding__nummer", "melding_id", "versie", "procedure", "_berekend", "afwijking_motivering",
                         "uitgebracht_op")
                 .order_by("uitgebracht_op", "pk"))
    labels = dict(Procedure.choices)
    afwijkingen = [
        Afwijking(melding=f"{r['melding__nummer'] or r['melding_id']} (v{r['versie']})",
                  berekend=str(labels[r["_berekend"]]), uitgebracht=str(labels[r["procedure"]]),
                  reden=r["afwijking_motivering"] or "")
        for r in rijen if r["procedure"] and r["_berekend"] and r["procedure"] != r["_berekend"]
    ]
    return {"per_melding": per_melding, "aantal": len(rijen), "afwijkingen": afwijkingen, "beschikbaar": True}


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------

def jaarverslag_gegevens(*, organisatie, jaar: int, met_prestaties: bool = True) -> Jaarverslaggegevens:
    """Every table of the inkoopjaarverslag for `jaar`, exact (interfaces.md §3).

    Read in one transaction, so every table sees the same ledger even while an import runs.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The per-crediteur aggregate of a large ledger (100k+ groups) would spill to disk
            # with the default 4 MB; this only raises the limit for this transaction.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")
        return _gegevens(organisatie=organisatie, jaar=jaar, met_prestaties=met_prestaties)


def _gegevens(*, organisatie, jaar: int, met_prestaties: bool) -> Jaarverslaggegevens:
    model = _bron(organisatie)
    volume, per_jaar = _inkoopvolume(model, organisatie, jaar)
    totaal = per_jaar.get(jaar, NUL)
    totaal_vorig = per_jaar.get(jaar - 1, NUL)
    klassen = _klassen(model, organisatie, jaar)
    regio, lokaal_en_regionaal, regionale_namen = _regio(klassen, organisatie, jaar, totaal, totaal_vorig)
    cijfers = _contractcijfers(organisatie, jaar)
    return Jaarverslaggegevens(
        organisatie=organisatie.naam,
        jaar=jaar,
        totaal=totaal,
        totaal_vorig_jaar=totaal_vorig,
        inkoopvolume=tuple(volume),
        domeinen=tuple(_domeinen(model, organisatie, jaar, totaal, totaal_vorig)),
        categorieen=tuple(_categorieen(klassen, jaar, totaal, totaal_vorig)),
        regio=tuple(regio),
        lokaal_en_regionaal=lokaal_en_regionaal,
        regionale_namen=regionale_namen,
        afdeling_inkoop=_afdeling_inkoop(organisatie, jaar, cijfers),
        mvoi=cijfers.get("mvoi") or {},
        sroi=cijfers.get("sroi") or {},
        werkpakt_keurmerkhouders=cijfers.get("werkpakt_keurmerkhouders"),
        integriteit=cijfers.get("integriteit") or {},
        prestaties=prestaties(organisatie=organisatie, jaar=jaar) if met_prestaties else None,
        signalen=_signalen(organisatie, jaar),
        beoordelen_vanaf=beleid_voor(organisatie, op=date(jaar, 12, 31)).beoordelen_vanaf,
    )


# --------------------------------------------------------------------------------------------
# JSON (rounded half-up, only here)
# --------------------------------------------------------------------------------------------

def _euro(waarde) -> int | None:
    return None if waarde is None else int(rond_af(waarde))


def _procent(waarde) -> int | None:
    return None if waarde is None else int(rond_af(waarde))


def _miljoen(waarde, decimalen: int):
    if waarde is None:
        return None
    afgerond = rond_af(Decimal(waarde) / MILJOEN, decimalen)
    return int(afgerond) if decimalen == 0 else float(afgerond)


def _is_pct_sleutel(sleutel: str) -> bool:
    return "pct" in sleutel or "percentage" in sleutel


def _afronden(waarde, sleutel: str = ""):
    """Round the exact values that contracten delivers: percentages and euros to whole numbers."""
    if isinstance(waarde, dict):
        return {k: _afronden(v, k) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_afronden(v, sleutel) for v in waarde]
    if isinstance(waarde, bool) or waarde is None or isinstance(waarde, (int, str)):
        return waarde
    if isinstance(waarde, (Decimal, float)):
        return int(rond_af(Decimal(str(waarde))))
    return waarde


def als_json(g: Jaarverslaggegevens) -> dict:
    """The export of interfaces.md §3: whole euros and whole percent, half-up from exact cents."""
    volume = []
    for v in g.inkoopvolume:
        rij = {"jaar": v.jaar, "bedrag": _euro(v.bedrag)}
        if v.ontwikkeling_euro is not None:
            rij["ontwikkeling_euro"] = _euro(v.ontwikkeling_euro)
            rij["ontwikkeling_pct"] = _procent(v.ontwikkeling_pct)
        volume.append(rij)

    a = g.afdeling_inkoop
    lr = g.lokaal_en_regionaal
    uit = {
        "jaar": g.jaar,
        "organisatie": g.organisatie,
        "inkoopvolume": volume,
        "domeinen": [
            {"domein": d.domein, "bedrag": _euro(d.bedrag), "bedrag_miljoen_afgerond": _miljoen(d.bedrag, 1),
             "pct": _procent(d.pct), "bedrag_vorig_jaar": _euro(d.bedrag_vorig_jaar),
             "pct_vorig_jaar": _procent(d.pct_vorig_jaar)}
            for d in g.domeinen
        ],
        "categorieen": [
            {"code": c.code, "naam": c.naam, "vorig_jaar": _euro(c.vorig_jaar), "bedrag": _euro(c.bedrag),
             "ontwikkeling_euro": _euro(c.ontwikkeling_euro), "ontwikkeling_pct": _procent(c.ontwikkeling_pct)}
            for c in g.categorieen
        ],
        "regio": [
            {"regio": r.regio, "bedrag": _euro(r.bedrag), "pct": _procent(r.pct),
             "leveranciers": r.leveranciers, "leveranciers_pct": _procent(r.leveranciers_pct)}
            for r in g.regio
        ],
        "lokaal_en_regionaal": {
            "bedrag": _euro(lr.bedrag), "pct": _procent(lr.pct), "pct_vorig_jaar": _procent(lr.pct_vorig_jaar),
            "toename": _euro(lr.toename), "bedrag_vorig_jaar": _euro(lr.bedrag_vorig_jaar),
            "bedrag_miljoen_afgerond": _miljoen(lr.bedrag, 0),
            "toename_miljoen_afgerond": _miljoen(lr.toename, 0),
        },
        "afdeling_inkoop": {
            "inkoopmeldingen": a.inkoopmeldingen,
            "inkoopmeldingen_vorig_jaar": a.inkoopmeldingen_vorig_jaar,
            "inkoopmeldingen_groei_pct": _procent(a.inkoopmeldingen_groei_pct),
            "procedures_begeleid": a.procedures_begeleid,
            "afgerond_meervoudig_onderhands": a.afgerond_meervoudig_onderhands,
            "afgerond_europees": a.afgerond_europees,
        },
        "mvoi": _afronden(g.mvoi),
        "sroi": _afronden(g.sroi),
        "werkpakt_keurmerkhouders": g.werkpakt_keurmerkhouders,
        "integriteit": _afronden(g.integriteit),
    }
    if g.prestaties is not None:
        p = g.prestaties
        uit["prestaties_afdeling_inkoop"] = {
            "meldingen": p.meldingen,
            "doorlooptijd_mediaan_dagen": _procent(p.doorlooptijd_mediaan_dagen),
            "doorlooptijd_p90_dagen": _procent(p.doorlooptijd_p90_dagen),
            "tijdig_weken": p.tijdig_weken,
            "tijdig_gemeld_pct": _procent(p.tijdig_pct),
            "adviezen_uitgebracht": p.adviezen_uitgebracht,
            "afwijkend_advies": p.afwijkend,
            "afwijkend_advies_pct": _procent(p.afwijkend_pct),
        }
    return uit


def bereken_json(*, organisatie, jaar: int) -> dict:
    return als_json(jaarverslag_gegevens(organisatie=organisatie, jaar=jaar))


__all__ = ["Jaarverslaggegevens", "als_json", "bereken_json", "beschikbare_jaren", "heeft_uitgaven",
           "jaarverslag_gegevens", "prestaties"]
