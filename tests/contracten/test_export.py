"""The register as XLSX: typed cells, and text that never turns into a formula."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from . import factories as f

pytestmark = pytest.mark.django_db


def test_the_export_has_numbers_dates_and_safe_text(client_als, organisatie):
    f.contract(organisatie, omschrijving='=HYPERLINK("http://kwaad.example","klik")', waarde=Decimal("123456.78"),
               startdatum=date(2024, 1, 1), einddatum=date(2099, 12, 31),
               crediteur=f.crediteur(organisatie, "100009", "+31 Leverancier"))
    antwoord = client_als("controller").get(reverse("contracten:export"))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(BytesIO(antwoord.content)).active
    kop = [c.value for c in ws[1]]
    rij = dict(zip(kop, ws[2], strict=True))
    assert rij["Omschrijving"].data_type == "s" and rij["Omschrijving"].value.startswith("=HYPERLINK")
    assert rij["Omschrijving"].quotePrefix
    assert rij["Leverancier"].data_type == "s" and rij["Leverancier"].quotePrefix
    assert rij["Waarde (initiële looptijd)"].data_type == "n"
    assert Decimal(str(rij["Waarde (initiële looptijd)"].value)) == Decimal("123456.78")
    assert rij["Startdatum"].is_date and rij["Startdatum"].value.date() == date(2024, 1, 1)
    assert rij["Crediteurnummer"].value == "100009"


def test_the_export_follows_the_filters_and_the_users_rights(client_als, organisatie):
    f.contract(organisatie, omschrijving="Schoonmaak", afdeling="Facilitair")
    f.contract(organisatie, omschrijving="Asfalt", afdeling="Wegen", crediteur=f.crediteur(organisatie, "2", "Weg B.V."))
    gefilterd = client_als("inkoper").get(reverse("contracten:export") + "?zoek=asfalt")
    assert load_workbook(BytesIO(gefilterd.content)).active.max_row == 2
    # The budgethouder of afdeling Wegen sees their afdeling's contract only.
    client = client_als("budgethouder", afdeling="Wegen", naam="bh-wegen")
    ws = load_workbook(BytesIO(client.get(reverse("contracten:export") + "?status=").content)).active
    assert [r[1].value for r in ws.iter_rows(min_row=2)] == ["Asfalt"]
