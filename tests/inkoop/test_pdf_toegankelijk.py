"""Every PDF we make is PDF/UA-1, or making it fails with a clear message (inkoop.pdf)."""

import io

import pikepdf
import pytest

from inkoop.pdf import PdfNietToegankelijk, html_naar_pdf, html_naar_pdf_met_paginas
from tests.pdfua import bevindingen

TABEL = """<html lang="nl"><head><title>Tabel</title></head><body><h1>Cijfers</h1>
<table><caption>Uitgaven</caption>
<thead><tr><th scope="col">Domein</th><th scope="col">Bedrag</th></tr></thead>
<tbody><tr><th scope="row">Wegen</th><td>€ 10</td></tr><tr><th scope="row">Groen</th><td>€ 5</td></tr></tbody>
</table></body></html>"""


def _scopes(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        gevonden = []
        te_doen = [doc.Root.StructTreeRoot]
        while te_doen:
            kinderen = te_doen.pop().get("/K")
            for kind in kinderen if isinstance(kinderen, pikepdf.Array) else [kinderen]:
                if isinstance(kind, pikepdf.Dictionary) and "/S" in kind:
                    if kind.S == "/TH":
                        gevonden.append(str(kind.A.Scope))
                    te_doen.append(kind)
    return sorted(gevonden)


def test_header_cells_get_a_scope_and_the_checker_finds_nothing():
    pdf = html_naar_pdf(TABEL)
    assert _scopes(pdf) == ["/Column", "/Column", "/Row", "/Row"]
    assert bevindingen(pdf) == []


def test_the_checker_reports_a_table_without_header_cells():
    # The checker itself must be able to fail: a layout table of data cells only is an error.
    pdf = html_naar_pdf('<html lang="nl"><head><title>t</title></head><body>'
                        "<table><tr><td>1</td><td>2</td></tr></table></body></html>")
    assert any("UA-15-003" in regel and regel.startswith("ERROR") for regel in bevindingen(pdf))


def test_an_image_without_alternative_text_is_an_error_not_an_untagged_pdf():
    with pytest.raises(PdfNietToegankelijk, match="zonder alternatieve tekst"):
        html_naar_pdf(f'<html lang="nl"><head><title>t</title></head><body><img src="{PNG}"></body></html>')


def test_a_variant_the_renderer_cannot_make_is_an_error_with_a_clear_message():
    with pytest.raises(PdfNietToegankelijk, match="niet als toegankelijke PDF"):
        html_naar_pdf_met_paginas(TABEL, variant="pdf/ua-9")


# A 1×1 PNG as data URI.
PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
