"""The OCDS export is reachable from the web for the inkoper and the controller."""

import json
from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_page_offers_the_years_and_downloads_the_package(client_als, organisatie, grootboek):
    c = grootboek.crediteur("100001")
    grootboek.regel(c, "10.00")
    grootboek.contract(c, startdatum=date(2024, 3, 1), einddatum=None, waarde="50000")
    client = client_als("inkoper")
    assert "OCDS 2024 downloaden" in client.get(reverse("rechtmatigheid:ocds_export")).content.decode()
    antwoord = client.get(reverse("rechtmatigheid:ocds_export"), {"jaar": 2024})
    assert antwoord.status_code == 200 and "attachment" in antwoord["Content-Disposition"]
    pakket = json.loads(antwoord.content)
    assert pakket["version"] == "1.1" and len(pakket["releases"]) == 1


def test_a_year_without_records_is_explained(client_als, organisatie):
    antwoord = client_als("controller").get(reverse("rechtmatigheid:ocds_export"), {"jaar": 2019})
    assert antwoord.status_code == 404
    assert "geen trajecten of contracten in 2019" in antwoord.content.decode()
