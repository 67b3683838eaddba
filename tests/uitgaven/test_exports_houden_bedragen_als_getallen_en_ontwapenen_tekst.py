"""CSV and XLSX export of every table: amounts stay numbers, text that a spreadsheet would run as a
formula is defanged."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from uitgaven.export import ontwapen
from uitgaven.models import Crediteur

TABELLEN = ["jaren", "domeinen", "categorieen", "regio", "crediteuren", "regels"]


@pytest.fixture
def ledger(stam, facturen, importeer, organisatie):
    assert importeer(stam, facturen).code == 0
    Crediteur.objects.filter(organisatie=organisatie, nummer="100001").update(naam="=HYPERLINK(\"http://x\")")
    return organisatie


def _inhoud(antwoord) -> bytes:
    return b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content


@pytest.mark.parametrize(("tekst", "veilig"), [
    ("=1+1", "'=1+1"), ("+31 53", "'+31 53"), ("-abc", "'-abc"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Zorg B.V.", "Zorg B.V."), ("", ""),
])
def test_text_that_looks_like_a_formula_gets_an_apostrophe(tekst, veilig):
    assert ontwapen(tekst) == veilig


@pytest.mark.django_db
@pytest.mark.parametrize("tabel", TABELLEN)
def test_each_table_exports_as_csv(tabel, ledger, client_als):
    antwoord = client_als("controller").get(reverse("uitgaven:export"), {"tabel": tabel, "jaar": 2024, "formaat": "csv"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == f'attachment; filename="uitgaven-{tabel}-2024.csv"'
    tekst = _inhoud(antwoord).decode("utf-8-sig")
    assert len(tekst.splitlines()) >= 2


@pytest.mark.django_db
@pytest.mark.parametrize("tabel", TABELLEN)
def test_each_table_exports_as_xlsx(tabel, ledger, client_als):
    antwoord = client_als("inkoper").get(reverse("uitgaven:export"), {"tabel": tabel, "jaar": 2024, "formaat": "xlsx"})
    assert antwoord.status_code == 200
    ws = load_workbook(io.BytesIO(_inhoud(antwoord))).active
    assert ws.max_row >= 2


@pytest.mark.django_db
def test_the_lines_export_keeps_amounts_as_numbers_and_defangs_names(ledger, client_als):
    client = client_als("controller")
    xlsx = _inhoud(client.get(reverse("uitgaven:export"), {"tabel": "regels", "jaar": 2024, "formaat": "xlsx"}))
    ws = load_workbook(io.BytesIO(xlsx)).active
    rijen = list(ws.iter_rows(values_only=True))
    assert rijen[0][-1] == "Bedrag excl. btw"
    bedragen = sorted(r[-1] for r in rijen[1:])
    assert bedragen == [-250.5, 100.0, 1234.56]
    namen = {r[4] for r in rijen[1:]}
    assert "'=HYPERLINK(\"http://x\")" in namen
    assert all(c.data_type != "f" for rij in ws.iter_rows() for c in rij)

    csv = _inhoud(client.get(reverse("uitgaven:export"), {"tabel": "regels", "jaar": 2024, "formaat": "csv",
                                                          "regio": "Lokaal"})).decode("utf-8-sig")
    regels = csv.splitlines()
    assert regels[0].startswith("Boekdatum;Factuurnummer;")
    assert regels[1] == '15-01-2024;F-001;1;100001;"\'=HYPERLINK(""http://x"")";KP01;44262;Jeugdhulp januari;1234,56'
    assert len(regels) == 3  # header and the two local lines


@pytest.mark.django_db
def test_an_unknown_table_is_not_found(ledger, client_als):
    antwoord = client_als("controller").get(reverse("uitgaven:export"), {"tabel": "geheim", "jaar": 2024})
    assert antwoord.status_code == 404
