"""An .xlsx copy of a facturen file gives the same ledger as the CSV: real dates and numbers,
text cells, shared strings; and a workbook that is not what it claims is refused before parsing."""

import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from .conftest import FACTUREN, KOP_FACTUREN, grootboek


def _xlsx(pad, rijen, write_only=True):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("facturen") if write_only else wb.active
    for r in rijen:
        ws.append(r)
    wb.save(pad)
    return pad


def _als_cellen(regel: str):
    """A CSV line as a spreadsheet row: numbers as numbers, dates as dates."""
    j, d, f, cr, kp, gb, om, b = regel.split(";")
    dag, maand, jaar = d.split("-")
    return [int(j), date(int(jaar), int(maand), int(dag)), f, int(cr), kp, int(gb), om,
            float(Decimal(b.replace(",", ".")))]


@pytest.mark.django_db
@pytest.mark.parametrize("write_only", [True, False], ids=["inline_teksten", "gedeelde_teksten"])
def test_an_xlsx_copy_of_a_facturen_file_gives_the_same_ledger_as_the_csv(
        write_only, stam, facturen, importeer, organisatie, andere_organisatie, tmp_path):
    assert importeer(stam, facturen).code == 0
    werkmap = _xlsx(tmp_path / "facturen.xlsx", [KOP_FACTUREN.split(";"), *map(_als_cellen, FACTUREN)],
                    write_only=write_only)
    uitkomst = importeer(stam, werkmap, org=andere_organisatie)
    assert uitkomst.code == 0, uitkomst.fout
    assert grootboek(andere_organisatie) == grootboek(organisatie)


@pytest.mark.django_db
def test_xlsx_cells_may_also_hold_dutch_text(stam, importeer, organisatie, tmp_path):
    rijen = [KOP_FACTUREN.split(";")] + [r.split(";") for r in FACTUREN]
    uitkomst = importeer(stam, _xlsx(tmp_path / "tekst.xlsx", rijen))
    assert uitkomst.code == 0, uitkomst.fout
    assert len(grootboek(organisatie)) == 4


@pytest.mark.django_db
def test_an_xlsx_error_names_the_sheet_row(stam, importeer, organisatie, tmp_path):
    rijen = [KOP_FACTUREN.split(";"), _als_cellen(FACTUREN[0]), [2024, "31-02-2024", "X", 100001, "KP01", 1, "", 5]]
    uitkomst = importeer(stam, _xlsx(tmp_path / "fout.xlsx", rijen))
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{tmp_path / 'fout.xlsx'}:3: boekdatum: ‘31-02-2024’ is geen datum "
                                   "(dd-mm-jjjj of jjjj-mm-dd)"]


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_before_any_xml_is_parsed(stam, importeer, organisatie, tmp_path):
    bom = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<" + "a" * (20 * 1024 * 1024) + "/>")
    uitkomst = importeer(stam, bom)
    assert uitkomst.code == 1
    assert "zip-bom" in uitkomst.fout
    assert grootboek(organisatie) == []


@pytest.mark.django_db
def test_an_xlsx_with_entity_declarations_is_refused(stam, importeer, organisatie, tmp_path):
    pad = _xlsx(tmp_path / "entities.xlsx", [KOP_FACTUREN.split(";"), _als_cellen(FACTUREN[0])])
    kwaad = tmp_path / "kwaad.xlsx"
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(kwaad, "w", zipfile.ZIP_DEFLATED) as doel:
        for item in bron.infolist():
            data = bron.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + data.split(b"?>", 1)[-1])
            doel.writestr(item, data)
    uitkomst = importeer(stam, kwaad)
    assert uitkomst.code == 1
    assert "verboden XML" in uitkomst.fout


@pytest.mark.django_db
def test_a_file_that_only_looks_like_xlsx_is_unreadable(stam, importeer, organisatie, tmp_path):
    nep = tmp_path / "nep.xlsx"
    nep.write_bytes(b"PK\x03\x04 dit is geen zip")
    uitkomst = importeer(stam, nep)
    assert uitkomst.code == 1
    assert uitkomst.foutregels[0].startswith(f"{nep}:1: bestand: onleesbaar bestand")

