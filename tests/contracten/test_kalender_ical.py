"""The iCal feed: a per-user secret URL, no session; what it shows follows the user's role."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from contracten import services
from inkoop.models import Lidmaatschap

from . import factories as f

pytestmark = pytest.mark.django_db


def _feed(client, sleutel):
    return client.get(reverse("contracten:kalender_ical", kwargs={"sleutel": sleutel}))


@pytest.fixture
def contracten(organisatie, inkoper, budgethouder):
    vandaag = timezone.localdate()
    eigen = services.contract_registreren(
        organisatie=organisatie, door=inkoper, omschrijving="Groenonderhoud Noord", crediteur=f.crediteur(organisatie),
        waarde_totaal=Decimal("500000"), startdatum=vandaag - timedelta(days=700), einddatum=vandaag + timedelta(days=200),
        verlengingen_aantal=1, verlenging_maanden=12, beslistermijn_maanden=3, eigenaar=budgethouder)
    ander = services.contract_registreren(
        organisatie=organisatie, door=inkoper, omschrijving="ICT-beheer", afdeling="ICT",
        crediteur=f.crediteur(organisatie, "2", "ICT B.V."), waarde_totaal=Decimal("90000"),
        startdatum=vandaag - timedelta(days=300), einddatum=vandaag + timedelta(days=40))
    return eigen, ander


def test_the_secret_url_gives_the_deadlines_without_logging_in(client, organisatie, inkoper, contracten):
    sleutel = services.kalender_token_maken(organisatie=organisatie, gebruiker=inkoper)
    antwoord = _feed(client, sleutel)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(antwoord.content).walk("VEVENT")
    samenvattingen = sorted(str(e["SUMMARY"]) for e in events)
    assert len(events) == 3  # decision and end of the first, end of the second
    assert any(s.startswith("Beslissen over verlenging: C") for s in samenvattingen)
    assert all("/contracten/contract/" in str(e["URL"]) for e in events)


def test_a_wrong_or_renewed_secret_gives_nothing(client, organisatie, inkoper, contracten):
    oud = services.kalender_token_maken(organisatie=organisatie, gebruiker=inkoper)
    assert _feed(client, "geraden").status_code == 404
    nieuw = services.kalender_token_maken(organisatie=organisatie, gebruiker=inkoper)
    assert _feed(client, oud).status_code == 404
    assert _feed(client, nieuw).status_code == 200


def test_only_a_hash_of_the_secret_is_stored(organisatie, inkoper):
    from contracten.models import KalenderToken

    sleutel = services.kalender_token_maken(organisatie=organisatie, gebruiker=inkoper)
    assert sleutel not in KalenderToken.objects.get().sleutel_hash


def test_a_user_who_left_the_organisation_or_was_disabled_gets_nothing(client, organisatie, inkoper, contracten):
    sleutel = services.kalender_token_maken(organisatie=organisatie, gebruiker=inkoper)
    inkoper.is_active = False
    inkoper.save()
    assert _feed(client, sleutel).status_code == 404
    inkoper.is_active = True
    inkoper.save()
    Lidmaatschap.objects.filter(gebruiker=inkoper).delete()
    assert _feed(client, sleutel).status_code == 404


def test_a_budgethouders_feed_holds_only_their_own_contracts(client, organisatie, budgethouder, contracten):
    eigen, _ander = contracten
    sleutel = services.kalender_token_maken(organisatie=organisatie, gebruiker=budgethouder)
    events = Calendar.from_ical(_feed(client, sleutel).content).walk("VEVENT")
    assert {str(e["SUMMARY"]).split(": ", 1)[1].split()[0] for e in events} == {eigen.nummer}


def test_a_beheerder_has_no_contract_calendar(client, organisatie, beheerder, contracten):
    sleutel = services.kalender_token_maken(organisatie=organisatie, gebruiker=beheerder)
    assert _feed(client, sleutel).status_code == 404


def test_the_subscription_page_shows_the_url_once(client_als, organisatie):
    client = client_als("inkoper")
    url = reverse("contracten:kalender_abonnement")
    antwoord = client.post(url)
    assert antwoord.status_code == 200 and b"/contracten/kalender/ical/" in antwoord.content
    assert b"/contracten/kalender/ical/" not in client.get(url).content
