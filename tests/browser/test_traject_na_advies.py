"""The journey after the advice, in the browser: the budget holder accepts it from their message,
the inkoper starts the traject from the advice with a prefilled form, and the melding's timeline
shows every step. Messages are read once their page is seen. axe on every page."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from inkoop.models import Rol
from tests.conftest import WACHTWOORD


@pytest.fixture
def uitgebracht_advies(transactional_db, organisatie, maak_gebruiker):
    from adviezen.models import Advies
    from adviezen.services import advies_uitbrengen
    from meldingen.services import melding_indienen
    from tests.meldingen.factories import MeldingFactory

    bram = maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bram", afdeling="Wegen")
    iris = maak_gebruiker(organisatie, Rol.INKOPER, naam="iris")
    melding = MeldingFactory(organisatie=organisatie, budgethouder=bram, omschrijving="Onderhoud fietspaden Zuid",
                             waarde_totaal=Decimal("80000"))
    melding_indienen(melding=melding, door=bram)  # transactional db: on_commit runs the (eager) task
    return advies_uitbrengen(advies=Advies.objects.get(melding=melding), door=iris)


def _foto(page, naam, tmp_path):
    # INKOOP_SCHERMAFDRUKKEN=<dir> keeps the screenshots to look at; otherwise they go to tmp_path.
    map_ = Path(os.getenv("INKOOP_SCHERMAFDRUKKEN") or tmp_path)
    map_.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=map_ / f"{naam}.png", full_page=True)


def test_from_accepted_advice_to_traject(uitgebracht_advies, page, inloggen, axe_controle, live_server, tmp_path):
    melding = uitgebracht_advies.melding
    page.on("dialog", lambda dialoog: dialoog.accept())  # the confirmation of accepting

    # The budget holder follows the message about the advice and accepts it.
    inloggen("bram", WACHTWOORD)
    page.goto(live_server.url + "/meldingen/mijn/")
    bericht = page.get_by_role("link", name=re.compile(f"Inkoopadvies bij melding {melding.nummer}"))
    bericht.click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Advies accepteren").click()
    page.wait_for_load_state("networkidle")
    stap = page.locator(".volgende-stap")
    expect(stap).to_contain_text("Inkoop start nu het traject")
    axe_controle(page)
    _foto(page, "1-advies-geaccepteerd-budgethouder", tmp_path)
    # The message was read when its page was seen: it is no longer new.
    page.goto(live_server.url + "/meldingen/mijn/")
    expect(page.get_by_role("link", name=re.compile(f"Inkoopadvies bij melding {melding.nummer}"))).to_have_count(0)

    # The inkoper is told, opens the advice and starts the traject from it.
    page.context.clear_cookies()
    inloggen("iris", WACHTWOORD)
    page.goto(live_server.url + "/meldingen/werkvoorraad/")
    page.get_by_role("link", name=re.compile(f"Advies bij melding {melding.nummer} geaccepteerd")).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".volgende-stap")).to_contain_text("Volgende stap: het traject starten")
    axe_controle(page)
    _foto(page, "2-advies-volgende-stap-inkoper", tmp_path)
    page.locator(".volgende-stap").get_by_role("link", name="Traject starten").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_label("Omschrijving")).to_have_value("Onderhoud fietspaden Zuid")
    expect(page.get_by_label("Procedure")).to_have_value("meervoudig_onderhands")
    expect(page.get_by_label("Geraamde waarde excl. btw")).to_have_value(re.compile(r"^80\.000"))
    axe_controle(page)
    _foto(page, "3-traject-starten", tmp_path)
    page.get_by_role("button", name="Traject starten").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text(re.compile(r"Traject T\d{4}-\d+ is gestart"))).to_be_visible()
    axe_controle(page)
    _foto(page, "4-traject", tmp_path)

    # The melding's timeline tells the whole story, with links to the advice and the traject.
    page.goto(live_server.url + f"/meldingen/{melding.pk}/")
    tijdlijn = page.locator("ol.tijdlijn")
    expect(tijdlijn).to_contain_text("Advies versie 1 geaccepteerd")
    expect(tijdlijn.get_by_role("link", name=re.compile(r"Traject T\d{4}-\d+ gestart"))).to_be_visible()
    expect(tijdlijn).to_contain_text("Advies uitgebracht → Traject gestart")
    expect(page.locator(".volgende-stap")).to_contain_text("Het traject is gestart")
    axe_controle(page)
    _foto(page, "5-melding-tijdlijn", tmp_path)
