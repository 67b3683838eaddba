"""The 25 worked cases of advies-voorbeelden.json through the engine (one row per case in gevallen.py)."""

import pytest

from adviezen.engine import advies_als_json, standaardbeleid

from .gevallen import GEVALLEN
from .hulp import verschillen

BELEID = standaardbeleid()


@pytest.mark.parametrize(("geval", "invoer", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_the_engine_gives_the_expected_advice(geval, invoer, verwacht):
    code, antwoord = advies_als_json(invoer, BELEID)
    if verwacht.get("procedure") == "fout_drempels_onbekend":
        assert code == 3
        assert antwoord["fout"] == "drempels_onbekend"
        assert antwoord["melding"] == verwacht["melding"]
        return
    assert code == 0, antwoord
    assert verschillen(antwoord, verwacht) == []


@pytest.mark.parametrize(("geval", "invoer", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_every_advice_explains_itself_rule_by_rule(geval, invoer, verwacht):
    code, antwoord = advies_als_json(invoer, BELEID)
    if code:
        return
    regels = {m["regel"] for m in antwoord["motivering"]}
    assert all(m["tekst"] and m["regel"] for m in antwoord["motivering"])
    if invoer["soort"] == "verkoop_grond":
        assert "L-40" in regels
    else:
        # The value, the threshold, the melding, SROI and Bibob are each explained.
        assert {"P-01", "P-30", "P-40"} <= regels
        assert regels & {"L-20", "L-22", "L-23", "L-24"}
        assert regels & {"L-00", "L-01", "L-02", "L-03"}


@pytest.mark.parametrize(("geval", "invoer", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_money_is_printed_as_a_decimal_string_with_two_decimals(geval, invoer, verwacht):
    code, antwoord = advies_als_json(invoer, BELEID)
    if code:
        return
    assert isinstance(antwoord["geraamde_waarde"], str)
    assert antwoord["geraamde_waarde"].split(".")[1].__len__() == 2
    if antwoord["eu_drempel"] is not None:
        assert antwoord["eu_drempel"].endswith(".00")
