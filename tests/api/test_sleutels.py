"""Tokens: made by the api_token command or on the page API-sleutels, shown once, only the hash
stored, revocable; session authentication for the browser; throttling per token."""

import hashlib
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiToken
from inkoop.models import Lidmaatschap

pytestmark = pytest.mark.django_db


def _client(sleutel):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return c


def test_the_command_prints_a_token_once_and_stores_only_its_hash(inkoper, organisatie):
    uit, fout = io.StringIO(), io.StringIO()
    call_command("api_token", inkoper.username, stdout=uit, stderr=fout)
    sleutel = uit.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.sleutel_hash == hashlib.sha256(sleutel.encode()).hexdigest()
    assert sleutel not in {token.sleutel_hash, token.begin, token.naam}
    assert token.organisatie == organisatie
    assert _client(sleutel).get("/api/v1/contracten/").status_code == 200


def test_the_command_needs_the_organisation_when_the_user_has_several(inkoper, organisatie, andere_organisatie):
    Lidmaatschap.objects.create(gebruiker=inkoper, organisatie=andere_organisatie, rol="controller")
    with pytest.raises(CommandError, match="meerdere organisaties"):
        call_command("api_token", inkoper.username, stdout=io.StringIO(), stderr=io.StringIO())
    uit = io.StringIO()
    call_command("api_token", inkoper.username, "--organisatie", andere_organisatie.naam, stdout=uit,
                 stderr=io.StringIO())
    # The token acts as a controller of the other organisation: it may read signals, not contracts' writes.
    assert _client(uit.getvalue().strip()).get("/api/v1/signalen/").status_code == 200
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("api_token", "niemand", stdout=io.StringIO())


def test_a_token_is_made_on_the_page_shown_once_and_revoked(client_als):
    client = client_als("budgethouder")
    pagina = client.post(reverse("api:tokens"), {"naam": "Servicedesk"})
    assert pagina.status_code == 200
    sleutel = pagina.context["nieuw"]
    assert sleutel in pagina.content.decode()
    assert sleutel not in client.get(reverse("api:tokens")).content.decode()
    api = _client(sleutel)
    assert api.get("/api/v1/meldingen/").status_code == 200
    token = ApiToken.objects.get()
    client.post(reverse("api:token_intrekken", args=[token.pk]))
    assert api.get("/api/v1/meldingen/").status_code == 401


def test_nobody_revokes_anothers_token(client_als, maak_gebruiker, organisatie):
    from api.services import token_maken

    ander = maak_gebruiker(organisatie, "inkoper", naam="ander")
    token, sleutel = token_maken(gebruiker=ander, organisatie=organisatie, naam="x")
    client = client_als("beheerder")
    assert client.post(reverse("api:token_intrekken", args=[token.pk])).status_code == 404
    assert _client(sleutel).get("/api/v1/contracten/").status_code == 200


def test_a_token_stops_working_when_its_user_loses_the_role(api_als):
    api = api_als("inkoper")
    Lidmaatschap.objects.filter(gebruiker=api.gebruiker).delete()
    antwoord = api.get("/api/v1/contracten/")
    assert antwoord.status_code == 401
    assert "geen rol meer" in antwoord.json()["melding"]


def test_the_browser_session_works_with_the_role_of_the_session(client_als):
    client = client_als("controller")
    assert client.get("/api/v1/signalen/").status_code == 200
    assert client.get("/api/v1/contracten/?per_pagina=1").status_code == 200
    assert client.post("/api/v1/contracten/", {}, content_type="application/json").status_code == 403


def test_requests_are_throttled_per_token(api_als, settings):
    settings.API_THROTTLE_RATE = "3/min"
    cache.clear()
    eerste, tweede = api_als("inkoper"), api_als("controller")
    assert [eerste.get("/api/v1/contracten/").status_code for _ in range(3)] == [200] * 3
    antwoord = eerste.get("/api/v1/contracten/")
    assert antwoord.status_code == 429
    assert antwoord.json()["fout"] == "te_veel_verzoeken"
    assert tweede.get("/api/v1/contracten/").status_code == 200
    cache.clear()
