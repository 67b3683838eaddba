"""The advice journey in the browser: the inkoper reviews the draft of a new melding, deviates with a
motivation and issues it; the budget holder reads the advice and downloads the letter. axe on every page."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from inkoop.models import Rol
from tests.conftest import WACHTWOORD


@pytest.fixture
def nieuwe_melding(transactional_db, organisatie, maak_gebruiker):
    """A melding the budget holder just submitted; the draft advice follows from the Celery task."""
    from adviezen.models import Advies
    from meldingen.services import melding_indienen
    from tests.meldingen.factories import MeldingFactory

    organisatie.adres = "Hengelosestraat 51\n7514 AD Enschede"
    organisatie.save()
    bram = maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bram", afdeling="Wegen")
    maak_gebruiker(organisatie, Rol.INKOPER, naam="iris")
    melding = MeldingFactory(organisatie=organisatie, budgethouder=bram, omschrijving="Onderhoud fietspaden Zuid",
                             soort="werk", werk_categorie="gww", branche="bouw", waarde_totaal=Decimal("1850000"),
                             looptijd_maanden=18)
    melding_indienen(melding=melding, door=bram)  # transactional db: on_commit runs the (eager) task
    assert Advies.objects.filter(melding=melding, status="concept").exists()
    melding.refresh_from_db()
    return melding


def test_inkoper_issues_a_deviating_advice_and_the_budget_holder_reads_it(nieuwe_melding, page, inloggen,
                                                                          axe_controle, live_server, tmp_path):
    page.on("dialog", lambda dialoog: dialoog.accept())  # the confirmations of issuing

    # The inkoper opens the new melding from the queue and reviews the draft with its motivering.
    inloggen("iris", WACHTWOORD)
    page.get_by_role("link", name="Werkvoorraad").first.click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name=re.compile("Onderhoud fietspaden Zuid")).first.click()
    page.wait_for_load_state("networkidle")
    axe_controle(page)
    page.get_by_role("link", name="Concept beoordelen").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name=re.compile("Inkoopadvies: Onderhoud fietspaden Zuid"))).to_be_visible()
    motivering = page.locator("ol.motivering")
    expect(motivering).to_contain_text("P-12")  # GWW below 3 mln: meervoudig with 2 regional firms
    expect(page.locator(".advies-procedure")).to_contain_text("Meervoudig onderhands")
    axe_controle(page)

    # Deviate: a national open procedure. Without a motivation the form refuses, in Dutch.
    page.get_by_role("link", name="Concept aanpassen").click()
    page.wait_for_load_state("networkidle")
    axe_controle(page)
    page.get_by_label("Procedure", exact=True).select_option("nationaal_openbaar")
    page.get_by_label("Motivering van de afwijking").fill("")
    page.evaluate("document.querySelector('textarea[name=afwijking_motivering]').required = false")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text(re.compile("afwijking mag alleen met motivering"))).to_be_visible()
    axe_controle(page)
    page.get_by_label("Motivering van de afwijking").fill(
        "Grote markt voor fietspadonderhoud; een openbare procedure geeft regionale aannemers gelijke kansen.")
    page.get_by_label("Opmerkingen voor de budgethouder").fill("Plan de aankondiging in januari.")
    page.get_by_role("button", name="Opslaan en uitbrengen").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Het advies is uitgebracht.")).to_be_visible()
    expect(page.locator(".badge", has_text="Uitgebracht, versie 1").first).to_be_visible()
    expect(page.locator(".advies-procedure")).to_contain_text("Nationaal openbaar")
    expect(page.locator(".advies-procedure")).to_contain_text("Afwijking")
    axe_controle(page)
    page.screenshot(path=tmp_path / "uitgebracht.png", full_page=True)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state("networkidle")

    # The budget holder reads the advice on the melding, opens it and downloads the letter.
    inloggen("bram", WACHTWOORD)
    page.goto(f"{live_server.url}/meldingen/{nieuwe_melding.pk}/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".badge", has_text="Advies uitgebracht").first).to_be_visible()
    axe_controle(page)
    page.get_by_role("link", name="Advies lezen").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Grote markt voor fietspadonderhoud")).to_be_visible()
    axe_controle(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Adviesbrief downloaden (PDF)").click()
    pad = tmp_path / "brief.pdf"
    download.value.save_as(pad)
    assert pad.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename.startswith("inkoopadvies-")
    page.get_by_role("button", name="Advies accepteren").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("U heeft het advies geaccepteerd.")).to_be_visible()
    axe_controle(page)
