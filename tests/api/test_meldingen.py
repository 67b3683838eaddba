"""Meldingen through the API: the budget holder files and submits, with the form's rules."""

from decimal import Decimal

import pytest

from meldingen.models import Inkoopmelding, Status

from .conftest import MELDING

pytestmark = pytest.mark.django_db


def test_a_budget_holder_files_a_melding_and_submits_it(api_als, stamgegevens):
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/meldingen/", MELDING, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["status"] == "concept"
    assert data["budgethouder"] == api.gebruiker.username
    assert data["geraamde_waarde"] == "80000.00"
    assert antwoord["Location"].endswith(f"/api/v1/meldingen/{data['id']}/")
    assert antwoord["ETag"]

    ingediend = api.post(f"/api/v1/meldingen/{data['id']}/indienen/")
    assert ingediend.status_code == 200, ingediend.json()
    assert ingediend.json()["status"] == "ingediend"
    assert ingediend.json()["nummer"]
    assert Inkoopmelding.objects.get(pk=data["id"]).status == Status.INGEDIEND


def test_money_may_be_a_json_number(api_als, stamgegevens):
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/meldingen/", {**MELDING, "waarde_totaal": 45000.5}, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    assert Inkoopmelding.objects.get().waarde_totaal == Decimal("45000.50")


def test_bad_input_gives_dutch_messages_per_field_and_stores_nothing(api_als, stamgegevens):
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/meldingen/", {**MELDING, "kostenplaats": "KP9999", "waarde_totaal": "veel",
                                               "percelen": ["1000.00"]}, format="json")
    assert antwoord.status_code == 400
    fout = antwoord.json()
    assert fout["fout"] == "ongeldige_invoer"
    assert set(fout["velden"]) == {"kostenplaats", "waarde_totaal"}
    assert "KP9999" in fout["velden"]["kostenplaats"][0]
    assert "geen bedrag" in fout["velden"]["waarde_totaal"][0]
    assert not Inkoopmelding.objects.exists()


def test_the_form_rules_apply_a_single_lot_is_refused_as_in_the_form(api_als, stamgegevens):
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/meldingen/", {**MELDING, "percelen": ["30000.00"]}, format="json")
    assert antwoord.status_code == 400
    assert "ten minste twee percelen" in antwoord.json()["velden"]["percelen"][0]


def test_submitting_an_incomplete_melding_says_what_is_missing(api_als, stamgegevens):
    api = api_als("budgethouder")
    melding = api.post("/api/v1/meldingen/", {"omschrijving": "Nog niet af"}, format="json").json()
    antwoord = api.post(f"/api/v1/meldingen/{melding['id']}/indienen/")
    assert antwoord.status_code == 400
    assert {"soort", "kostenplaats", "gewenste_startdatum"} <= set(antwoord.json()["velden"])
    assert Inkoopmelding.objects.get().status == Status.CONCEPT


def test_the_same_sleutel_twice_makes_one_melding(api_als, stamgegevens):
    api = api_als("budgethouder")
    sleutel = "0b8f3c9e-1d7a-4c1e-9a43-7f0d2a9c1b11"
    eerste = api.post("/api/v1/meldingen/", {**MELDING, "sleutel": sleutel}, format="json")
    tweede = api.post("/api/v1/meldingen/", {**MELDING, "sleutel": sleutel}, format="json")
    assert (eerste.status_code, tweede.status_code) == (201, 200)
    assert eerste.json()["id"] == tweede.json()["id"]
    assert Inkoopmelding.objects.count() == 1


def test_an_update_needs_if_match_and_a_stale_etag_is_refused(api_als, stamgegevens):
    api = api_als("budgethouder")
    melding = api.post("/api/v1/meldingen/", MELDING, format="json")
    url = melding.json()["url"]
    etag = melding["ETag"]

    zonder = api.patch(url, {"omschrijving": "Zonder If-Match"}, format="json")
    assert zonder.status_code == 428
    goed = api.patch(url, {"omschrijving": "Met If-Match"}, format="json", HTTP_IF_MATCH=etag)
    assert goed.status_code == 200, goed.json()
    assert goed.json()["omschrijving"] == "Met If-Match"
    assert goed.json()["waarde_totaal"] == "80000.00"  # fields not sent keep their value
    assert goed["ETag"] != etag

    oud = api.patch(url, {"omschrijving": "Overschrijft stilletjes"}, format="json", HTTP_IF_MATCH=etag)
    assert oud.status_code == 412
    assert oud.json()["fout"] == "gewijzigd"
    assert Inkoopmelding.objects.get().omschrijving == "Met If-Match"


def test_a_submitted_melding_cannot_be_changed(api_als, stamgegevens):
    api = api_als("budgethouder")
    melding = api.post("/api/v1/meldingen/", MELDING, format="json").json()
    api.post(f"/api/v1/meldingen/{melding['id']}/indienen/")
    huidig = api.get(melding["url"])
    antwoord = api.patch(melding["url"], {"omschrijving": "Later"}, format="json", HTTP_IF_MATCH=huidig["ETag"])
    assert antwoord.status_code == 403


def test_an_inkoper_files_on_behalf_of_a_budget_holder(api_als, stamgegevens, budgethouder):
    api = api_als("inkoper")
    zonder = api.post("/api/v1/meldingen/", MELDING, format="json")
    assert zonder.status_code == 400
    assert "budgethouder" in zonder.json()["velden"]
    antwoord = api.post("/api/v1/meldingen/", {**MELDING, "budgethouder": budgethouder.username}, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["budgethouder"] == budgethouder.username
    assert antwoord.json()["afdeling"] == "Wegen"


def test_a_start_date_in_1901_is_refused_as_in_the_form(api_als, stamgegevens):
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/meldingen/", {**MELDING, "gewenste_startdatum": "1901-03-01"}, format="json")
    assert antwoord.status_code == 400
    assert list(antwoord.json()["velden"]) == ["gewenste_startdatum"]
    assert not Inkoopmelding.objects.exists()
