"""The controller opens the yearly report, makes a PDF version, sees it finish and publishes it;
the inkoper edits a chapter text. Every page passes axe (WCAG 2.1 AA)."""

import pytest
from django.db import transaction

from tests.conftest import WACHTWOORD
from tests.jaarverslag.grootboek import importeer
from tests.jaarverslag.klein_grootboek import schrijf


@pytest.fixture
def grootboek(transactional_db, organisatie, tmp_path):
    with transaction.atomic():
        importeer(schrijf(tmp_path / "g"), organisatie.naam)
    return organisatie


def test_the_controller_makes_and_publishes_a_version(grootboek, controller, inloggen, axe_controle, live_server):
    page = inloggen(controller.username, WACHTWOORD)
    page.get_by_role("link", name="Jaarverslag").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Inkoopjaarverslag 2024").is_visible()
    assert page.locator("#tabel-regio").get_by_text("Regio Achterhoek").is_visible()
    axe_controle(page)
    page.get_by_role("button", name="PDF-versie maken").click()
    page.wait_for_load_state("networkidle")
    versie = page.locator("#versies li").first
    versie.get_by_role("link", name="PDF").wait_for(timeout=60000)
    axe_controle(page)
    page.once("dialog", lambda d: d.accept())
    versie.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#versies").get_by_text("Versie 1", exact=True).is_visible()
    assert page.locator("#versies").get_by_text("Gepubliceerd", exact=True).is_visible()


def test_the_inkoper_edits_the_text_of_a_chapter(grootboek, inkoper, inloggen, axe_controle, live_server):
    page = inloggen(inkoper.username, WACHTWOORD)
    page.goto(live_server.url + "/jaarverslag/?jaar=2024")
    page.locator("#tekst-economie").get_by_role("link", name="Tekst bewerken").click()
    axe_controle(page)
    page.get_by_label("Tekst (Markdown)").fill("Wij kopen **regionaal** in.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#tekst-economie strong").get_by_text("regionaal").is_visible()


def test_the_dashboard_is_accessible(grootboek, inkoper, inloggen, axe_controle, live_server):
    page = inloggen(inkoper.username, WACHTWOORD)
    page.goto(live_server.url + "/jaarverslag/dashboard/?jaar=2024")
    assert page.get_by_role("heading", name="Dashboard afdeling Inkoop 2024").is_visible()
    axe_controle(page)
