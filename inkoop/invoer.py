"""Numbers from query parameters, bounded to what the database columns can hold.

`int("9" * 23)` is a valid Python int, but no id or year column holds it: PostgreSQL answers
"value out of range" and SQLite "Python int too large", both server errors in the page that
used it. These helpers give None instead, so the page treats it as "not chosen".
"""

MAX_ID = 2**63 - 1  # bigint, Django's BigAutoField


def id_of_none(tekst) -> int | None:
    try:
        n = int(str(tekst or "").strip())
    except ValueError:
        return None
    return n if 0 < n <= MAX_ID else None


def jaar_of_none(tekst, *, minimum: int = 1900, maximum: int = 2999) -> int | None:
    try:
        n = int(str(tekst or "").strip())
    except ValueError:
        return None
    return n if minimum <= n <= maximum else None
