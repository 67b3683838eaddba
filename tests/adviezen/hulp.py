"""Helpers for the advice tests: compare an answer with expected keys, money as numbers."""

from decimal import Decimal

from adviezen.engine import advies_als_json, standaardbeleid

GELDSLEUTELS = {"geraamde_waarde", "eu_drempel", "sroi_bedrag", "waarde"}


def _gelijk(sleutel, verwacht, gekregen) -> bool:
    if isinstance(verwacht, bool) or verwacht is None:
        return gekregen is verwacht
    if isinstance(verwacht, (int, float)) and not isinstance(verwacht, bool):
        if gekregen is None or isinstance(gekregen, bool):
            return False
        return Decimal(str(gekregen)) == Decimal(str(verwacht))
    if isinstance(verwacht, list):
        return (isinstance(gekregen, list) and len(gekregen) == len(verwacht)
                and all(verschillen(g, v) == [] for g, v in zip(gekregen, verwacht, strict=True)))
    return gekregen == verwacht


def verschillen(antwoord: dict, verwacht: dict) -> list[str]:
    """Every expected key whose value differs, as readable lines (empty: all equal)."""
    return [f"{k}: verwacht {v!r}, kreeg {antwoord.get(k)!r}" for k, v in verwacht.items()
            if not _gelijk(k, v, antwoord.get(k))]


def advies(invoer: dict, beleid=None) -> dict:
    code, antwoord = advies_als_json(invoer, beleid or standaardbeleid())
    assert code == 0, antwoord
    return antwoord


def basis(**kw) -> dict:
    """A plain dienst on 1 June 2025 with a regional market; override what the test is about."""
    invoer = {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True,
              "branche": "overig", "waarde_totaal": 10000, "looptijd_maanden": 12}
    invoer.update(kw)
    return {k: v for k, v in invoer.items() if v is not None}
