"""Stratified by amount: a line with a larger amount is more likely to be drawn.

Statistical in nature but deterministic: fixed seeds, so the outcome is the same on every run.
"""

from decimal import Decimal

from rechtmatigheid.steekproef import Regel, trek


def _populatie():
    klein = [Regel(2024, f"K{i:04d}", f"FK{i}", 1, Decimal("250.00")) for i in range(900)]
    middel = [Regel(2024, f"M{i:04d}", f"FM{i}", 1, Decimal("5000.00")) for i in range(90)]
    groot = [Regel(2024, f"G{i:04d}", f"FG{i}", 1, Decimal("150000.00")) for i in range(10)]
    return klein + middel + groot


def test_large_amounts_have_a_higher_chance_per_line_over_many_seeds():
    regels = _populatie()
    keer = {"K": 0, "M": 0, "G": 0}
    for zaad in range(200):
        getrokken, _ = trek(jaar=2024, omvang=20, zaad=str(zaad), regels=regels)
        for r, _stratum in getrokken:
            keer[r.crediteurnummer[0]] += 1
    kans = {"K": keer["K"] / (900 * 200), "M": keer["M"] / (90 * 200), "G": keer["G"] / (10 * 200)}
    assert kans["G"] > kans["M"] > kans["K"]
    # The 10 large lines hold most of the money, so they get most of the sample.
    assert kans["G"] > 10 * kans["M"]


def test_every_stratum_is_represented_when_the_size_allows():
    regels = [Regel(2024, f"K{i}", f"K{i}", 1, Decimal("1.00")) for i in range(50)] + \
        [Regel(2024, "G1", "G1", 1, Decimal("900000.00"))] + \
        [Regel(2024, f"G{i}", f"G{i}", 1, Decimal("800000.00")) for i in range(2, 30)]
    _getrokken, strata = trek(jaar=2024, omvang=5, zaad="1", regels=regels)
    # By amount alone the 50 tiny lines would get nothing; the minimum of one keeps them in view.
    assert {s.naam: s.getrokken for s in strata} == {
        "< € 1.000": 1, "€ 1.000 – € 10.000": 0, "€ 10.000 – € 100.000": 0, "≥ € 100.000": 4}


def test_the_allocation_follows_the_amount_per_stratum():
    _getrokken, strata = trek(jaar=2024, omvang=20, zaad="1", regels=_populatie())
    # Totals: klein 225.000 (900 lines), middel 450.000 (90), groot 1.500.000 (10). The large
    # stratum is taken whole (capped at its size); the rest goes 1 : 2 by amount, after the minimum.
    assert {s.naam: s.getrokken for s in strata} == {
        "< € 1.000": 4, "€ 1.000 – € 10.000": 6, "€ 10.000 – € 100.000": 0, "≥ € 100.000": 10}


def test_credit_notes_are_stratified_by_their_size():
    regels = [Regel(2024, "C1", "F1", 1, Decimal("-200000.00")), Regel(2024, "C2", "F2", 1, Decimal("10.00")),
              Regel(2024, "C3", "F3", 1, Decimal("20.00"))]
    getrokken, _ = trek(jaar=2024, omvang=1, zaad="x", regels=regels)
    assert [r.factuurnummer for r, _s in getrokken] == ["F1"]
