"""Error pages in Dutch, in the application's layout, with a way back; and the logout page."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse


def _in_de_layout(html):
    assert "Naar de inhoud" in html and "Toegankelijkheid" in html  # skip link and footer of base.html
    assert 'href="/"' in html  # the way back: the start page


def test_an_unknown_page_is_a_dutch_404(client_als):
    antwoord = client_als("inkoper").get("/bestaat-niet/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 404 and "Pagina niet gevonden" in html and "Naar de startpagina" in html
    _in_de_layout(html)


def test_a_page_of_another_role_is_a_dutch_403(client_als):
    antwoord = client_als("inkoper").get(reverse("gebruikers"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 403 and "Geen toegang" in html and "Forbidden" not in html
    _in_de_layout(html)


def test_a_form_without_a_valid_csrf_token_gets_a_dutch_page_with_a_way_back(maak_gebruiker, organisatie):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker(organisatie, "inkoper"))
    antwoord = client.post(reverse("organisatie_wisselen"), {"organisatie": organisatie.pk},
                           HTTP_REFERER="http://testserver/meldingen/nieuw/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 403 and "Formulier verlopen" in html
    assert 'href="http://testserver/meldingen/nieuw/"' in html
    _in_de_layout(html)


def test_the_csrf_page_links_back_to_our_own_site_only(maak_gebruiker, organisatie):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker(organisatie, "inkoper"))
    antwoord = client.post(reverse("organisatie_wisselen"), HTTP_REFERER="https://kwaadwillend.example/")
    assert "kwaadwillend" not in antwoord.content.decode()


def test_a_bad_request_is_a_dutch_400(db, client):
    antwoord = client.get("/", HTTP_HOST="onbekende-host.example")
    html = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Ongeldig verzoek" in html
    _in_de_layout(html)


@override_settings(ROOT_URLCONF="tests.inkoop.urls_fout")
def test_a_server_error_is_a_dutch_500(db):
    antwoord = Client(raise_request_exception=False).get("/kapot/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 500 and "Er ging iets mis" in html
    _in_de_layout(html)


@pytest.mark.parametrize("naam", ["uitgelogd", "toegankelijkheid"])
def test_public_pages_need_no_login(naam, client, db):
    assert client.get(reverse(naam)).status_code == 200


def test_logging_out_shows_the_logged_out_page(client_als):
    client = client_als("controller")
    antwoord = client.post(reverse("logout"), follow=True)
    html = antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0] == reverse("uitgelogd")
    assert "U bent uitgelogd" in html and 'href="/inloggen/"' in html
    assert not antwoord.wsgi_request.user.is_authenticated
