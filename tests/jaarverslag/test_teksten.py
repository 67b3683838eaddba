"""Narrative texts: Markdown written by afdeling Inkoop, sanitised before it reaches a page or PDF."""

import pytest
from django.core.exceptions import ValidationError

from jaarverslag.models import Hoofdstuk, Verhaaltekst
from jaarverslag.services import verhaaltekst_opslaan
from jaarverslag.teksten import markdown_naar_html, teksten_voor


def test_markdown_becomes_paragraphs_lists_and_headings():
    html = markdown_naar_html("### Kop\n\nEen **vette** zin.\n\n- een\n- twee")
    assert "<h3>Kop</h3>" in html and "<strong>vette</strong>" in html and "<li>een</li>" in html


@pytest.mark.parametrize("kwaad", [
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd">',
    '<a href="javascript:alert(1)">klik</a>',
    '<p onclick="alert(1)">x</p>',
    '<style>body{display:none}</style>',
    "![plaatje](http://intern.example/geheim.png)",
])
def test_scripts_images_styles_and_handlers_are_removed(kwaad):
    html = markdown_naar_html(kwaad).lower()
    for verboden in ("<script", "<img", "javascript:", "onclick", "<style"):
        assert verboden not in html


def test_a_text_is_stored_per_organisation_year_and_chapter(organisatie, inkoper):
    verhaaltekst_opslaan(organisatie=organisatie, jaar=2024, hoofdstuk="mvoi", tekst="Eerste", door=inkoper)
    verhaaltekst_opslaan(organisatie=organisatie, jaar=2024, hoofdstuk="mvoi", tekst="Tweede\r\n", door=inkoper)
    assert Verhaaltekst.objects.get(organisatie=organisatie, jaar=2024, hoofdstuk="mvoi").tekst == "Tweede"
    teksten = teksten_voor(organisatie=organisatie, jaar=2024)
    assert "Tweede" in teksten["mvoi"]["html"]
    assert teksten[Hoofdstuk.VOORWOORD]["standaard"] is True  # default foreword until written


def test_an_unknown_chapter_or_a_huge_text_is_refused(organisatie, inkoper):
    with pytest.raises(ValidationError):
        verhaaltekst_opslaan(organisatie=organisatie, jaar=2024, hoofdstuk="bijlage", tekst="x", door=inkoper)
    with pytest.raises(ValidationError):
        verhaaltekst_opslaan(organisatie=organisatie, jaar=2024, hoofdstuk="mvoi", tekst="x" * 20_001, door=inkoper)
    assert not Verhaaltekst.objects.exists()


def test_the_inkoper_edits_a_chapter_in_the_browser(client_als, organisatie):
    client = client_als("inkoper")
    antwoord = client.post("/jaarverslag/tekst/?jaar=2024&hoofdstuk=economie",
                           {"jaar": "2024", "hoofdstuk": "economie", "tekst": "Regionaal **sterk**."})
    assert antwoord.status_code == 302
    assert Verhaaltekst.objects.get(organisatie=organisatie, hoofdstuk="economie").tekst == "Regionaal **sterk**."
    pagina = client.get("/jaarverslag/tekst/?jaar=2024&hoofdstuk=economie")
    assert "<strong>sterk</strong>" in pagina.content.decode()
