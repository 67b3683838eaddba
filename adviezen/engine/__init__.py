"""The procedure advice engine: pure Python, no Django (tests/adviezen/test_engine_is_puur.py).

Facts in (a frozen dataclass), advice out (a frozen dataclass), with a `motivering` entry
(rule id + Dutch sentence) for every decision. Policy values come in as data (`Beleidsregels`).

    from adviezen.engine import adviseer, feiten_uit_dict, standaardbeleid
    uitkomst = adviseer(feiten_uit_dict({...}), standaardbeleid())
"""

import json

from .beleid import Band, Bandenset, Beleidsregels, EuDrempels, OngeldigBeleid
from .feiten import Feiten, OngeldigeInvoer, Samenhang, feiten_uit_dict
from .motivering import Motivering
from .raming import OngeldigeRaming, Raming, raming
from .regels import (
    INTERFACE_CODES,
    PROCEDURE_NAMEN,
    ZWAARTE,
    DrempelsOnbekend,
    PerceelAdvies,
    Uitkomst,
    adviseer,
)
from .standaard import STANDAARDBELEID, standaardbeleid

__all__ = [
    "INTERFACE_CODES", "PROCEDURE_NAMEN", "STANDAARDBELEID", "ZWAARTE", "Band", "Bandenset", "Beleidsregels", "DrempelsOnbekend",
    "EuDrempels", "Feiten", "Motivering", "OngeldigBeleid", "OngeldigeInvoer", "OngeldigeRaming", "PerceelAdvies",
    "Raming", "Samenhang", "Uitkomst", "advies_als_json", "advies_als_tekst", "adviseer", "feiten_uit_dict", "raming",
    "standaardbeleid",
]


def advies_als_json(invoer, beleid: Beleidsregels) -> tuple[int, dict]:
    """One answer of `manage.py advies` (interfaces.md §1): (exit code, JSON object).

    0 advice; 2 invalid input (`ongeldige_invoer` with reasons per key); 3 no thresholds for
    the date (`drempels_onbekend`). Never raises for bad input.
    """
    try:
        feiten = feiten_uit_dict(invoer)
        return 0, adviseer(feiten, beleid).als_interface_dict()
    except OngeldigeInvoer as fout:
        return 2, {"fout": "ongeldige_invoer", "velden": fout.velden}
    except OngeldigeRaming as fout:
        return 2, {"fout": "ongeldige_invoer", "velden": fout.velden}
    except DrempelsOnbekend as fout:
        return 3, {"fout": "drempels_onbekend", "melding": fout.melding, "procedure": "fout_drempels_onbekend",
                   "europees": None, "datum": fout.dag.isoformat()}


def advies_als_tekst(invoer, beleid: Beleidsregels) -> tuple[int, str]:
    """Like `advies_als_json`, but the answer as compact JSON text (the fast path of --batch)."""
    try:
        return 0, adviseer(feiten_uit_dict(invoer), beleid).als_json()
    except (OngeldigeInvoer, OngeldigeRaming, DrempelsOnbekend):
        code, antwoord = advies_als_json(invoer, beleid)
        return code, json.dumps(antwoord, separators=(",", ":"))
