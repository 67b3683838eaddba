"""The controller assesses a signal and draws a steekproef in the browser; every page passes axe."""

from datetime import date

import pytest

from rechtmatigheid.models import Signaal, Steekproef
from rechtmatigheid.services import signalen_berekenen
from tests.browser.conftest import menu_kiezen
from tests.conftest import WACHTWOORD
from tests.rechtmatigheid.conftest import Grootboek


@pytest.fixture
def controller_met_signalen(transactional_db, organisatie, maak_gebruiker):
    grootboek = Grootboek(organisatie)
    pakket = grootboek.pakket("03.02", soort="dienst", naam="Schoonmaak")
    grootboek.regel(grootboek.crediteur("100001", pakket, naam="Glans B.V."), "18000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket, naam="Poets & Co"), "17000.00")
    grootboek.regel(grootboek.crediteur("100003", None, naam="Onbekend Advies"), "42000.00", boekdatum=date(2024, 3, 1))
    signalen_berekenen(organisatie=organisatie, jaar=2024)
    return maak_gebruiker(organisatie, "controller")


def test_the_controller_assesses_a_signal_as_onterecht_with_a_note(controller_met_signalen, inloggen, live_server,
                                                                 axe_controle):
    page = inloggen(controller_met_signalen.username, WACHTWOORD)
    menu_kiezen(page, "Rechtmatigheid", "Signalen")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Signaleringslijst 2024").is_visible()
    axe_controle(page)

    page.get_by_role("link", name="Beoordelen: Leverancier zonder inkooppakket Onbekend Advies").click()
    page.wait_for_load_state("networkidle")
    axe_controle(page)
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Kies of het signaal terecht of onterecht is.").is_visible()
    axe_controle(page)

    page.get_by_label("Onterecht: er is een verklaring, het is rechtmatig").check()
    page.get_by_label("Toelichting").fill("Pakket 09.01 hoort erbij; classificatie aangevraagd.")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Signaal beoordeeld als onterecht.").is_visible()
    axe_controle(page)

    signaal = Signaal.objects.get(sleutel="leverancier_zonder_pakket:100003")
    assert (signaal.beoordeling, signaal.beoordeeld_door_id) == ("onterecht", controller_met_signalen.pk)
    assert signaal.beoordeling_toelichting.startswith("Pakket 09.01")


def test_the_controller_draws_a_steekproef(controller_met_signalen, inloggen, live_server, axe_controle):
    page = inloggen(controller_met_signalen.username, WACHTWOORD)
    page.goto(live_server.url + "/rechtmatigheid/steekproeven/")
    axe_controle(page)
    page.get_by_label("Omvang (aantal factuurregels)").fill("2")
    page.get_by_label("Zaad (seed)").fill("2025")
    page.get_by_role("button", name="Steekproef trekken").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Steekproef 2024: 2 factuurregels, zaad 2025").is_visible()
    axe_controle(page)
    page.get_by_label("Uitkomst regel 1").select_option("rechtmatig")
    page.get_by_role("button", name="Uitkomsten opslaan").click()
    page.wait_for_load_state("networkidle")
    assert Steekproef.objects.get().regels.filter(uitkomst="rechtmatig").count() == 1
    axe_controle(page)
    page.goto(live_server.url + "/rechtmatigheid/ocds/")
    axe_controle(page)


def test_the_controller_assesses_in_bulk_and_reads_the_verantwoording(controller_met_signalen, inloggen,
                                                                      live_server, axe_controle):
    page = inloggen(controller_met_signalen.username, WACHTWOORD)
    page.goto(live_server.url + "/rechtmatigheid/signalen/?jaar=2024")
    page.get_by_label("Kies Onbekend Advies").first.check()
    page.get_by_label("Beoordeling van de aangevinkte signalen").select_option("onterecht")
    page.get_by_role("button", name="Aangevinkte beoordelen").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Licht toe waarom de signalen onterecht zijn.").is_visible()
    axe_controle(page)
    page.get_by_label("Kies Onbekend Advies").first.check()
    page.get_by_label("Beoordeling van de aangevinkte signalen").select_option("terecht")
    page.get_by_role("button", name="Aangevinkte beoordelen").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("1 signalen beoordeeld als terecht.").is_visible()
    menu_kiezen(page, "Rechtmatigheid", "Verantwoording")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Rechtmatigheidsverantwoording inkoop 2024").is_visible()
    axe_controle(page)
    menu_kiezen(page, "Rechtmatigheid", "Vooruitblik")
    page.wait_for_load_state("networkidle")
    axe_controle(page)
