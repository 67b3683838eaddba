"""The policy the engine applies, as data (adviesregels.md: thresholds and bands are never literals).

`Beleidsregels` is built from a plain dict (the database row of adviezen.models.Beleid, or the
default in `standaard.py`) with `Beleidsregels.uit_dict`; `als_dict` gives the same dict back, so
the web page, the data migration and the tests share one format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

PROCEDURES_NATIONAAL = ("enkelvoudig", "meervoudig_onderhands", "nationaal_openbaar")
SOORTEN_AW = ("levering", "dienst", "werk", "sociale_dienst")
WERK_CATEGORIEEN = ("bouw", "gww", "cultuurtechnisch")


class OngeldigBeleid(ValueError):
    """A policy that the engine cannot apply; `fouten` lists Dutch sentences."""

    def __init__(self, fouten: list[str]):
        super().__init__("; ".join(fouten))
        self.fouten = fouten


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def datum_nl(dag: date) -> str:
    """`1 januari 2026`."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def _d(waarde) -> Decimal:
    return waarde if isinstance(waarde, Decimal) else Decimal(str(waarde))


def _d_of_none(waarde) -> Decimal | None:
    return None if waarde is None or waarde == "" else _d(waarde)


def _datum(waarde) -> date | None:
    if waarde is None or waarde == "":
        return None
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


def _tekst(d: Decimal | None) -> str | None:
    return None if d is None else format(d, "f")


@dataclass(frozen=True)
class EuDrempels:
    """The EU thresholds of one period (L-00..L-03); both dates inclusive, `geldig_tot` None = open."""

    geldig_vanaf: date
    geldig_tot: date | None
    leveringen_diensten: Decimal  # sub-central contracting authorities (gemeenten)
    werken: Decimal
    sociale_diensten: Decimal  # Annex XIV, light regime (L-03, L-30)
    centraal: Decimal | None = None  # for reference only: a gemeente is sub-central
    nuts_leveringen_diensten: Decimal | None = None
    nuts_sociale_diensten: Decimal | None = None
    regel: str = "L-01"
    bron: str = ""
    # "geldig vanaf 1 januari 2024 t/m 31 december 2025; <bron>": built once for the motivering.
    omschrijving: str = field(init=False, compare=False, repr=False, default="")

    def __post_init__(self):
        tot = f" t/m {datum_nl(self.geldig_tot)}" if self.geldig_tot else ""
        tekst = f"geldig vanaf {datum_nl(self.geldig_vanaf)}{tot}" + (f"; {self.bron}" if self.bron else "")
        object.__setattr__(self, "omschrijving", tekst)

    def geldt_op(self, dag: date) -> bool:
        return self.geldig_vanaf <= dag and (self.geldig_tot is None or dag <= self.geldig_tot)

    def voor_soort(self, soort: str) -> Decimal:
        if soort == "werk":
            return self.werken
        if soort == "sociale_dienst":
            return self.sociale_diensten
        return self.leveringen_diensten

    @classmethod
    def uit_dict(cls, d: dict) -> EuDrempels:
        return cls(geldig_vanaf=_datum(d["geldig_vanaf"]), geldig_tot=_datum(d.get("geldig_tot")),
                   leveringen_diensten=_d(d["leveringen_diensten"]), werken=_d(d["werken"]),
                   sociale_diensten=_d(d["sociale_diensten"]), centraal=_d_of_none(d.get("centraal")),
                   nuts_leveringen_diensten=_d_of_none(d.get("nuts_leveringen_diensten")),
                   nuts_sociale_diensten=_d_of_none(d.get("nuts_sociale_diensten")),
                   regel=d.get("regel") or "L-01", bron=d.get("bron") or "")

    def als_dict(self) -> dict:
        return {"geldig_vanaf": self.geldig_vanaf.isoformat(),
                "geldig_tot": self.geldig_tot.isoformat() if self.geldig_tot else None,
                "leveringen_diensten": _tekst(self.leveringen_diensten), "werken": _tekst(self.werken),
                "sociale_diensten": _tekst(self.sociale_diensten), "centraal": _tekst(self.centraal),
                "nuts_leveringen_diensten": _tekst(self.nuts_leveringen_diensten),
                "nuts_sociale_diensten": _tekst(self.nuts_sociale_diensten),
                "regel": self.regel, "bron": self.bron}


@dataclass(frozen=True)
class Band:
    """From `vanaf` (inclusive) up to the next band or the EU threshold: this procedure."""

    vanaf: Decimal
    procedure: str
    # P-12 / A1: GWW and cultuurtechnische works below 3 mln always invite 2 regional firms,
    # whether or not the melding says a regional market exists.
    altijd_regionaal: bool = False


