"""Fault tests: PostgreSQL, a real Celery worker in its own process, and faults made on purpose.

The worker runs as a separate `celery worker` process on the test database and the test broker
(CELERY_TEST_BROKER_URL), so that it can be killed with SIGKILL like an out-of-memory kill, or
have its database sessions terminated, while the test watches the rows. "Mid-work" is made
deterministic by holding a table lock the work needs: the worker is then provably inside its
transaction (pg_stat_activity shows it waiting) when the fault strikes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

WORKER_NAAM = "inkoop-storingstest-worker"
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    broker = os.getenv("CELERY_TEST_BROKER_URL", "")
    reden = None
    if "postgres" not in os.getenv("DATABASE_URL", ""):
        reden = "storingstests vragen PostgreSQL (DATABASE_URL)"
    elif not broker.startswith("redis://"):
        reden = "storingstests vragen Redis (CELERY_TEST_BROKER_URL)"
    if reden:
        for item in items:
            if "tests/storingen/" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reden))


def wacht_tot(voorwaarde, *, seconden=60.0, wat="voorwaarde"):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        time.sleep(0.1)
    raise AssertionError(f"Niet binnen {seconden} s: {wat}")


def _dsn() -> str:
    d = connection.settings_dict
    return f"host={d['HOST'] or '127.0.0.1'} port={d['PORT'] or 5432} user={d['USER']} dbname={d['NAME']}"


def sql(query: str, params=()):
    """A query on a connection of its own (autocommit), outside the test's and the worker's."""
    with psycopg.connect(_dsn(), autocommit=True) as c:
        cur = c.execute(query, params)
        return cur.fetchall() if cur.description else None


def worker_sessies() -> list[tuple[int, str, str | None]]:
    """(pid, state, wait_event_type) of the worker's database sessions."""
    return sql("SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE application_name = %s",
               [WORKER_NAAM])


@contextmanager
def tabel_op_slot(*tabellen):
    """Hold ACCESS EXCLUSIVE locks on these tables: work that touches them waits inside its transaction."""
    c = psycopg.connect(_dsn())
    try:
        for t in tabellen:
            c.execute(f"LOCK TABLE {t} IN ACCESS EXCLUSIVE MODE")  # noqa: S608 - our own table names
        yield
    finally:
        c.rollback()
        c.close()


class Worker:
    def __init__(self, broker: str):
        self.broker = broker
        self.proces: subprocess.Popen | None = None
        self.log = Path(settings.MEDIA_ROOT) / f"worker-{os.getpid()}.log"

    def start(self):
        d = connection.settings_dict
        env = {**os.environ,
               "DJANGO_SETTINGS_MODULE": "inkoop.settings.base",
               "DATABASE_URL": f"postgres://{d['USER']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"
                               f"?application_name={WORKER_NAAM}",
               "CELERY_BROKER_URL": self.broker, "MEDIA_ROOT": str(settings.MEDIA_ROOT),
               "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        with open(self.log, "ab") as log:  # the child keeps its own copy of the descriptor
            self.proces = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                [sys.executable, "-m", "celery", "-A", "inkoop", "worker", "--pool", "prefork", "--concurrency", "1",
                 "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        from inkoop.celery import app

        wacht_tot(lambda: app.control.ping(timeout=0.5), seconden=60, wat="de worker antwoordt")
        return self

    def leeft(self) -> bool:
        return self.proces is not None and self.proces.poll() is None

    def sigkill(self):
        """Kill the worker and its pool process at once, as the kernel's OOM killer would."""
        os.killpg(self.proces.pid, signal.SIGKILL)
        self.proces.wait(10)
        self.proces = None

    def stop(self):
        if self.leeft():
            os.killpg(self.proces.pid, signal.SIGTERM)
            try:
                self.proces.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proces.pid, signal.SIGKILL)
                self.proces.wait(10)
        self.proces = None


def broker_zetten(url: str) -> None:
    """Point the app at another broker; pooled connections to the old one are dropped."""
    from inkoop.celery import app

    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(celery_config):
    """Tasks go to the real test broker (not eager) for the duration of the test; the queue is empty."""
    from inkoop.celery import app

    oud = (app.conf.broker_url, app.conf.task_always_eager)
    broker_zetten(celery_config["broker_url"])
    app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with app.connection_for_write() as c:
        c.default_channel.queue_purge("celery")
    yield celery_config["broker_url"]
    broker_zetten(oud[0])
    app.conf.task_always_eager = oud[1]
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def worker(broker):
    w = Worker(broker)
    yield w
    w.stop()
