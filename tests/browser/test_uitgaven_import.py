"""The controller imports spend in the browser (check first, then import, then the summary), and
the inkoper classifies crediteuren; axe finds nothing on the way."""

import io

import pytest
from playwright.sync_api import expect

from inkoop.models import Rol
from tests.conftest import WACHTWOORD
from tests.uitgaven.conftest import FACTUREN, KOP_FACTUREN, STAM, schrijf


@pytest.fixture
def gebruikers(transactional_db, organisatie, maak_gebruiker):
    return (maak_gebruiker(organisatie, Rol.CONTROLLER, naam="carla"),
            maak_gebruiker(organisatie, Rol.INKOPER, naam="iris"))


@pytest.fixture
def bestanden(tmp_path):
    uit = [schrijf(tmp_path / naam, regels) for naam, regels in STAM.items()]
    uit.append(schrijf(tmp_path / "facturen-2024.csv", [KOP_FACTUREN, *FACTUREN]))
    return [str(p) for p in uit]


def test_the_controller_checks_then_imports_the_ledger(gebruikers, bestanden, page, inloggen, axe_controle,
                                                      live_server):
    from uitgaven.models import Factuurregel

    inloggen("carla", WACHTWOORD)
    page.goto(live_server.url + "/uitgaven/import/")
    axe_controle(page)
    page.get_by_label("Bestanden").set_input_files(bestanden)
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("De bestanden zijn in orde.")).to_be_visible()
    expect(page.get_by_role("cell", name="facturen-2024.csv")).to_be_visible()
    axe_controle(page)
    assert not Factuurregel.objects.exists()

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("De uitgaven zijn geïmporteerd")).to_be_visible()
    axe_controle(page)
    assert Factuurregel.objects.count() == 4

    page.get_by_role("link", name="Naar het overzicht").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Uitgaven 2024")).to_be_visible()
    axe_controle(page)
    page.get_by_role("link", name="Lokaal", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("2 regels, samen")).to_be_visible()
    axe_controle(page)
    page.goto(live_server.url + "/uitgaven/import/historie/")
    axe_controle(page)


def test_a_file_with_a_bad_row_is_named_in_the_browser(gebruikers, bestanden, tmp_path, page, inloggen,
                                                       axe_controle, live_server):
    slecht = schrijf(tmp_path / "slecht.csv", [KOP_FACTUREN, FACTUREN[0], "2024;01-01-2024;X;100001;KP01;1;x;abc"])
    inloggen("carla", WACHTWOORD)
    page.goto(live_server.url + "/uitgaven/import/")
    page.get_by_label("Bestanden").set_input_files([*bestanden[:-1], str(slecht)])
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Er is niets opgeslagen.")).to_be_visible()
    expect(page.get_by_text("slecht.csv:3: bedrag_excl_btw: ‘abc’ is geen bedrag")).to_be_visible()
    expect(page.get_by_role("button", name="Importeren")).to_have_count(0)
    axe_controle(page)


def test_the_inkoper_classifies_crediteuren_in_bulk(gebruikers, bestanden, organisatie, page, inloggen,
                                                    axe_controle, live_server):
    from django.core.management import call_command

    from uitgaven.models import Crediteur

    call_command("import_uitgaven", *bestanden, "--organisatie", organisatie.naam, stdout=io.StringIO())
    inloggen("iris", WACHTWOORD)
    page.goto(live_server.url + "/uitgaven/crediteuren/?pakket=geen")
    axe_controle(page)
    page.get_by_label("Alle crediteuren op deze pagina kiezen").check()
    page.get_by_label("Inkooppakket", exact=True).last.select_option(label="01.01 Opleidingen en trainingen "
                                                                            "(Personeelsgerelateerde zaken)")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("2 crediteur(en) ingedeeld in 01.01 Opleidingen en trainingen.")).to_be_visible()
    axe_controle(page)
    assert Crediteur.objects.filter(organisatie=organisatie, inkooppakket__code="01.01",
                                    classificatie_handmatig=True).count() == 2
    page.goto(live_server.url + "/uitgaven/inkooppakketten/")
    axe_controle(page)
