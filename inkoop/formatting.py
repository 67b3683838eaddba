"""Dutch formatting and parsing of money, percentages and dates: the one formatting module.

Numbers and dates are written by babel (CLDR locale nl_NL); every page, letter, export and
message formats through here or the template filters of inkoop.templatetags.nl built on it.

Money is Decimal to the cent everywhere; rounding half-up (commercial rounding, 0.5 away from
zero) happens only here, when a person reads a number.
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

NBSP = "\u00a0"


def rond_af(waarde, decimalen: int = 0) -> Decimal:
    """Round half-up (away from zero) to `decimalen` places."""
    d = Decimal(str(waarde)) if not isinstance(waarde, Decimal) else waarde
    kwantum = Decimal(1).scaleb(-decimalen)
    return d.quantize(kwantum, rounding=ROUND_HALF_UP)


def getal(waarde, decimalen: int = 0) -> str:
    """`1234567.891` -> `1.234.567,89` (decimalen=2); `-` for None."""
    if waarde is None or waarde == "":
        return "-"
    d = rond_af(waarde, decimalen)
    # Rounded half-up above; babel only writes the Dutch separators (CLDR nl: 1.234.567,89).
    patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
    return format_decimal(d, format=patroon, locale="nl_NL")


def euro(waarde, decimalen: int = 0) -> str:
    """`€ 1.234.567` or with cents `€ 1.234.567,89`; negative as `€ -1.234`."""
    if waarde is None or waarde == "":
        return "-"
    return f"€{NBSP}{getal(waarde, decimalen)}"


def euro_exact(waarde) -> str:
    """`€ 1.234` for whole euros, `€ 1.234,56` otherwise: an amount as typed or computed, never
    rounded away (the advice engine's motivering writes amounts the same way)."""
    if waarde is None or waarde == "":
        return "-"
    d = rond_af(waarde, 2)
    return euro(d, 0 if d == d.to_integral_value() else 2)


def procent(waarde, decimalen: int = 0) -> str:
    """`17%` (the seed report writes percentages without a space)."""
    if waarde is None or waarde == "":
        return "-"
    return f"{getal(waarde, decimalen)}%"


MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]


def datum(waarde: date | None, lang: bool = False) -> str:
    if waarde is None:
        return "-"
    if lang:
        return format_date(waarde, "d MMMM y", locale="nl_NL")  # 1 januari 2026
    return format_date(waarde, "dd-MM-y", locale="nl_NL")


class OngeldigBedrag(ValueError):
    """Raised with a Dutch sentence that says what is wrong with the amount."""


_NL = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$")
_PUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


def parse_bedrag(tekst, *, negatief_toegestaan: bool = False) -> Decimal:
    """Parse a Dutch amount strictly: `25000`, `25.000`, `25.000,00`, `€ 25.000`, `25000.50`.

    `25.000` is twenty-five thousand (Dutch thousands separator), not 25. Anything else is
    rejected with a sentence that says why.
    """
    if isinstance(tekst, (int, Decimal)):
        d = Decimal(tekst)
    else:
        s = str(tekst).strip().replace(NBSP, " ")
        if s.startswith("€"):
            s = s[1:].strip()
        s = s.replace(" ", "")
        if s.endswith(",-"):
            s = s[:-2]
        if not s:
            raise OngeldigBedrag("Vul een bedrag in.")
        if _NL.match(s) and not (s.count(".") == 1 and _PUNT.match(s) and len(s.split(".")[1]) != 3):
            d = Decimal(s.replace(".", "").replace(",", "."))
        elif _PUNT.match(s):
            d = Decimal(s)
        else:
            raise OngeldigBedrag(
                f"‘{tekst}’ is geen bedrag. Schrijf bijvoorbeeld 25.000 of 25.000,00."
            )
    if not d.is_finite():
        raise OngeldigBedrag(f"‘{tekst}’ is geen bedrag.")
    if d != d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise OngeldigBedrag("Een bedrag heeft hoogstens twee decimalen (centen).")
    if abs(d) >= Decimal("1e13"):
        raise OngeldigBedrag("Dit bedrag is onwaarschijnlijk groot; controleer het aantal nullen.")
    d = d.quantize(Decimal("0.01"))
    if d < 0 and not negatief_toegestaan:
        raise OngeldigBedrag("Een bedrag kan niet negatief zijn.")
    return d
