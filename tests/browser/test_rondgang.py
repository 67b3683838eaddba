"""Each demo role logs in and every page in its navigation passes axe (WCAG 2.1 AA)."""

import pytest
from django.core.management import call_command

ROLLEN = ["budgethouder", "inkoper", "controller", "beheerder"]


@pytest.fixture
def demo(transactional_db):
    call_command("demo", "--wachtwoord", "demo-wachtwoord-1")


@pytest.mark.parametrize("rol", ROLLEN)
def test_each_role_logs_in_and_every_navigation_page_is_accessible(rol, demo, inloggen, axe_controle, live_server):
    page = inloggen(rol, "demo-wachtwoord-1")
    assert page.url.rstrip("/") == live_server.url
    axe_controle(page)
    links = page.locator("#menu a.nav-link, #menu a.dropdown-item").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert links
    for href in links:
        antwoord = page.goto(live_server.url + href)
        assert antwoord.status == 200, href
        page.wait_for_load_state("networkidle")
        axe_controle(page)


def test_the_login_page_is_accessible(page, live_server, axe_controle, transactional_db):
    page.goto(live_server.url + "/inloggen/")
    axe_controle(page)
