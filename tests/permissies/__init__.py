"""The permission matrix: every URL pattern × every role × own/other organisation.

Each app keeps its expectations in `tests/permissies/<app>.py` as `VERWACHTINGEN`, a dict from
URL name (with namespace) to a `Verwachting`. tests/test_permissiematrix.py fails for a URL
without an expectation, so every new page is covered the day it appears.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ALLE_ROLLEN = frozenset({"budgethouder", "inkoper", "controller", "beheerder"})


@dataclass(frozen=True)
class Verwachting:
    # Roles that may use the URL (200 or a redirect); every other role gets 403.
    rollen: frozenset
    # For URLs with arguments: builds the records of one organisation and returns the URL kwargs.
    # Called with (organisatie, gebruiker); the same call for another organisation must give 404.
    kwargs: Callable | None = None
    methode: str = "get"
    data: dict = field(default_factory=dict)
    # Status codes that count as "allowed" (a POST without data may answer 400 or a form with 200).
    toegestaan: frozenset = frozenset({200, 302})


def rollen(*namen):
    assert set(namen) <= ALLE_ROLLEN, namen
    return frozenset(namen)


PUBLIEK = object()  # login page, health check: reachable without logging in
