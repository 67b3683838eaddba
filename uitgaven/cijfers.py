"""Exact arithmetic shared by the spend dashboard (uitgaven) and the yearly report (jaarverslag).

One copy, so the dashboard and the report can never disagree on a percentage or a supplier
count. Everything stays exact; rounding half-up happens only when a number is shown
(inkoop.formatting) or exported (jaarverslag.selectors.als_json).
"""

from decimal import Decimal

NUL = Decimal("0.00")
CENT = Decimal("0.01")
HONDERD = Decimal(100)
NOG_NIET_BEOORDEELD = "Nog niet beoordeelde inkopen"
EINDTOTAAL = "Eindtotaal"

# A supplier counts in a year when its total there is not zero (credit notes can cancel a year
# out). |s| >= 0.005 rather than s <> 0 so that SQLite's float sums count the same as
# PostgreSQL's exact numerics. Used inside SQL as NIET_NUL.format(expressie).
NIET_NUL = "ABS({}) >= 0.005"


def cent(waarde) -> Decimal:
    """A raw SQL sum as exact cents (SQLite returns floats for NUMERIC sums; they stay far below
    2**53 cents, so the conversion is exact)."""
    if waarde is None:
        return NUL
    if not isinstance(waarde, Decimal):
        waarde = Decimal(str(waarde))
    return waarde.quantize(CENT)


def pct(deel, geheel) -> Decimal | None:
    """`deel` as an exact percentage of `geheel` (None when there is no whole to divide by)."""
    if not geheel:
        return None
    return Decimal(deel) * HONDERD / Decimal(geheel)


def groei(nu, toen) -> Decimal | None:
    """Development against the year before, in percent of last year's (absolute) amount."""
    if not toen:
        return None
    return (Decimal(nu) - Decimal(toen)) * HONDERD / abs(Decimal(toen))
