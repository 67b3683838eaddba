"""A person makes an API token on the page API-sleutels (axe), and the API documentation (Swagger
UI from our own static files, under the CSP without inline script) works with that token."""

import pytest

from tests.browser.conftest import menu_kiezen
from tests.conftest import WACHTWOORD
from tests.contracten.factories import contract


@pytest.fixture
def inkoper_met_contract(transactional_db, organisatie, maak_gebruiker):
    contract(organisatie, omschrijving="Onderhoud openbare verlichting")
    return maak_gebruiker(organisatie, "inkoper")


def test_a_token_from_the_page_works_in_the_documentation(inkoper_met_contract, inloggen, live_server, axe_controle):
    page = inloggen(inkoper_met_contract.username, WACHTWOORD)
    menu_kiezen(page, "API", "API")
    page.wait_for_load_state("networkidle")
    axe_controle(page)
    page.get_by_label("Waarvoor gebruikt u deze sleutel?").fill("Financieel systeem")
    page.get_by_role("button", name="Sleutel maken").click()
    page.wait_for_load_state("networkidle")
    sleutel = page.locator("#nieuwe-sleutel").inner_text().strip()
    assert sleutel.startswith("ink_")
    axe_controle(page)

    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.get_by_role("link", name="Documentatie van de API").click()
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 25
    page.get_by_role("button", name="Authorize").click()
    formulier = page.locator(".modal-ux form").filter(has_text="token (apiKey)")
    formulier.locator("input").fill(f"Token {sleutel}")
    formulier.locator("button[type=submit]").click()
    page.locator(".modal-ux .close-modal").click()

    blok = page.locator("#operations-contracten-contracten_list")
    blok.locator(".opblock-summary").click()
    blok.get_by_role("button", name="Try it out").click()
    blok.get_by_role("button", name="Execute").click()
    antwoord = blok.locator(".live-responses-table tbody .response-col_status")
    antwoord.wait_for()
    assert antwoord.inner_text().strip() == "200"
    assert "Onderhoud openbare verlichting" in blok.locator(".live-responses-table .microlight").first.inner_text()
    assert not fouten, fouten
