"""A budget holder, as a new user, files a melding in the browser; axe finds nothing on the way."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from inkoop.models import Rol
from tests.conftest import WACHTWOORD


def _over_vier_maanden() -> str:
    """A start date the form accepts whenever the test runs (meldingen.validatie)."""
    from django.utils import timezone

    return (timezone.localdate() + timedelta(days=120)).isoformat()


@pytest.fixture
def gemeente(transactional_db, organisatie, maak_gebruiker):
    from uitgaven.models import Domein, Inkoopcategorie, Inkooppakket, Kostenplaats

    fysiek = Domein.objects.create(organisatie=organisatie, naam="Fysiek Domein")
    Kostenplaats.objects.create(organisatie=organisatie, code="KP0208", omschrijving="Wegen", domein=fysiek)
    Kostenplaats.objects.create(organisatie=organisatie, code="KP0216", omschrijving="Groen", domein=fysiek)
    cat = Inkoopcategorie.objects.create(organisatie=organisatie, code="8", naam="GWW")
    Inkooppakket.objects.create(organisatie=organisatie, code="08.02", naam="Groenonderhoud", categorie=cat)
    bram = maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bram", afdeling="Groen")
    iris = maak_gebruiker(organisatie, Rol.INKOPER, naam="iris")
    return bram, iris


def test_a_budget_holder_files_a_melding_without_help(gemeente, page, inloggen, axe_controle, live_server,
                                                     tmp_path):
    inloggen("bram", WACHTWOORD)
    page.get_by_role("link", name="Nieuwe melding").first.click()
    page.wait_for_load_state("networkidle")
    axe_controle(page)

    # 1 What
    page.get_by_label("Korte omschrijving").fill("Maaien van bermen en watergangen Glanerbrug")
    page.get_by_role("radio", name=re.compile(r"^Dienst")).check()
    page.get_by_label("Toelichting").fill("Ecologisch maaibeheer, twee keer per jaar.")
    page.get_by_label("Inkooppakket").select_option(label="08.02 Groenonderhoud")
    page.get_by_label("Branche van de leveranciers").select_option(label="Milieu (afval, bodem)")
    # 2 For whom: the afdeling is already there
    assert page.get_by_label("Afdeling").input_value() == "Groen"
    page.get_by_label("Kostenplaats").select_option(label="KP0216 Groen (Fysiek Domein)")
    # 3 When and how long
    page.get_by_label("Wanneer moet de opdracht ingaan?").fill(_over_vier_maanden())
    page.get_by_label("Looptijd in maanden").fill("24")
    page.get_by_label("Aantal verlengingen").fill("2")
    page.get_by_label("Maanden per verlenging").fill("12")
    # 4 How much: the value appears as the budget holder types, with the rule used
    page.get_by_role("radio", name=re.compile("Een bedrag per jaar")).check()
    page.get_by_label("Waarde per jaar").fill("€ 18.500")
    paneel = page.locator("#raming")
    expect(paneel.get_by_test_id("geraamde-waarde")).to_have_text("€ 74.000")
    assert "inclusief 2 × 12 maanden verlenging" in paneel.inner_text()
    assert "Een inkoopmelding is nodig" in paneel.inner_text()
    axe_controle(page)
    # A typo is caught at once, naming the field
    page.get_by_label("Waarde per jaar").fill("18.5OO")
    paneel.get_by_text("Waarde per jaar: ‘18.5OO’ is geen bedrag").wait_for()
    page.get_by_label("Waarde per jaar").fill("18.500")
    expect(paneel.get_by_test_id("geraamde-waarde")).to_have_text("€ 74.000")
    # 5 MVOI
    page.get_by_label("Milieu (inclusief biodiversiteit)").check()
    page.screenshot(path=tmp_path / "formulier.png", full_page=True)  # to look at when it fails

    page.get_by_role("button", name="Melding indienen").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/meldingen/\d+/$", page.url)
    assert page.get_by_text(re.compile(r"Uw melding \d{4}-0001 is ingediend")).is_visible()
    assert page.locator(".badge", has_text="Ingediend").first.is_visible()
    axe_controle(page)

    page.get_by_role("link", name="Mijn meldingen").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("link", name="Maaien van bermen en watergangen Glanerbrug").is_visible()
    axe_controle(page)


def test_below_the_threshold_the_form_says_so(gemeente, page, inloggen, live_server):
    inloggen("bram", WACHTWOORD)
    page.goto(live_server.url + "/meldingen/nieuw/")
    page.get_by_label("Totale waarde").fill("18.000")
    page.locator("#raming").get_by_text("Geen inkoopmelding nodig").wait_for()


def test_the_form_works_without_javascript(gemeente, browser, live_server):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("bram")
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.goto(live_server.url + "/meldingen/nieuw/")
        page.get_by_label("Korte omschrijving").fill("Bomenonderhoud")
        page.get_by_role("radio", name=re.compile(r"^Dienst")).check()
        page.get_by_label("Totale waarde").fill("60.000")
        page.get_by_role("button", name="Waarde berekenen").click()
        assert "€\xa060.000" in page.locator("#raming").inner_text()
        page.get_by_label("Kostenplaats").select_option(label="KP0216 Groen (Fysiek Domein)")
        page.get_by_label("Wanneer moet de opdracht ingaan?").fill(_over_vier_maanden())
        page.get_by_label("Looptijd in maanden").fill("12")
        page.get_by_label("Branche van de leveranciers").select_option(label="Overig")
        page.get_by_role("button", name="Melding indienen").click()
        page.get_by_text(re.compile(r"Uw melding \d{4}-0001 is ingediend")).wait_for()
    finally:
        context.close()


def test_the_inkoper_queue_and_detail_are_accessible(gemeente, page, inloggen, axe_controle, live_server,
                                                     organisatie):
    from meldingen.services import melding_indienen, vraag_stellen
    from tests.meldingen.factories import MeldingFactory

    bram, iris = gemeente
    m = MeldingFactory(organisatie=organisatie, budgethouder=bram)
    melding_indienen(melding=m, door=bram)
    inloggen("iris", WACHTWOORD)
    page.goto(live_server.url + "/meldingen/werkvoorraad/")
    axe_controle(page)
    page.get_by_role("button", name=re.compile("Aan mij")).click()
    page.wait_for_load_state("networkidle")
    page.goto(live_server.url + f"/meldingen/{m.pk}/")
    axe_controle(page)
    vraag_stellen(melding=m, door=iris, tekst="Is er een bestaand contract?")
    page.context.clear_cookies()
    inloggen("bram", WACHTWOORD)
    page.goto(live_server.url + f"/meldingen/{m.pk}/")
    page.get_by_label("Uw antwoord").fill("Nee, dit is nieuw.")
    axe_controle(page)
    page.get_by_role("button", name="Antwoord versturen").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Uw antwoord is naar Inkoop gestuurd.").is_visible()
