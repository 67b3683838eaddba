import os

import pytest

from inkoop.models import Organisatie, Rol
from inkoop.services import gebruiker_met_rol

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright with live_server

WACHTWOORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def _lege_cache():
    """Every test starts with an empty cache: rolled-back databases reuse primary keys, so cached
    figures of an earlier test could otherwise carry the same key."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def organisatie(db):
    return Organisatie.objects.create(naam="Gemeente Testdorp", slug="testdorp")


@pytest.fixture
def andere_organisatie(db):
    return Organisatie.objects.create(naam="Gemeente Elders", slug="elders")


@pytest.fixture
def maak_gebruiker(db):
    def maak(organisatie, rol, naam=None, afdeling=""):
        return gebruiker_met_rol(organisatie=organisatie, gebruikersnaam=naam or f"{rol}-{organisatie.slug}",
                                 rol=rol, wachtwoord=WACHTWOORD, afdeling=afdeling,
                                 email=f"{naam or rol}@{organisatie.slug}.example")

    return maak


@pytest.fixture
def client_als(client, maak_gebruiker, organisatie):
    """`client_als("inkoper")`: a test client logged in with that role in `organisatie`."""

    def login(rol, org=None, **kw):
        gebruiker = maak_gebruiker(org or organisatie, rol, **kw)
        client.force_login(gebruiker)
        return client

    return login


@pytest.fixture
def budgethouder(maak_gebruiker, organisatie):
    return maak_gebruiker(organisatie, Rol.BUDGETHOUDER, afdeling="Wegen")


@pytest.fixture
def inkoper(maak_gebruiker, organisatie):
    return maak_gebruiker(organisatie, Rol.INKOPER)


@pytest.fixture
def controller(maak_gebruiker, organisatie):
    return maak_gebruiker(organisatie, Rol.CONTROLLER)


@pytest.fixture
def beheerder(maak_gebruiker, organisatie):
    return maak_gebruiker(organisatie, Rol.BEHEERDER)


# A real Celery worker (celery.contrib.pytest): Redis in CI, an in-memory broker elsewhere.
@pytest.fixture(scope="session")
def celery_config():
    broker = os.getenv("CELERY_TEST_BROKER_URL", "memory://")
    worker = os.getenv("PYTEST_XDIST_WORKER", "")
    if broker.startswith("redis://") and worker.startswith("gw"):
        # One Redis database per xdist worker, so no worker consumes another's test tasks.
        broker = broker.rsplit("/", 1)[0] + f"/{8 + int(worker[2:]) % 8}"
    return {"broker_url": broker, "result_backend": "cache+memory://", "task_always_eager": False}


@pytest.fixture(scope="session")
def celery_worker_parameters():
    return {"perform_ping_check": False, "shutdown_timeout": 10}


@pytest.fixture(scope="session")
def celery_includes():
    """Every app's tasks module, registered in the test worker whichever test starts it first
    (a task only imported later is unknown to the worker: KeyError, the job stays waiting)."""
    import importlib.util

    from django.apps import apps

    return [f"{app.name}.tasks" for app in apps.get_app_configs()
            if not app.name.startswith("django.") and importlib.util.find_spec(f"{app.name}.tasks")]
