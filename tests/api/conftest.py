import pytest
from rest_framework.test import APIClient

from api.services import token_maken
from inkoop.models import Rol
from tests.meldingen.factories import InkooppakketFactory, KostenplaatsFactory


@pytest.fixture
def api_als(maak_gebruiker, organisatie):
    """`api_als("inkoper")`: an API client with a token of a user with that role in `organisatie`
    (or `org=`); the client has `.gebruiker`."""

    def maak(rol, org=None, naam=None, afdeling="Wegen"):
        org = org or organisatie
        gebruiker = maak_gebruiker(org, rol, naam=naam, afdeling=afdeling if rol == Rol.BUDGETHOUDER else "")
        _token, sleutel = token_maken(gebruiker=gebruiker, organisatie=org, naam="test")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
        client.gebruiker = gebruiker
        return client

    return maak


@pytest.fixture
def stamgegevens(organisatie):
    return {"kostenplaats": KostenplaatsFactory(organisatie=organisatie),
            "pakket": InkooppakketFactory(organisatie=organisatie)}


MELDING = {
    "omschrijving": "Onderhoud fietspaden 2027",
    "soort": "dienst",
    "kostenplaats": "KP0208",
    "gewenste_startdatum": "2027-03-01",
    "looptijd_maanden": 24,
    "prijsvorm": "totaal",
    "waarde_totaal": "80000.00",
    "branche": "overig",
}
