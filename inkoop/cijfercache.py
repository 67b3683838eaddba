"""Figures computed from data that changes only with an import or a classification (the spend
dashboard), kept in Django's cache per organisation and year.

The key holds the organisation's `cijfersversie`, which the writing services raise in their own
transaction (`versie_ophogen`); the request reads it with the organisation (no extra query), so a
changed ledger gets a new key and old entries simply expire. Works with a cache per process
(locmem) as well as a shared one (Redis): the version lives in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import F

T = TypeVar("T")

# Old versions are never read again; they only take room until they expire.
BEWAARDUUR = 60 * 60


def versie_ophogen(*, organisatie_id: int) -> None:
    """Mark the organisation's figures as changed (call inside the transaction that changes them)."""
    from .models import Organisatie

    Organisatie.objects.filter(pk=organisatie_id).update(cijfersversie=F("cijfersversie") + 1)


def bewaard(*, organisatie, naam: str, jaar: int, berekenen: Callable[[], T]) -> T:
    """The figures `naam` of (organisation, year) at the organisation's current version."""
    sleutel = f"cijfers:{naam}:{organisatie.pk}:{organisatie.cijfersversie}:{jaar}"
    waarde = cache.get(sleutel)
    if waarde is None:
        waarde = berekenen()
        cache.set(sleutel, waarde, BEWAARDUUR)
    return waarde
