"""Date arithmetic for contract terms (calendar months, clamped to the end of the month)."""

import calendar
from datetime import date


def plus_maanden(d: date, maanden: int) -> date:
    """`31-01-2025 + 1 month = 28-02-2025`: a term of N months ends on the same day N months on,
    or on the last day of that month when it is shorter."""
    index = d.month - 1 + maanden
    jaar, maand = d.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def jaargrenzen(jaar: int) -> tuple[date, date]:
    return date(jaar, 1, 1), date(jaar, 12, 31)


def maandgrenzen(jaar: int, maand: int) -> tuple[date, date]:
    return date(jaar, maand, 1), date(jaar, maand, calendar.monthrange(jaar, maand)[1])
