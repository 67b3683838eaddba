"""The signaleringslijst as CSV and XLSX, safe against formula injection."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rechtmatigheid.models import Signaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def kwaadaardig(organisatie):
    return Signaal.objects.create(organisatie=organisatie, jaar=2024, soort="leverancier_zonder_pakket",
                                  sleutel="leverancier_zonder_pakket:1", crediteurnummer="100001",
                                  crediteurnaam="=HYPERLINK(\"http://x\")", bedrag=Decimal("-1234.50"),
                                  drempel=Decimal("15000.00"), toelichting="Crediteur zonder pakket.",
                                  beoordeling_toelichting="@SUM(A1)", berekend_op=timezone.now())


def test_the_csv_neutralises_formulas_and_keeps_amounts_as_numbers(client_als, kwaadaardig):
    antwoord = client_als("inkoper").get(reverse("rechtmatigheid:signalen_export"), {"jaar": 2024, "formaat": "csv"})
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    tekst = antwoord.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in tekst and "'@SUM(A1)" in tekst
    assert ";-1234,50;15000,00;" in tekst
    assert tekst.splitlines()[0].startswith("Jaar;Soort;Kader;Crediteurnummer")


def test_the_xlsx_neutralises_formulas(client_als, kwaadaardig):
    antwoord = client_als("controller").get(reverse("rechtmatigheid:signalen_export"), {"jaar": 2024, "formaat": "xlsx"})
    ws = load_workbook(io.BytesIO(antwoord.content)).active
    waarden = [c.value for rij in ws.iter_rows() for c in rij if c.value is not None]
    assert "'=HYPERLINK(\"http://x\")" in waarden and "'@SUM(A1)" in waarden
    assert Decimal(str(next(v for v in waarden if isinstance(v, (int, float)) and v < 0))) == Decimal("-1234.5")
    assert not any(isinstance(v, str) and v.startswith(("=", "@", "+")) for v in waarden)
