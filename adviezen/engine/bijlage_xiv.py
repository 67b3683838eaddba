"""Annex XIV of Directive 2014/24/EU: the social and other specific services of the light regime
(Aanbestedingswet 2012 art. 2.38-2.39), read from the list shipped in data/bijlage_xiv_cpv.csv
with its source. Pure Python, like the rest of the engine.

A listed code covers its descendants in the CPV tree (the code without its trailing zeros is the
prefix of every code below it); a range "van tot" covers every code from `van` up to and
including the last descendant of `tot`, in the order of the CPV.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BESTAND = Path(__file__).parent / "data" / "bijlage_xiv_cpv.csv"
_CPV = re.compile(r"^(\d{8})(?:-(\d))?$")


class OngeldigeCpv(ValueError):
    """Not a CPV code; the message says what is expected, in Dutch."""


@dataclass(frozen=True)
class Vermelding:
    van: str
    tot: str
    groep: str

    def dekt(self, cijfers: str) -> bool:
        laatste = self.tot.rstrip("0") or self.tot
        return self.van <= cijfers and (cijfers <= self.tot or cijfers.startswith(laatste))


def cpv_cijfers(code: str) -> str:
    """The eight digits of a CPV code written `85311000-2` or `85311000`."""
    gevonden = _CPV.match((code or "").strip())
    if gevonden is None:
        raise OngeldigeCpv(f"‘{code}’ is geen CPV-code: verwacht acht cijfers met een controlecijfer, "
                           "bijvoorbeeld 85311000-2.")
    return gevonden.group(1)


@lru_cache(maxsize=1)
def vermeldingen() -> tuple[Vermelding, ...]:
    with BESTAND.open(encoding="utf-8") as f:
        regels = [r for r in f if r.strip() and not r.startswith("#")]
    return tuple(Vermelding(r["van"], r["tot"], r["groep"]) for r in csv.DictReader(regels, delimiter=";"))


def bijlage_xiv_groep(code: str) -> str | None:
    """The group of Annex XIV the CPV code falls under, or None when the light regime does not apply."""
    cijfers = cpv_cijfers(code)
    return next((v.groep for v in vermeldingen() if v.dekt(cijfers)), None)
