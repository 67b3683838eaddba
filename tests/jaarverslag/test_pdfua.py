"""The yearly report passes the PDF/UA-1 checker (pdfua): no error, no warning."""

from tests.pdfua import beeldmaten, bevindingen


def test_the_report_passes_the_pdf_ua_checker(enschede_grootboek, db):
    from jaarverslag.rapport import render_pdf

    pdf, _paginas = render_pdf(organisatie=enschede_grootboek, jaar=2024)
    assert bevindingen(pdf) == []


def test_the_cover_carries_the_organisations_logo_and_stays_pdf_ua(klein):
    from inkoop.models import Organisatie
    from jaarverslag.rapport import render_pdf
    from tests.inkoop.test_organisatie_instellingen import _beeld

    Organisatie.objects.filter(pk=klein.pk).update(logo=_beeld(maat=(420, 140)))
    klein.refresh_from_db()
    pdf, _paginas = render_pdf(organisatie=klein, jaar=2024)
    assert (420, 140) in beeldmaten(pdf)
    assert bevindingen(pdf) == []
