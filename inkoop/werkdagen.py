"""Working days (werkdagen): Monday to Friday except the Dutch public holidays.

The holidays are those of the Algemene termijnenwet art. 3 (Nieuwjaarsdag, Tweede Paasdag,
Hemelvaartsdag, Tweede Pinksterdag, Koningsdag, Eerste en Tweede Kerstdag) plus Goede Vrijdag
and 5 mei, which the Algemene termijnenwet also names. Pure Python, no Django.
"""

from datetime import date, timedelta
from functools import lru_cache


def pasen(jaar: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    p = pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it moves to Saturday 26 April
        koningsdag = date(jaar, 4, 26)
    return frozenset({
        date(jaar, 1, 1),
        p - timedelta(days=2),   # Goede Vrijdag
        p + timedelta(days=1),   # Tweede Paasdag
        koningsdag,
        date(jaar, 5, 5),        # Bevrijdingsdag
        p + timedelta(days=39),  # Hemelvaartsdag
        p + timedelta(days=50),  # Tweede Pinksterdag
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    })


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def werkdagen_tussen(van: date, tot: date) -> int:
    """Working days after `van` up to and including `tot` (0 when `tot` is not later)."""
    if tot <= van:
        return 0
    aantal = 0
    dag = van + timedelta(days=1)
    while dag <= tot:
        if is_werkdag(dag):
            aantal += 1
        dag += timedelta(days=1)
    return aantal


def werkdagen_terug(dag: date, werkdagen: int) -> date:
    """The day `werkdagen` working days before `dag` (the inverse of werkdagen_tussen)."""
    over = werkdagen
    while over > 0:
        dag -= timedelta(days=1)
        if is_werkdag(dag):
            over -= 1
    return dag
