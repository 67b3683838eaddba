"""The inkoper uploads a contract register: it is checked first (nothing stored), then confirmed."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contracten.models import Contract
from uitgaven.models import Crediteur

pytestmark = pytest.mark.django_db
KOP = ("contractnummer;omschrijving;crediteurnummer;pakketcode;soort;procedure;gunningsdatum;startdatum;"
       "einddatum;einddatum_met_opties;waarde_incl_opties;opvolger_van")


def _bestand(regels):
    return SimpleUploadedFile("register.csv", ("\n".join([KOP, *regels]) + "\n").encode("utf-8"), "text/csv")


def test_the_register_is_checked_first_and_stored_after_confirmation(client_als, organisatie):
    Crediteur.objects.create(organisatie=organisatie, nummer="100001", naam="Schoonmaak Oost")
    client = client_als("inkoper")
    url = reverse("contracten:register_importeren")
    antwoord = client.post(url, {"bestand": _bestand([
        "R-1;Schoonmaak;100001;;dienst;meervoudig_onderhands;01-12-2023;01-01-2024;31-12-2025;;150.000,00;"])})
    html = antwoord.content.decode()
    assert "register.csv is gecontroleerd" in html and "Importeren bevestigen" in html
    assert not Contract.objects.exists()
    antwoord = client.post(url, {"actie": "bevestigen"})
    assert antwoord.status_code == 302
    c = Contract.objects.get()
    assert (c.nummer, c.procedure, c.gunningsdatum) == ("R-1", "meervoudig_onderhands", date(2023, 12, 1))


def test_errors_are_shown_with_line_and_column_and_nothing_can_be_confirmed(client_als, organisatie):
    client = client_als("inkoper")
    url = reverse("contracten:register_importeren")
    html = client.post(url, {"bestand": _bestand([
        "R-1;Schoonmaak;999999;;dienst;meervoudig_onderhands;01-12-2023;01-01-2024;31-12-2025;;0;"])}
    ).content.decode()
    assert "register.csv:2: crediteurnummer: onbekende crediteur" in html
    assert "register.csv:2: waarde_incl_opties: de contractwaarde moet groter zijn dan nul" in html
    client.post(url, {"actie": "bevestigen"})
    assert not Contract.objects.exists()


def test_a_budget_holder_may_not_import(client_als):
    assert client_als("budgethouder").get(reverse("contracten:register_importeren")).status_code == 403