@dataclass(frozen=True)
class Bandenset:
    """The national bands of one soort (optionally only for some werk categories)."""

    soort: str
    werk_categorieen: frozenset = frozenset()  # empty = every category
    banden: tuple[Band, ...] = ()
    regel: str = "P-10"
    bron: str = ""

    def band_voor(self, waarde: Decimal) -> tuple[Band, Decimal | None]:
        """The band that holds `waarde`, and where the next band starts (None for the last)."""
        gekozen, volgende = self.banden[0], None
        for i, band in enumerate(self.banden):
            if waarde >= band.vanaf:
                gekozen = band
                volgende = self.banden[i + 1].vanaf if i + 1 < len(self.banden) else None
        return gekozen, volgende

    @classmethod
    def uit_dict(cls, d: dict) -> Bandenset:
        banden = tuple(sorted((Band(vanaf=_d(b["vanaf"]), procedure=b["procedure"],
                                    altijd_regionaal=bool(b.get("altijd_regionaal")))
                               for b in d["banden"]), key=lambda b: b.vanaf))
        return cls(soort=d["soort"], werk_categorieen=frozenset(d.get("werk_categorieen") or ()),
                   banden=banden, regel=d.get("regel") or "P-10", bron=d.get("bron") or "")

    def als_dict(self) -> dict:
        return {"soort": self.soort, "werk_categorieen": sorted(self.werk_categorieen),
                "regel": self.regel, "bron": self.bron,
                "banden": [{"vanaf": _tekst(b.vanaf), "procedure": b.procedure,
                            "altijd_regionaal": b.altijd_regionaal} for b in self.banden]}


@dataclass(frozen=True)
class MvoiThema:
    code: str
    naam: str
    suggestie: str = ""


