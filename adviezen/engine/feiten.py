"""The facts of an intended purchase (interfaces.md §1 input), parsed strictly from plain JSON data.

`feiten_uit_dict` collects every problem per input key in Dutch and raises `OngeldigeInvoer`;
it never lets a half-understood value through.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .beleid import WERK_CATEGORIEEN

SOORTEN = ("levering", "dienst", "werk", "sociale_dienst", "verkoop_grond")
PRIJSVORMEN = ("totaal", "periodiek")
GEGADIGDEN = ("een", "meerdere")
_DECIMAAL = re.compile(r"^\s*-?\d+(\.\d+)?\s*$")
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_BEDRAG = Decimal("9999999999999.99")  # DecimalField(max_digits=15, decimal_places=2)
MAX_MAANDEN = 1200


class OngeldigeInvoer(ValueError):
    """Input the engine cannot advise on; `velden` maps input key -> Dutch reasons."""

    def __init__(self, velden: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in velden.items()))
        self.velden = velden


@dataclass(frozen=True)
class Samenhang:
    """A related purchase in the same inkooppakket within the window (L-26 splitting check)."""

    bron: str  # "melding", "contract", "uitgaven"
    omschrijving: str
    bedrag: Decimal


@dataclass(frozen=True)
class Feiten:
    soort: str
    datum: date
    prijsvorm: str = "totaal"
    waarde_totaal: Decimal | None = None
    waarde_opties: Decimal | None = None
    waarde_per_jaar: Decimal | None = None
    looptijd_maanden: int | None = None
    opties_verlenging_maanden: int | None = None
    onbepaalde_looptijd: bool = False
    percelen: tuple[Decimal, ...] = ()
    werk_categorie: str | None = None
    branche: str | None = None
    regionale_markt_beschikbaar: bool = True
    serieuze_gegadigden: str | None = None
    # Optional extras (not in the fixed interface; they only add warnings or the 2 % SROI variant).
    grensoverschrijdend_belang: bool = False
    arbeidsaandeel_pct: Decimal | None = None
    cpv_code: str | None = None
    mvoi_themas: tuple[str, ...] = ()
    samenhangend: tuple[Samenhang, ...] = ()

    @classmethod
    def snel(cls, **velden) -> Feiten:
        """Construct without the frozen __init__ (one dict update); every field must be given."""
        obj = object.__new__(cls)
        obj.__dict__.update(velden)
        return obj


@lru_cache(maxsize=1024)
def normaliseer_branche(tekst: str) -> str:
    """`Openbare orde` -> `openbare_orde`, `ICT` -> `ict`, `beveiliging/veiligheid` stays one code."""
    return re.sub(r"[\s\-]+", "_", tekst.strip().lower())


def _klein(s: str) -> str:
    return s.strip().lower()


def _bedrag(waarde, sleutel: str, fouten: dict) -> Decimal | None:
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        fouten.setdefault(sleutel, []).append("Moet een bedrag zijn (getal of decimale tekst), geen ja/nee.")
        return None
    if isinstance(waarde, int):
        d = Decimal(waarde)
    elif isinstance(waarde, float):
        if math.isnan(waarde) or math.isinf(waarde):
            fouten.setdefault(sleutel, []).append("Moet een eindig bedrag zijn.")
            return None
        d = Decimal(repr(waarde))
    elif isinstance(waarde, str) and _DECIMAAL.match(waarde):
        try:
            d = Decimal(waarde.strip())
        except InvalidOperation:  # pragma: no cover - the pattern already guards this
            d = None
        if d is None:
            fouten.setdefault(sleutel, []).append("Geen geldig bedrag.")
            return None
    else:
        fouten.setdefault(sleutel, []).append(
            "Moet een bedrag zijn: een getal of een decimale tekst zoals \"221000.00\".")
        return None
    if d < 0:
        fouten.setdefault(sleutel, []).append("Een bedrag mag niet negatief zijn.")
        return None
    if d > MAX_BEDRAG:
        fouten.setdefault(sleutel, []).append("Het bedrag is te groot (meer dan 13 cijfers voor de komma).")
        return None
    return d


def _maanden(waarde, sleutel: str, fouten: dict) -> int | None:
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        fouten.setdefault(sleutel, []).append("Moet een geheel aantal maanden zijn.")
        return None
    if isinstance(waarde, float):
        if not waarde.is_integer():
            fouten.setdefault(sleutel, []).append("Moet een geheel aantal maanden zijn.")
            return None
        waarde = int(waarde)
    if waarde < 0:
        fouten.setdefault(sleutel, []).append("Het aantal maanden mag niet negatief zijn.")
        return None
    if waarde > MAX_MAANDEN:
        fouten.setdefault(sleutel, []).append(f"Meer dan {MAX_MAANDEN} maanden is geen realistische looptijd.")
        return None
    return waarde


def _ja_nee(waarde, sleutel: str, standaard: bool, fouten: dict) -> bool:
    if waarde is None:
        return standaard
    if not isinstance(waarde, bool):
        fouten.setdefault(sleutel, []).append("Moet true of false zijn.")
        return standaard
    return waarde


def _keuze(waarde, sleutel: str, opties, fouten: dict, normaal=str.strip) -> str | None:
    if waarde in opties:  # the usual case: an exact code (strings only; a list is never "in" a tuple of str)
        return waarde
    if waarde is None or waarde == "":
        return None
    if not isinstance(waarde, str):
        fouten.setdefault(sleutel, []).append("Moet een tekst zijn: " + ", ".join(opties) + ".")
        return None
    w = normaal(waarde)
    if w not in opties:
        fouten.setdefault(sleutel, []).append(f"Onbekende waarde ‘{waarde}’; kies uit: " + ", ".join(opties) + ".")
        return None
    return w


@lru_cache(maxsize=8192)
def _iso_datum(waarde: str) -> date | None:
    if not _ISO_DATUM.match(waarde):
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        return None


def _datum(waarde, fouten: dict) -> date | None:
    if type(waarde) is str:
        dag = _iso_datum(waarde)
        if dag is not None:
            return dag
    if waarde is None or waarde == "":
        fouten.setdefault("datum", []).append(
            "Vul de geplande datum van publicatie of start van de procedure in (JJJJ-MM-DD).")
        return None
    if not isinstance(waarde, str) or not _ISO_DATUM.match(waarde):
        fouten.setdefault("datum", []).append(f"‘{waarde}’ is geen datum in de vorm JJJJ-MM-DD.")
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        fouten.setdefault("datum", []).append(f"‘{waarde}’ is geen bestaande datum.")
        return None


def feiten_uit_dict(d) -> Feiten:
    """Parse one input object of `manage.py advies` (interfaces.md §1)."""
    if not isinstance(d, dict):
        raise OngeldigeInvoer({"invoer": ["Verwacht een JSON-object met de feiten van de inkoop."]})
    fouten: dict[str, list[str]] = {}
    soort = d.get("soort")
    if soort is None or soort == "":
        fouten["soort"] = ["Vul de soort opdracht in: " + ", ".join(SOORTEN) + "."]
        soort = None
    else:
        soort = _keuze(soort, "soort", SOORTEN, fouten, normaal=_klein)
    datum = _datum(d.get("datum"), fouten)

    # Absent keys are the common case: test for None before calling the parsers (batch speed).
    w = d.get("waarde_totaal")
    waarde_totaal = None if w is None else _bedrag(w, "waarde_totaal", fouten)
    w = d.get("waarde_opties")
    waarde_opties = None if w is None else _bedrag(w, "waarde_opties", fouten)
    w = d.get("waarde_per_jaar")
    waarde_per_jaar = None if w is None else _bedrag(w, "waarde_per_jaar", fouten)
    w = d.get("looptijd_maanden")
    looptijd = w if type(w) is int and 0 <= w <= MAX_MAANDEN else _maanden(w, "looptijd_maanden", fouten)
    w = d.get("opties_verlenging_maanden")
    opties_mnd = w if type(w) is int and 0 <= w <= MAX_MAANDEN else _maanden(w, "opties_verlenging_maanden", fouten)
    w = d.get("onbepaalde_looptijd")
    onbepaald = w if type(w) is bool else _ja_nee(w, "onbepaalde_looptijd", False, fouten)
    w = d.get("regionale_markt_beschikbaar")
    regionaal = w if type(w) is bool else _ja_nee(w, "regionale_markt_beschikbaar", True, fouten)
    w = d.get("grensoverschrijdend_belang")
    grens = w if type(w) is bool else _ja_nee(w, "grensoverschrijdend_belang", False, fouten)

    percelen: tuple[Decimal, ...] = ()
    ruwe_percelen = d.get("percelen")
    if ruwe_percelen is not None:
        if not isinstance(ruwe_percelen, list):
            fouten.setdefault("percelen", []).append("Moet een lijst van bedragen zijn, één per perceel.")
        else:
            lijst = []
            for i, p in enumerate(ruwe_percelen, start=1):
                perceel_fouten: dict = {}
                w = _bedrag(p, "p", perceel_fouten)
                if perceel_fouten:
                    fouten.setdefault("percelen", []).extend(f"Perceel {i}: {t}" for t in perceel_fouten["p"])
                elif w is None:
                    fouten.setdefault("percelen", []).append(f"Perceel {i}: vul een bedrag in.")
                else:
                    lijst.append(w)
            percelen = tuple(lijst)

    prijsvorm = d.get("prijsvorm")
    if prijsvorm is None or prijsvorm == "":
        # Not given: a price per year without a total means periodiek; otherwise a total price.
        prijsvorm = "periodiek" if waarde_per_jaar is not None and waarde_totaal is None else "totaal"
    else:
        prijsvorm = _keuze(prijsvorm, "prijsvorm", PRIJSVORMEN, fouten, normaal=_klein)

    if not percelen and ruwe_percelen in (None, []) and "percelen" not in fouten:
        if prijsvorm == "totaal" and waarde_totaal is None and "waarde_totaal" not in fouten:
            fouten.setdefault("waarde_totaal", []).append(
                "Vul de totale waarde exclusief btw in (of geef percelen of een prijs per jaar).")
        if prijsvorm == "periodiek":
            if waarde_per_jaar is None and "waarde_per_jaar" not in fouten:
                fouten.setdefault("waarde_per_jaar", []).append("Vul de waarde per jaar exclusief btw in.")
            if looptijd is None and not onbepaald and "looptijd_maanden" not in fouten:
                fouten.setdefault("looptijd_maanden", []).append(
                    "Vul de looptijd in maanden in, of zet onbepaalde_looptijd op true.")

    werk_categorie = _keuze(d.get("werk_categorie"), "werk_categorie", WERK_CATEGORIEEN, fouten,
                            normaal=_klein)
    branche = d.get("branche")
    if branche is not None and not isinstance(branche, str):
        fouten.setdefault("branche", []).append("Moet een tekst zijn, bijvoorbeeld ‘bouw’ of ‘ict’.")
        branche = None
    branche = normaliseer_branche(branche) if branche else None

    gegadigden = d.get("serieuze_gegadigden")
    if isinstance(gegadigden, str) and gegadigden.strip().lower() in ("één", "1"):
        gegadigden = "een"
    gegadigden = _keuze(gegadigden, "serieuze_gegadigden", GEGADIGDEN, fouten,
                        normaal=_klein)

    arbeid = d.get("arbeidsaandeel_pct")
    arbeidsaandeel = _bedrag(arbeid, "arbeidsaandeel_pct", fouten) if arbeid is not None else None
    if arbeidsaandeel is not None and arbeidsaandeel > 100:
        fouten.setdefault("arbeidsaandeel_pct", []).append("Een percentage ligt tussen 0 en 100.")
    cpv = d.get("cpv_code")
    if cpv is not None and not isinstance(cpv, str):
        fouten.setdefault("cpv_code", []).append("Moet een CPV-code als tekst zijn, bijvoorbeeld ‘85000000-9’.")
        cpv = None
    themas = d.get("mvoi_themas")
    if themas is not None and (not isinstance(themas, list) or not all(isinstance(t, str) for t in themas)):
        fouten.setdefault("mvoi_themas", []).append("Moet een lijst van themacodes zijn.")
        themas = None

    if fouten:
        raise OngeldigeInvoer(fouten)
    return Feiten.snel(soort=soort, datum=datum, prijsvorm=prijsvorm, waarde_totaal=waarde_totaal,
                  waarde_opties=waarde_opties, waarde_per_jaar=waarde_per_jaar, looptijd_maanden=looptijd,
                  opties_verlenging_maanden=opties_mnd, onbepaalde_looptijd=onbepaald, percelen=percelen,
                  werk_categorie=werk_categorie, branche=branche, regionale_markt_beschikbaar=regionaal,
                  serieuze_gegadigden=gegadigden, grensoverschrijdend_belang=grens,
                  arbeidsaandeel_pct=arbeidsaandeel, cpv_code=(cpv or "").strip() or None,
                  mvoi_themas=tuple(themas or ()), samenhangend=())
