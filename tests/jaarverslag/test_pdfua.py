"""The yearly report passes the PDF/UA-1 checker (pdfua): no error, no warning."""

from tests.pdfua import bevindingen


def test_the_report_passes_the_pdf_ua_checker(enschede_grootboek, db):
    from jaarverslag.rapport import render_pdf

    pdf, _paginas = render_pdf(organisatie=enschede_grootboek, jaar=2024)
    assert bevindingen(pdf) == []