@dataclass(frozen=True)
class Beleidsregels:
    """Everything of adviesregels.md that is [BELEID] plus the dated EU thresholds [WET, as data]."""

    naam: str
    melding_vanaf: Decimal  # P-01
    eu_drempels: tuple[EuDrempels, ...]  # L-00..L-03, L-07
    banden: tuple[Bandenset, ...]  # P-10, P-11, P-12
    uitnodigen_enkelvoudig: int = 1
    uitnodigen_meervoudig_min: int = 3  # P-20, Gids Proportionaliteit 3.4B
    uitnodigen_meervoudig_max: int = 5
    min_regionaal_meervoudig: int = 2  # P-21
    sroi_vanaf: Decimal = Decimal("100000")  # P-30
    sroi_percentage: Decimal = Decimal("5")
    sroi_percentage_verlaagd: Decimal | None = None  # e.g. 2 % when labour is a small share
    sroi_verlaagd_arbeidsaandeel_onder: Decimal | None = None  # percent of the contract value
    sroi_soorten: frozenset = frozenset(SOORTEN_AW)
    sroi_maatwerk_soorten: frozenset = frozenset({"werk"})  # Enschede: works case by case
    bibob_branches: frozenset = frozenset()  # P-40
    bibob_vanaf: Decimal = Decimal("0")  # A4
    bibob_risicocategorieen: frozenset = frozenset()
    percelen_max_leveringen_diensten: Decimal = Decimal("80000")  # L-25
    percelen_max_werken: Decimal = Decimal("1000000")
    percelen_max_aandeel: Decimal = Decimal("0.20")
    percelen_selectie: str = "grootste_eerst"
    mvoi_themas: tuple[MvoiThema, ...] = ()
    tenderboard_vanaf: Decimal | None = None  # None: from the EU threshold
    gouden_aanbesteding_vanaf: Decimal | None = None
    drempel_marge_pct: Decimal = Decimal("10")  # warn when the value is this close below a threshold
    splitsing_venster_maanden: int = 12
    geldig_vanaf: date | None = None
    versie: str = ""
    _banden_index: dict = field(default=None, compare=False, repr=False, hash=False)
    _drempel_cache: dict = field(default=None, compare=False, repr=False, hash=False)
    _mvoi_codes: tuple = field(default=(), compare=False, repr=False, hash=False)
    # Sentences of the motivering that depend on this policy only (adviezen.engine.regels._vast).
    _cache: dict = field(default=None, compare=False, repr=False, hash=False)

    def __post_init__(self):
        # Lookup table (soort, werk_categorie) -> Bandenset, built once per policy (the batch
        # command advises 20.000 cases per second with one policy).
        index = {}
        for s in self.banden:
            for cat in (s.werk_categorieen or (None,)):
                index[(s.soort, cat)] = s
        object.__setattr__(self, "_banden_index", index)
        object.__setattr__(self, "_drempel_cache", {})
        object.__setattr__(self, "_mvoi_codes", tuple(t.code for t in self.mvoi_themas))
        object.__setattr__(self, "_cache", {})

    def drempels_op(self, dag: date) -> EuDrempels | None:
        """L-07: the period that holds `dag`, or None. Never the last known period as a fallback."""
        cache = self._drempel_cache
        if dag in cache:
            return cache[dag]
        gevonden = None
        for periode in self.eu_drempels:
            if periode.geldt_op(dag):
                gevonden = periode
                break
        if len(cache) < 10000:
            cache[dag] = gevonden
        return gevonden

    def bandenset(self, soort: str, werk_categorie: str | None) -> Bandenset | None:
        idx = self._banden_index
        if soort == "werk":
            return idx.get(("werk", werk_categorie)) or idx.get(("werk", None))
        if soort == "sociale_dienst":
            # L-30 / §3: below 750.000 social services follow the services bands, unless the
            # policy gives them bands of their own.
            return idx.get(("sociale_dienst", None)) or idx.get(("dienst", None))
        return idx.get((soort, None))

    def controleer(self) -> None:
        """Refuse a policy the engine cannot apply, with every problem in one Dutch list."""
        fouten = []
        if self.melding_vanaf < 0:
            fouten.append("De meldgrens mag niet negatief zijn.")
        if not self.eu_drempels:
            fouten.append("Er is geen enkele periode met EU-drempels.")
        perioden = sorted(self.eu_drempels, key=lambda p: p.geldig_vanaf)
        for p in perioden:
            if p.geldig_tot and p.geldig_tot < p.geldig_vanaf:
                fouten.append(f"EU-drempels vanaf {p.geldig_vanaf}: de einddatum ligt voor de begindatum.")
            for naam, w in (("leveringen/diensten", p.leveringen_diensten), ("werken", p.werken),
                            ("sociale diensten", p.sociale_diensten)):
                if w <= 0:
                    fouten.append(f"EU-drempel {naam} vanaf {p.geldig_vanaf} moet groter dan 0 zijn.")
        for a, b in zip(perioden, perioden[1:], strict=False):
            if a.geldig_tot is None or a.geldig_tot >= b.geldig_vanaf:
                fouten.append(f"De EU-drempelperioden vanaf {a.geldig_vanaf} en {b.geldig_vanaf} overlappen.")
        for soort in ("levering", "dienst", "werk"):
            if (soort, None) not in self._banden_index:
                fouten.append(f"Er zijn geen procedurebanden voor soort ‘{soort}’ (zonder categorie).")
        for s in self.banden:
            if not s.banden:
                fouten.append(f"Bandenset {s.soort} heeft geen banden.")
                continue
            if s.banden[0].vanaf != 0:
                fouten.append(f"De eerste band van {s.soort} moet bij € 0 beginnen.")
            for b in s.banden:
                if b.procedure not in PROCEDURES_NATIONAAL:
                    fouten.append(f"Onbekende procedure ‘{b.procedure}’ in de banden van {s.soort}.")
            if len({b.vanaf for b in s.banden}) != len(s.banden):
                fouten.append(f"Twee banden van {s.soort} beginnen bij hetzelfde bedrag.")
            volgorde = [PROCEDURES_NATIONAAL.index(b.procedure) for b in s.banden
                        if b.procedure in PROCEDURES_NATIONAAL]
            if volgorde != sorted(volgorde):
                fouten.append(f"De banden van {s.soort} worden lichter bij een hogere waarde.")
        if not 1 <= self.uitnodigen_meervoudig_min <= self.uitnodigen_meervoudig_max:
            fouten.append("Meervoudig onderhands: het minimum aantal uit te nodigen ondernemers moet "
                          "minstens 1 zijn en niet groter dan het maximum.")
        if self.min_regionaal_meervoudig > self.uitnodigen_meervoudig_max:
            fouten.append("Het minimum aantal regionale ondernemers is groter dan het maximum aantal uit te nodigen.")
        if not 0 <= self.percelen_max_aandeel <= 1:
            fouten.append("Het maximale aandeel vrijgestelde percelen ligt tussen 0 en 100 %.")
        if self.sroi_percentage < 0 or self.sroi_percentage > 100:
            fouten.append("Het SROI-percentage ligt tussen 0 en 100.")
        if self.percelen_selectie not in ("grootste_eerst", "kleinste_eerst"):
            fouten.append("Percelenregeling: kies ‘grootste_eerst’ of ‘kleinste_eerst’.")
        if fouten:
            raise OngeldigBeleid(fouten)

    @classmethod
    def uit_dict(cls, d: dict) -> Beleidsregels:
        return cls(
            naam=d.get("naam") or "Beleid",
            versie=str(d.get("versie") or ""),
            geldig_vanaf=_datum(d.get("geldig_vanaf")),
            melding_vanaf=_d(d["melding_vanaf"]),
            eu_drempels=tuple(sorted((EuDrempels.uit_dict(p) for p in d["eu_drempels"]),
                                     key=lambda p: p.geldig_vanaf)),
            banden=tuple(Bandenset.uit_dict(s) for s in d["banden"]),
            uitnodigen_enkelvoudig=int(d.get("uitnodigen_enkelvoudig", 1)),
            uitnodigen_meervoudig_min=int(d["uitnodigen_meervoudig_min"]),
            uitnodigen_meervoudig_max=int(d["uitnodigen_meervoudig_max"]),
            min_regionaal_meervoudig=int(d["min_regionaal_meervoudig"]),
            sroi_vanaf=_d(d["sroi_vanaf"]),
            sroi_percentage=_d(d["sroi_percentage"]),
            sroi_percentage_verlaagd=_d_of_none(d.get("sroi_percentage_verlaagd")),
            sroi_verlaagd_arbeidsaandeel_onder=_d_of_none(d.get("sroi_verlaagd_arbeidsaandeel_onder")),
            sroi_soorten=frozenset(d.get("sroi_soorten") or SOORTEN_AW),
            sroi_maatwerk_soorten=frozenset(d.get("sroi_maatwerk_soorten") or ()),
            bibob_branches=frozenset(d.get("bibob_branches") or ()),
            bibob_vanaf=_d(d.get("bibob_vanaf") or 0),
            bibob_risicocategorieen=frozenset(d.get("bibob_risicocategorieen") or ()),
            percelen_max_leveringen_diensten=_d(d["percelen_max_leveringen_diensten"]),
            percelen_max_werken=_d(d["percelen_max_werken"]),
            percelen_max_aandeel=_d(d["percelen_max_aandeel"]),
            percelen_selectie=d.get("percelen_selectie") or "grootste_eerst",
            mvoi_themas=tuple(MvoiThema(t["code"], t["naam"], t.get("suggestie", ""))
                              for t in d.get("mvoi_themas") or ()),
            tenderboard_vanaf=_d_of_none(d.get("tenderboard_vanaf")),
            gouden_aanbesteding_vanaf=_d_of_none(d.get("gouden_aanbesteding_vanaf")),
            drempel_marge_pct=_d(d.get("drempel_marge_pct") if d.get("drempel_marge_pct") is not None else 10),
            splitsing_venster_maanden=int(d.get("splitsing_venster_maanden") or 12),
        )

    def als_dict(self) -> dict:
        return {
            "naam": self.naam, "versie": self.versie,
            "geldig_vanaf": self.geldig_vanaf.isoformat() if self.geldig_vanaf else None,
            "melding_vanaf": _tekst(self.melding_vanaf),
            "eu_drempels": [p.als_dict() for p in self.eu_drempels],
            "banden": [s.als_dict() for s in self.banden],
            "uitnodigen_enkelvoudig": self.uitnodigen_enkelvoudig,
            "uitnodigen_meervoudig_min": self.uitnodigen_meervoudig_min,
            "uitnodigen_meervoudig_max": self.uitnodigen_meervoudig_max,
            "min_regionaal_meervoudig": self.min_regionaal_meervoudig,
            "sroi_vanaf": _tekst(self.sroi_vanaf), "sroi_percentage": _tekst(self.sroi_percentage),
            "sroi_percentage_verlaagd": _tekst(self.sroi_percentage_verlaagd),
            "sroi_verlaagd_arbeidsaandeel_onder": _tekst(self.sroi_verlaagd_arbeidsaandeel_onder),
            "sroi_soorten": sorted(self.sroi_soorten), "sroi_maatwerk_soorten": sorted(self.sroi_maatwerk_soorten),
            "bibob_branches": sorted(self.bibob_branches), "bibob_vanaf": _tekst(self.bibob_vanaf),
            "bibob_risicocategorieen": sorted(self.bibob_risicocategorieen),
            "percelen_max_leveringen_diensten": _tekst(self.percelen_max_leveringen_diensten),
            "percelen_max_werken": _tekst(self.percelen_max_werken),
            "percelen_max_aandeel": _tekst(self.percelen_max_aandeel),
            "percelen_selectie": self.percelen_selectie,
            "mvoi_themas": [{"code": t.code, "naam": t.naam, "suggestie": t.suggestie} for t in self.mvoi_themas],
            "tenderboard_vanaf": _tekst(self.tenderboard_vanaf),
            "gouden_aanbesteding_vanaf": _tekst(self.gouden_aanbesteding_vanaf),
            "drempel_marge_pct": _tekst(self.drempel_marge_pct),
            "splitsing_venster_maanden": self.splitsing_venster_maanden,
        }
