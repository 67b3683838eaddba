"""XLSX export: every table, typed cells, formula-injection-safe text."""

import io
from decimal import Decimal

from openpyxl import load_workbook

from jaarverslag.selectors import jaarverslag_gegevens
from jaarverslag.xlsx import als_xlsx, veilige_tekst
from uitgaven.models import Inkoopcategorie


def _werkboek(org):
    return load_workbook(io.BytesIO(als_xlsx(jaarverslag_gegevens(organisatie=org, jaar=2024))))


def test_every_table_has_a_sheet(klein):
    wb = _werkboek(klein)
    for blad in ("Inkoopvolume", "Domeinen", "Inkoopcategorieën", "Regio", "Lokaal en regionaal",
                 "Afdeling Inkoop", "MVOI", "SROI", "Integriteit"):
        assert blad in wb.sheetnames


def test_amounts_are_exact_numbers_and_percentages_fractions(klein):
    ws = _werkboek(klein)["Regio"]
    lokaal = [c.value for c in ws[2]]
    assert lokaal[0] == "Lokaal"
    assert Decimal(str(lokaal[1])) == Decimal("1000.50")
    assert ws.cell(row=2, column=2).number_format.startswith('"€"')
    assert abs(lokaal[2] - 0.50025) < 1e-9 and ws.cell(row=2, column=3).number_format == "0%"
    assert lokaal[3] == 1


def test_text_that_looks_like_a_formula_is_defanged(klein):
    Inkoopcategorie.objects.filter(organisatie=klein, code="C1").update(naam='=HYPERLINK("http://x","y")')
    ws = _werkboek(klein)["Inkoopcategorieën"]
    namen = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in namen
    assert all(ws.cell(row=r, column=2).data_type == "s" for r in range(2, ws.max_row + 1))


def test_veilige_tekst_covers_every_formula_prefix():
    assert [veilige_tekst(t) for t in ("=1", "+1", "-1", "@a", "\tx", "gewoon")] == ["'=1", "'+1", "'-1", "'@a",
                                                                                      "'\tx", "gewoon"]
