"""Hostile files are refused within bounded memory, with a Dutch sentence, and nothing is stored.

Each file is made here, small on disk but built to blow up a naive reader; the reader's peak of
Python memory (tracemalloc) must stay under a fixed limit while it refuses the file.
"""

import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from meldingen.models import Bijlage, Inkoopmelding
from uitgaven.bestanden import herken, rijen
from uitgaven.models import Factuurregel

GRENS = 64 * 1024 * 1024  # bytes of Python memory a refused file may cost at most

KOP = ("boekjaar", "boekdatum", "factuurnummer", "crediteurnummer", "kostenplaats", "grootboekrekening",
       "omschrijving", "bedrag_excl_btw")
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _xlsx(pad: Path, blad: str, gedeeld: str | None = None) -> Path:
    """A minimal workbook whose first sheet is `blad` (the XML between <sheetData> tags)."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/>'
                   "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {NS}><sheetData>{blad}</sheetData></worksheet>")
        if gedeeld is not None:
            z.writestr("xl/sharedStrings.xml", f"<sst {NS}>{gedeeld}</sst>")
    return pad


def _kopregel() -> str:
    cellen = "".join(f'<c t="inlineStr"><is><t>{k}</t></is></c>' for k in KOP)
    return f'<row r="1">{cellen}</row>'


def _lees_alles(pad: Path):
    """Recognise and read the file as the import does; (errors, peak bytes of Python memory)."""
    tracemalloc.start()
    try:
        b, fout = herken(pad, pad.name)
        fouten = [fout] if fout else []
        if fout is None:
            for _ in rijen(b, fouten):
                pass
        return [str(f) for f in fouten], tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_cell_at_column_aaaaaa_is_refused_without_padding_the_row(tmp_path):
    # 3 kB on disk; a reader that pads the row up to the column would need 12 million cells.
    pad = _xlsx(tmp_path / "ver.xlsx", _kopregel() + '<row r="2"><c r="AAAAAA2"><v>1</v></c></row>')
    assert pad.stat().st_size < 4096
    fouten, piek = _lees_alles(pad)
    assert piek < GRENS
    assert len(fouten) == 1 and "voorbij de laatste kolom die Excel kent" in fouten[0]
    assert fouten[0].startswith("ver.xlsx:1: bestand: onleesbaar bestand:")


def test_many_rows_with_a_value_in_the_last_column_are_refused_within_the_limit(tmp_path):
    # Each row is legal on its own (column XFD), but thousands of them would be padded at once.
    rijen_xml = "".join(f'<row r="{i}"><c r="XFD{i}"><v>1</v></c></row>' for i in range(2, 20000))
    pad = _xlsx(tmp_path / "breed.xlsx", _kopregel() + rijen_xml)
    fouten, piek = _lees_alles(pad)
    assert piek < GRENS
    assert len(fouten) == 1 and "te veel lege cellen" in fouten[0]


def test_shared_strings_beyond_the_limit_are_refused_while_they_are_read(tmp_path, monkeypatch):
    # The real limit is 100 million characters; the same guard at a smaller limit keeps the test fast.
    from uitgaven import xlsx

    monkeypatch.setattr(xlsx, "MAX_GEDEELD_TEKENS", 2_000_000)
    # Random text, so that the zip-bomb guard (compression ratio) does not refuse it first.
    tekst = random.Random(1).randbytes(1_500_000).hex()
    gedeeld = "".join(f"<si><t>{tekst[i:i + 30_000]}</t></si>" for i in range(0, len(tekst), 30_000))
    pad = _xlsx(tmp_path / "teksten.xlsx", _kopregel(), gedeeld=gedeeld)
    fouten, piek = _lees_alles(pad)
    assert piek < GRENS
    assert len(fouten) == 1 and "gedeelde teksten (sharedStrings)" in fouten[0]


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path):
    pad = _xlsx(tmp_path / "lang.xlsx", _kopregel() + f'<row r="2"><c t="inlineStr"><is><t>{"y" * 200_000}'
                "</t></is></c></row>")
    fouten, piek = _lees_alles(pad)
    assert piek < GRENS
    assert len(fouten) == 1 and "langer dan 32767 tekens" in fouten[0]


def test_a_csv_that_is_only_a_bom_is_an_empty_file(tmp_path):
    pad = tmp_path / "bom.csv"
    pad.write_bytes(b"\xef\xbb\xbf")
    fouten, _ = _lees_alles(pad)
    assert fouten == ["bom.csv:1: bestand: leeg bestand"]


@pytest.mark.django_db
def test_the_hostile_xlsx_through_the_web_import_stores_nothing(client_als, django_capture_on_commit_callbacks,
                                                                tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pad = _xlsx(tmp_path / "ver.xlsx", _kopregel() + '<row r="2"><c r="AAAAAA2"><v>1</v></c></row>')
    client = client_als("controller")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("uitgaven:import"),
                               {"bestanden": [SimpleUploadedFile("ver.xlsx", pad.read_bytes())]})
    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "voorbij de laatste kolom die Excel kent" in pagina
    assert Factuurregel.objects.count() == 0


class _Stroom(io.RawIOBase):
    """A request body of `grootte` bytes that is made while it is read, counting what was read."""

    def __init__(self, kop: bytes, grootte: int):
        self.kop, self.grootte, self.gelezen = kop, grootte, 0

    def readable(self):
        return True

    def readinto(self, buf):
        if self.gelezen >= self.grootte:
            return 0
        n = min(len(buf), self.grootte - self.gelezen)
        begin = self.kop[self.gelezen:self.gelezen + n]
        buf[:len(begin)] = begin
        buf[len(begin):n] = b"%" * (n - len(begin))
        self.gelezen += n
        return n


def _post_groot(client, url, velden: dict, bestandsnaam: str, grootte: int):
    from django.test.client import RequestFactory

    grens = "----grens"
    kop = "".join(f'--{grens}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in velden.items())
    kop += (f'--{grens}\r\nContent-Disposition: form-data; name="bijlagen"; filename="{bestandsnaam}"\r\n'
            "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")
    stroom = _Stroom(kop.encode(), grootte)
    environ = RequestFactory()._base_environ(
        PATH_INFO=url, REQUEST_METHOD="POST", CONTENT_TYPE=f"multipart/form-data; boundary={grens}",
        CONTENT_LENGTH=str(grootte), HTTP_COOKIE=client.cookies.output(header="", sep=";"))
    environ["wsgi.input"] = io.BufferedReader(stroom)
    return client.handler(environ), stroom


@pytest.mark.django_db
@pytest.mark.parametrize(("grootte", "reden"), [
    # Announced larger than the whole upload may be: stopped at the first bytes of the file.
    (300 * 1024 * 1024, "De upload is groter dan 200 MB; kies minder of kleinere bestanden."),
    # Within the request limit but one attachment over its own limit of 10 MB.
    (30 * 1024 * 1024, "‘groot.pdf’ is te groot; een bestand mag hier hoogstens 10 MB zijn."),
])
def test_a_too_large_attachment_is_refused_before_it_is_read_whole(client_als, grootte, reden):
    client = client_als("budgethouder")
    antwoord, stroom = _post_groot(client, reverse("meldingen:nieuw"),
                                   {"omschrijving": "Laptops", "soort": "levering", "actie": "opslaan"},
                                   "groot.pdf", grootte)
    assert antwoord.status_code == 413
    assert reden in antwoord.content.decode()
    assert stroom.gelezen < 12 * 1024 * 1024
    assert Inkoopmelding.objects.count() == 0 and Bijlage.objects.count() == 0
