"""Formula injection in exports (OWASP "CSV injection"), one rule for every download.

Text a spreadsheet would read as a formula (starting with = + - @, a tab, CR or LF) gets a
leading apostrophe: a crediteur called "=HYPERLINK(...)" or a note typed by someone else must
never run as a formula on a controller's or accountant's machine. Amounts and dates are written
as numbers and dates by the callers and never pass through here.

Control characters other than tab, CR and LF cannot be stored in an XLSX file at all (XML 1.0
§2.2; openpyxl raises IllegalCharacterError and the whole export fails), so they are removed
here too: a name imported from a ledger with a stray control character still exports.
"""

import re

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def zonder_stuurtekens(tekst: str) -> str:
    return STUURTEKENS.sub("", tekst)


def ontwapen(waarde):
    """The value itself, or for dangerous text the text with a leading apostrophe; text never
    holds control characters that XLSX cannot store."""
    if isinstance(waarde, str):
        waarde = zonder_stuurtekens(waarde)
        if waarde.startswith(FORMULE_TEKENS):
            return "'" + waarde
    return waarde


def bijlage_kop(bestandsnaam: str, *, inline: bool = False) -> str:
    """A Content-Disposition header for a download whose name may hold user text (a seed, a
    name): quoted by Django (RFC 6266, filename* for non-ASCII), with no quote, slash or line
    break left in it, so the header can neither be split nor point elsewhere."""
    from django.utils.http import content_disposition_header

    veilig = re.sub(r"[^\w.\- ]", "-", zonder_stuurtekens(bestandsnaam)).strip(" .") or "download"
    return content_disposition_header(as_attachment=not inline, filename=veilig[:150])
