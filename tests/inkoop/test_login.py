import pytest
from django.urls import reverse

from tests.conftest import WACHTWOORD


@pytest.mark.django_db
def test_a_user_logs_in_and_sees_the_start_page(client, inkoper):
    antwoord = client.post(reverse("login"), {"username": inkoper.username, "password": WACHTWOORD}, follow=True)
    assert antwoord.status_code == 200
    assert "Gemeente Testdorp" in antwoord.content.decode()


@pytest.mark.django_db
def test_failed_logins_lock_that_username_from_that_address_only(client, inkoper, controller, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": inkoper.username, "password": "fout"}, REMOTE_ADDR="10.0.0.1")
    geblokkeerd = client.post(reverse("login"), {"username": inkoper.username, "password": WACHTWOORD},
                              REMOTE_ADDR="10.0.0.1")
    assert geblokkeerd.status_code == 429
    # A colleague behind the same NAT address is not locked out.
    collega = client.post(reverse("login"), {"username": controller.username, "password": WACHTWOORD},
                          REMOTE_ADDR="10.0.0.1")
    assert collega.status_code == 302
    # The same user from another address is not locked out either.
    elders = client.post(reverse("login"), {"username": inkoper.username, "password": WACHTWOORD},
                         REMOTE_ADDR="10.0.0.2")
    assert elders.status_code == 302


@pytest.mark.django_db
def test_a_user_of_two_organisations_switches_between_them(client, organisatie, andere_organisatie, maak_gebruiker):
    maak_gebruiker(organisatie, "inkoper", naam="twee")
    gebruiker = maak_gebruiker(andere_organisatie, "controller", naam="twee")
    client.force_login(gebruiker)
    client.post(reverse("organisatie_wisselen"), {"organisatie": andere_organisatie.id})
    assert "Gemeente Elders" in client.get(reverse("start")).content.decode()


@pytest.mark.django_db
def test_switching_to_an_organisation_you_are_not_a_member_of_is_refused(client, inkoper, andere_organisatie):
    client.force_login(inkoper)
    assert client.post(reverse("organisatie_wisselen"), {"organisatie": andere_organisatie.id}).status_code == 400


@pytest.mark.django_db
def test_the_start_page_shows_unread_notifications(client, budgethouder, organisatie):
    from inkoop.models import Notificatie

    Notificatie.objects.create(organisatie=organisatie, ontvanger=budgethouder, onderwerp="Advies uitgebracht voor 2026-0001")
    client.force_login(budgethouder)
    tekst = client.get(reverse("start")).content.decode()
    assert "Advies uitgebracht voor 2026-0001" in tekst
