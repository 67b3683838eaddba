"""The spend tables of the report equal the published Enschede 2024 figures."""

import pytest

from jaarverslag.selectors import als_json, jaarverslag_gegevens

from .conftest import gepubliceerd
from .vergelijk import verschillen

UITGAVENTABELLEN = ("jaar", "inkoopvolume", "domeinen", "categorieen", "regio", "lokaal_en_regionaal")


@pytest.fixture
def export(enschede_grootboek, db):
    return als_json(jaarverslag_gegevens(organisatie=enschede_grootboek, jaar=2024))


@pytest.mark.parametrize("tabel", UITGAVENTABELLEN)
def test_each_spend_table_equals_the_published_report(export, tabel):
    assert verschillen({tabel: gepubliceerd()[tabel]}, export) == []


def test_the_categories_end_with_not_yet_classified_and_the_grand_total(export):
    laatste = export["categorieen"][-2:]
    assert [(c["code"], c["naam"]) for c in laatste] == [(None, "Nog niet beoordeelde inkopen"),
                                                          (None, "Eindtotaal")]
    assert sum(c["bedrag"] for c in export["categorieen"][:-1]) == pytest.approx(laatste[1]["bedrag"], abs=12)


def test_the_export_also_gives_what_the_published_report_leaves_out(export):
    concernstaf = next(d for d in export["domeinen"] if d["domein"] == "Concernstaf")
    assert concernstaf["pct"] == 2
    assert export["domeinen"][1]["bedrag_miljoen_afgerond"] == 106.4
    # the sum of exact cents, rounded once: within a euro of the sum of the rounded rows
    assert abs(export["lokaal_en_regionaal"]["bedrag"] - (161526947 + 106209186)) <= 1


def test_development_is_computed_from_cents_and_rounded_half_up_at_the_end(export):
    hulpverlening = next(c for c in export["categorieen"] if c["code"] == "9")
    # 3.936.405,60 - 6.555.157,40 = -2.618.751,80: rounded away from zero
    assert hulpverlening["ontwikkeling_euro"] == -2618752
    assert hulpverlening["bedrag"] == 3936406


def test_each_spend_table_is_one_query(enschede_grootboek, db, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jaarverslag import selectors

    # Only the spend tables: the other apps' selectors count their own queries.
    monkeypatch.setattr(selectors, "_contractcijfers", lambda *a: {})
    monkeypatch.setattr(selectors, "_aantal_meldingen", lambda *a: None)
    monkeypatch.setattr(selectors, "_signalen", lambda *a: None)
    # ... and the policy in force (beleid.selectors reads it; its queries are its own).
    from datetime import date
    from decimal import Decimal
    from types import SimpleNamespace

    from meldingen.selectors import Meldgrens

    monkeypatch.setattr(selectors, "meldgrenzen", lambda **kw: [Meldgrens(date(2024, 1, 1), date(2025, 1, 1),
                                                                           Decimal(25000))])
    monkeypatch.setattr(selectors, "beleid_voor", lambda *a, **kw: SimpleNamespace(beoordelen_vanaf=Decimal(15000)))
    # source check, volume, domains, regional names, and one two-level aggregate for the
    # category and region tables together
    with CaptureQueriesContext(connection) as vragen:
        selectors.jaarverslag_gegevens(organisatie=enschede_grootboek, jaar=2024, met_prestaties=False)
    selects = [v["sql"] for v in vragen.captured_queries if v["sql"].lstrip().upper().startswith("SELECT")]
    assert len(selects) == 5, selects


@pytest.fixture
def pdf_tekst(enschede_grootboek, db, tmp_path):
    import shutil
    import subprocess

    from jaarverslag.rapport import render_pdf

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    pdf, paginas = render_pdf(organisatie=enschede_grootboek, jaar=2024)
    pad = tmp_path / "verslag.pdf"
    pad.write_bytes(pdf)
    tekst = subprocess.run(["pdftotext", "-layout", str(pad), "-"], capture_output=True, check=True,
                           text=True).stdout
    return pdf, paginas, tekst.replace("\u00a0", " ")


def test_the_pdf_shows_the_key_figures_in_dutch_formatting(pdf_tekst):
    pdf, paginas, tekst = pdf_tekst
    assert pdf.startswith(b"%PDF")
    for figuur in ("€ 361.104.816", "€ 308.851.525", "€ 52.253.292", "17%", "€ 175.541.632",
                   "€ -2.618.752", "-40%", "€ 161.526.947", "45%", "4.353", "74%", "€ 193,6 miljoen", "54%"):
        assert figuur in tekst, figuur


def test_the_pdf_reads_like_the_published_report(pdf_tekst):
    _pdf, paginas, tekst = pdf_tekst
    for kop in ("Inkoopjaarverslag 2024", "Voorwoord", "Leeswijzer", "Inhoud", "1. Kengetallen inkoop",
                "2. Maatschappelijk verantwoord opdrachtgeven", "3. Economische uitgangspunten",
                "4. Rechtmatigheid, juridische uitgangspunten", "5. Ontwikkelingen",
                "Nog niet beoordeelde inkopen", "nog geen inkooppakket is gekoppeld"):
        assert kop in tekst, kop
    assert f"pagina 1 van {paginas}" not in tekst  # the cover has no running footer
    assert f"pagina 2 van {paginas}" in tekst
    assert paginas >= 10


def test_the_pdf_has_bookmarks_for_the_chapters(enschede_grootboek, db):
    from inkoop.pdf import render_document
    from jaarverslag.rapport import context, render_html_pdf

    document = render_document(render_html_pdf(context(organisatie=enschede_grootboek, jaar=2024,
                                                       met_grafieken=False)))

    def labels(boom):
        for label, _doel, kinderen, _staat in boom:
            yield label
            yield from labels(kinderen)

    alle = list(labels(document.make_bookmark_tree()))
    for kop in ("Inkoopjaarverslag 2024", "1. Kengetallen inkoop", "1.3 Inkopen per inkoopcategorie",
                "5. Ontwikkelingen"):
        assert kop in alle
