"""In the browser: a procedure that needs a ground is refused without one, in Dutch, at the field;
with the ground it is stored and shown. axe on the form with its errors."""

import re

from playwright.sync_api import expect

from tests.conftest import WACHTWOORD

from .test_adviezen_uitbrengen import nieuwe_melding  # noqa: F401 - the submitted melding with its draft


def test_a_procedure_without_its_ground_is_refused_at_the_field(nieuwe_melding, page, inloggen,  # noqa: F811
                                                                axe_controle, live_server):
    advies = nieuwe_melding.adviezen.get()
    inloggen("iris", WACHTWOORD)
    page.goto(f"{live_server.url}/adviezen/{advies.pk}/bewerken/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Procedure", exact=True).select_option("onderhandelingsprocedure_zonder_aankondiging")
    page.get_by_label("Motivering van de afwijking").fill("Na een mislukte openbare procedure.")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state("networkidle")
    fout = page.locator("#fout-grond")
    expect(fout).to_contain_text("alleen toegestaan op een van de gronden")
    axe_controle(page)
    page.get_by_label("Grond voor deze procedure").select_option("geen_geschikte_inschrijvingen")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text(re.compile("Aw 2012 art. 2.32 lid 1 onder a"))).to_be_visible()
    axe_controle(page)
