"""Long work (an import run, a report version) that a process has started, and who still does it.

The process doing the work holds a PostgreSQL session advisory lock on the record. When that
process dies (worker SIGKILLed, out of memory, database restarted, CLI interrupted) its session
ends and PostgreSQL releases the lock, so "status bezig and nobody holds the lock" means the
work died: a redelivered task may pick it up again, and the periodic sweep marks it failed with
the reason so that the user can retry. The lock is taken before the status claim and released
after the final status is written, so a live run is never seen as dead.

Other databases (the SQLite demo, tasks run in-process) have no such locks: there a run counts
as dead once it has been busy for longer than VERLOPEN_NA.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

log = logging.getLogger(__name__)

IMPORTRUN = 47201
RAPPORTVERSIE = 47202
VERLOPEN_NA = dt.timedelta(hours=6)

AFGEBROKEN = ("De verwerking is afgebroken (de achtergrondverwerking of de database is onderweg gestopt); "
              "er is niets opgeslagen. U kunt het opnieuw proberen.")


def kan_sloten() -> bool:
    return connection.vendor == "postgresql"


def neem(soort: int, pk: int) -> bool:
    """Take the lock for this record on this process's connection; False when another holds it."""
    if not kan_sloten():
        return True
    with connection.cursor() as c:
        c.execute("SELECT pg_try_advisory_lock(%s, %s)", [soort, pk])
        return bool(c.fetchone()[0])


def geef_vrij(soort: int, pk: int) -> None:
    if not kan_sloten():
        return
    try:
        with connection.cursor() as c:
            c.execute("SELECT pg_advisory_unlock(%s, %s)", [soort, pk])
    except DatabaseError:
        # The connection is gone (database restarted, session terminated): so is its lock.
        log.info("Werkslot %s/%s niet vrijgegeven: de verbinding is al verbroken", soort, pk)


def verlaten(soort: int, pk: int, gestart_op) -> bool:
    """True when nobody works on this busy record any more (see the module docstring)."""
    if not kan_sloten():
        return gestart_op is not None and timezone.now() - gestart_op > VERLOPEN_NA
    with transaction.atomic(), connection.cursor() as c:
        # A transaction-level try: released at once at the end of this check.
        c.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [soort, pk])
        return bool(c.fetchone()[0])


def herstel_verbinding() -> None:
    """After a database error, drop a broken connection so that the failure itself can be recorded."""
    if connection.in_atomic_block or connection.connection is None:
        return
    if not connection.is_usable():
        try:
            connection.close()
        except DatabaseError:
            log.info("Kapotte databaseverbinding gesloten", exc_info=True)
