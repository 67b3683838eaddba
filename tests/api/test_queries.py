"""A list page of the API costs a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.contracten.factories import contract, traject
from tests.meldingen.factories import MeldingFactory

pytestmark = pytest.mark.django_db


def _aantal(api, url):
    with CaptureQueriesContext(connection) as q:
        assert api.get(url).status_code == 200
    return len(q.captured_queries)


@pytest.mark.parametrize("bron", ["meldingen", "contracten", "trajecten", "adviezen"])
def test_a_list_costs_the_same_queries_for_two_rows_as_for_twelve(bron, api_als, organisatie, maak_gebruiker):
    from adviezen.models import Advies

    api = api_als("inkoper")
    bh = maak_gebruiker(organisatie, "budgethouder", naam="bh", afdeling="Wegen")

    def maak(n):
        for _ in range(n):
            m = MeldingFactory(organisatie=organisatie, budgethouder=bh, ingediend=True)
            Advies.objects.create(organisatie=organisatie, melding=m, peildatum=m.gewenste_startdatum)
            contract(organisatie, traject=traject(organisatie), eigenaar=bh)

    api.get(f"/api/v1/{bron}/")  # the token's first use is recorded once (api.authentication)
    maak(2)
    weinig = _aantal(api, f"/api/v1/{bron}/")
    maak(10)
    assert _aantal(api, f"/api/v1/{bron}/") == weinig
