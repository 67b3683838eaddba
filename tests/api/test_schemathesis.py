"""schemathesis against the API's own OpenAPI schema: generated requests for every operation,
in the test database with records of two organisations; no answer may be a 5xx, and every answer
must be one the schema describes (status code, content type, body, headers).

Bounded: SCHEMATHESIS_VOORBEELDEN examples per operation (default 8), so that it fits in CI.
"""

import os
from decimal import Decimal

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, settings

from adviezen.models import Advies
from api.services import token_maken
from rechtmatigheid.models import Signaal
from tests.contracten.factories import contract, crediteur, perceel, traject
from tests.meldingen.factories import InkooppakketFactory, MeldingFactory
from uitgaven.models import Importrun

VOORBEELDEN = int(os.getenv("SCHEMATHESIS_VOORBEELDEN", "8"))
CHECKS = [schemathesis.checks.not_a_server_error, schemathesis.checks.status_code_conformance,
          schemathesis.checks.content_type_conformance, schemathesis.checks.response_schema_conformance,
          schemathesis.checks.response_headers_conformance]

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


def _gegevens(org, maak_gebruiker):
    bh = maak_gebruiker(org, "budgethouder", naam=f"bh-{org.slug}", afdeling="Wegen")
    for i in range(3):
        m = MeldingFactory(organisatie=org, budgethouder=bh, **({"ingediend": True} if i else {}))
    Advies.objects.create(organisatie=org, melding=m, peildatum=timezone.localdate(), status="uitgebracht",
                          berekend={"procedure": "meervoudig_onderhands"})
    t = traject(org)
    perceel(t, 1, "250000")
    contract(org, traject=t)
    crediteur(org, nummer="100002", naam="Tweede B.V.")
    InkooppakketFactory(organisatie=org)
    Importrun.objects.create(organisatie=org, status="geslaagd", bestanden=[{"naam": "a.csv", "sha256": "0" * 64}])
    Signaal.objects.create(organisatie=org, jaar=2024, soort="leverancier_zonder_pakket", sleutel="x",
                           crediteurnummer="100001", bedrag=Decimal("16000"), toelichting="Test.",
                           berekend_op=timezone.now())


@pytest.fixture
def zonder_verbinding_sluiten():
    """Requests go straight to the WSGI application, so its end-of-request signal would close the
    database connection of the test's transaction (on PostgreSQL); Django's own test client
    disconnects the same handler for the same reason."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def sleutels(zonder_verbinding_sluiten, organisatie, andere_organisatie, maak_gebruiker):
    _gegevens(organisatie, maak_gebruiker)
    _gegevens(andere_organisatie, maak_gebruiker)
    uit = {}
    for rol in ("inkoper", "controller", "budgethouder"):
        gebruiker = maak_gebruiker(organisatie, rol, afdeling="Wegen" if rol == "budgethouder" else "")
        uit[rol] = token_maken(gebruiker=gebruiker, organisatie=organisatie, naam="schemathesis")[1]
    return uit


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=VOORBEELDEN, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@pytest.mark.parametrize("rol", ["inkoper", "controller", "budgethouder"])
def test_the_api_answers_only_within_its_schema(case, rol, sleutels):
    case.call_and_validate(headers={"Authorization": f"Token {sleutels[rol]}"}, checks=CHECKS)
