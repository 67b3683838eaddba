"""Formula injection in exports (OWASP "CSV injection"), one rule for every download.

Text a spreadsheet would read as a formula (starting with = + - @, a tab, CR or LF) gets a
leading apostrophe: a crediteur called "=HYPERLINK(...)" or a note typed by someone else must
never run as a formula on a controller's or accountant's machine. Amounts and dates are written
as numbers and dates by the callers and never pass through here.
"""

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")


def ontwapen(waarde):
    """The value itself, or for dangerous text the text with a leading apostrophe."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde
