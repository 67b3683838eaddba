"""Queueing a task without letting a lost broker fail the user's request.

A melding that was submitted, an import that was uploaded, a report that was requested is
stored first; its task is queued after the commit. When Redis is away at that moment the
record is kept and the request succeeds: the periodic sweeps of each app (Celery beat, every
few minutes) find the records whose task never ran and queue it again once the broker is back.
"""

from __future__ import annotations

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

log = logging.getLogger(__name__)


def in_wachtrij(taak, *args) -> bool:
    """Queue `taak` now; False (logged) when the broker cannot be reached."""
    try:
        taak.delay(*args)
    except (OperationalError, OSError):
        log.warning("Taak %s%r niet in de wachtrij gezet: broker niet bereikbaar; de periodieke "
                    "controle zet haar later alsnog klaar", taak.name, args, exc_info=True)
        return False
    return True


def na_commit(taak, *args) -> None:
    """Queue `taak` once the current transaction commits (never raising for a lost broker)."""
    transaction.on_commit(lambda: in_wachtrij(taak, *args))
