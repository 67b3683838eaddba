"""The melding form in the browser: every problem in one round with its reason, what to do below the
threshold, and throwing a concept away after a confirmation. axe on every page."""

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.test_meldingen_indienen import gemeente  # noqa: F401 - the same municipality
from tests.conftest import WACHTWOORD


def _foto(page, naam, tmp_path):
    map_ = Path(os.getenv("INKOOP_SCHERMAFDRUKKEN") or tmp_path)
    map_.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=map_ / f"{naam}.png", full_page=True)


def test_every_problem_at_once_then_below_the_threshold_the_concept_is_thrown_away(
        gemeente, page, inloggen, axe_controle, live_server, tmp_path):  # noqa: F811
    from meldingen.models import Inkoopmelding

    inloggen("bram", WACHTWOORD)
    page.goto(live_server.url + "/meldingen/nieuw/")
    page.get_by_label("Korte omschrijving").fill("Nieuwe bureaustoelen")
    page.get_by_role("radio", name=re.compile(r"^Levering")).check()
    page.get_by_label("Wanneer moet de opdracht ingaan?").fill("1901-01-01")
    page.get_by_label("Looptijd in maanden").fill("600")
    page.get_by_label("Vervangt deze inkoop een bestaand contract? Zo ja, welk?").fill("Stoelen 2019, Ahrend")
    page.get_by_label("Einddatum van dat contract").fill("2999-12-31")
    page.get_by_label("Totale waarde").fill("40.000")
    page.get_by_role("button", name="Melding indienen").click()
    page.wait_for_load_state("networkidle")
    overzicht = page.locator("#foutoverzicht")
    for reden in ("meer dan een jaar in het verleden", "Een looptijd van 600 maanden", "31-12-2999",
                  "Kies de kostenplaats", "Kies de branche"):
        expect(overzicht).to_contain_text(reden)
    assert not Inkoopmelding.objects.exists()  # nothing stored while anything is wrong
    axe_controle(page)
    _foto(page, "6-formulier-alle-fouten", tmp_path)

    # Corrected, but the value is below the threshold: the form says what to do instead.
    page.get_by_label("Wanneer moet de opdracht ingaan?").fill("")
    page.get_by_label("Looptijd in maanden").fill("12")
    page.get_by_label("Einddatum van dat contract").fill("")
    page.get_by_label("Vervangt deze inkoop een bestaand contract? Zo ja, welk?").fill("")
    page.get_by_label("Totale waarde").fill("18.000")
    page.locator("#raming").get_by_text("Geen inkoopmelding nodig").wait_for()
    page.get_by_role("button", name="Opslaan als concept").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Melding indienen").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#foutoverzicht")).to_contain_text("vraag zelf een of meer offertes op")
    axe_controle(page)
    _foto(page, "7-formulier-onder-drempel", tmp_path)
    assert Inkoopmelding.objects.get().status == "concept"

    # The concept is no longer needed: throw it away, after a confirmation.
    page.get_by_role("link", name="Dit concept verwijderen").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Concept verwijderen?")).to_be_visible()
    axe_controle(page)
    _foto(page, "8-concept-verwijderen", tmp_path)
    page.get_by_role("button", name="Ja, verwijder dit concept").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Het concept ‘Nieuwe bureaustoelen’ is verwijderd.")).to_be_visible()
    assert not Inkoopmelding.objects.exists()
    axe_controle(page)
