"""The beheerder keeps the policy in the browser: reads it, saves a new dated version; axe clean."""

import re

import pytest
from playwright.sync_api import expect

from inkoop.models import Rol
from tests.conftest import WACHTWOORD


@pytest.fixture
def beheerder_bas(transactional_db, organisatie, maak_gebruiker):
    return maak_gebruiker(organisatie, Rol.BEHEERDER, naam="bas")


def test_the_beheerder_saves_a_new_policy_version(beheerder_bas, organisatie, page, inloggen, axe_controle,
                                                  live_server):
    from beleid.models import Beleid

    inloggen("bas", WACHTWOORD)
    page.get_by_role("link", name="Beleid").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name=re.compile("Nu van kracht"))).to_be_visible()
    axe_controle(page)
    page.get_by_role("link", name="Nieuwe versie maken").click()
    page.wait_for_load_state("networkidle")
    axe_controle(page)
    page.get_by_label("Geldig vanaf").fill("2027-01-01")
    page.get_by_label("Waarom deze wijziging?").fill("Raadsbesluit: SROI vanaf 150.000.")
    page.get_by_label("SROI verplicht vanaf (€)").fill("150.000")
    page.get_by_role("button", name="Nieuwe versie opslaan").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text(re.compile("Nieuwe beleidsversie opgeslagen, geldig vanaf 01-01-2027"))).to_be_visible()
    expect(page.get_by_text("SROI vanaf").first).to_be_visible()  # the change is named
    axe_controle(page)
    nieuw = Beleid.objects.get(organisatie=organisatie)
    assert nieuw.sroi_vanaf == 150000 and nieuw.toelichting.startswith("Raadsbesluit")


def test_the_inkoper_list_of_advices_is_accessible(transactional_db, organisatie, maak_gebruiker, page, inloggen,
                                                   axe_controle, live_server):
    from adviezen.services import concept_advies_maken_uitvoeren
    from tests.meldingen.factories import MeldingFactory

    bram = maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bram", afdeling="Wegen")
    maak_gebruiker(organisatie, Rol.INKOPER, naam="iris")
    for _ in range(3):
        concept_advies_maken_uitvoeren(melding_id=MeldingFactory(organisatie=organisatie, budgethouder=bram,
                                                                 ingediend=True).pk)
    inloggen("iris", WACHTWOORD)
    page.get_by_role("link", name="Adviezen").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("table tbody tr")).to_have_count(3)
    axe_controle(page)
