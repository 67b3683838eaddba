"""The controller assesses a signal (terecht / onterecht, with a note; who and when)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from rechtmatigheid.models import Signaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def signaal(organisatie):
    return Signaal.objects.create(organisatie=organisatie, jaar=2024, soort="uitgaven_zonder_contract",
                                  sleutel="uitgaven_zonder_contract:100001", crediteurnummer="100001",
                                  crediteurnaam="Bouw B.V.", bedrag=Decimal("45000.00"), drempel=Decimal("30000.00"),
                                  toelichting="Uitgaven zonder contract.", berekend_op=timezone.now())


def test_the_controller_assesses_a_signal_as_terecht(client_als, signaal):
    client = client_als("controller")
    url = reverse("rechtmatigheid:signaal", args=[signaal.pk])
    antwoord = client.post(url, {"beoordeling": "terecht", "toelichting": "Geen offertes gevraagd.",
                                 "terug": "/rechtmatigheid/signalen/?jaar=2024&soort=uitgaven_zonder_contract"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/rechtmatigheid/signalen/?jaar=2024&soort=uitgaven_zonder_contract"
    signaal.refresh_from_db()
    assert (signaal.beoordeling, signaal.beoordeling_toelichting) == ("terecht", "Geen offertes gevraagd.")
    assert signaal.beoordeeld_door.username == "controller-testdorp" and signaal.beoordeeld_op


def test_onterecht_needs_a_note(client_als, signaal):
    client = client_als("controller")
    antwoord = client.post(reverse("rechtmatigheid:signaal", args=[signaal.pk]), {"beoordeling": "onterecht"})
    assert antwoord.status_code == 200
    assert "Licht toe waarom het signaal onterecht is." in antwoord.content.decode()
    signaal.refresh_from_db()
    assert signaal.beoordeling == ""


def test_a_choice_is_required(client_als, signaal):
    antwoord = client_als("controller").post(reverse("rechtmatigheid:signaal", args=[signaal.pk]), {"toelichting": "x"})
    assert "Kies of het signaal terecht of onterecht is." in antwoord.content.decode()


def test_the_inkoper_reads_but_cannot_assess(client_als, signaal):
    client = client_als("inkoper")
    url = reverse("rechtmatigheid:signaal", args=[signaal.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200 and "Beoordeling opslaan" not in pagina.content.decode()
    assert client.post(url, {"beoordeling": "terecht"}).status_code == 403
    signaal.refresh_from_db()
    assert signaal.beoordeling == ""


def test_an_outside_return_address_is_ignored(client_als, signaal):
    antwoord = client_als("controller").post(reverse("rechtmatigheid:signaal", args=[signaal.pk]),
                                             {"beoordeling": "terecht", "terug": "https://kwaad.example/"})
    assert antwoord["Location"] == "/rechtmatigheid/signalen/?jaar=2024"
