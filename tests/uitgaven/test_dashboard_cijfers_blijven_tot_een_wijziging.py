"""The spend dashboard keeps its figures per (organisation, year) until the ledger or its
classification changes: a warm page runs fewer queries, and every change shows at once."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from uitgaven.models import Crediteur, Inkooppakket

from .conftest import KOP_FACTUREN, schrijf


@pytest.fixture
def ledger(stam, facturen, importeer, organisatie):
    assert importeer(stam, facturen).code == 0
    return organisatie


def _dashboard(client):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(reverse("uitgaven:dashboard"), {"jaar": 2024})
    assert antwoord.status_code == 200
    categorieen = {c.naam: c.bedrag for c in antwoord.context["categorieen"]}
    return antwoord.context["totaal"], categorieen, len(queries.captured_queries)


@pytest.mark.django_db
def test_the_warm_dashboard_shows_the_same_figures_with_fewer_queries(ledger, client_als):
    client = client_als("controller")
    koud = _dashboard(client)
    warm = _dashboard(client)
    assert warm[:2] == koud[:2]
    assert warm[2] < koud[2]


@pytest.mark.django_db
def test_a_classification_shows_on_the_dashboard_at_once(ledger, client_als, organisatie):
    client = client_als("inkoper")
    _, voor, _ = _dashboard(client)
    _dashboard(client)  # cached
    lokaal = Crediteur.objects.get(organisatie=organisatie, nummer="100001")
    wegen = Inkooppakket.objects.get(organisatie=organisatie, code="08.01")
    antwoord = client.post(reverse("uitgaven:crediteuren"), {"crediteur": [lokaal.pk], "nieuw_pakket": wegen.pk})
    assert antwoord.status_code == 302
    _, na, _ = _dashboard(client)
    # Lokaal Zorg's 1.334,56 of 2024 moves from Sociaal domein to GWW (-250,50 of Twentse Wegen).
    assert voor["GWW"] == Decimal("-250.50") and na["GWW"] == Decimal("1084.06")
    assert "Sociaal domein" not in na


@pytest.mark.django_db
def test_a_new_import_shows_on_the_dashboard_at_once(ledger, client_als, importeer, tmp_path):
    client = client_als("controller")
    totaal_voor, _, _ = _dashboard(client)
    _dashboard(client)  # cached
    meer = schrijf(tmp_path / "meer.csv", [KOP_FACTUREN, "2024;01-03-2024;F-900;100003;KP01;44262;Advies;1000,00"])
    assert importeer(meer).code == 0
    totaal_na, _, _ = _dashboard(client)
    assert totaal_na == totaal_voor + Decimal("1000.00")
