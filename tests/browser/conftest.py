"""Browser tests: Playwright on Debian's /usr/bin/chromium, axe-core on every page."""

import os
import shutil

import pytest

CHROMIUM = os.getenv("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.getenv("INKOOP_BROWSER_TESTS") == "verplicht":
            pytest.fail(f"Chromium ontbreekt op {CHROMIUM}")
        pytest.skip("Chromium niet geïnstalleerd (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()


@pytest.fixture
def inloggen(page, live_server):
    def login(gebruikersnaam, wachtwoord):
        page.goto(live_server.url + "/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state("networkidle")
        return page

    return login


@pytest.fixture
def axe_controle():
    """Run axe-core on the page; fail with the violations listed (WCAG 2.1 A/AA)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def controleer(page):
        resultaat = axe.run(page, options={"runOnly": {"type": "tag",
                                                       "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        schendingen = resultaat.response["violations"]
        assert not schendingen, f"{page.url}: " + "; ".join(
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})" for v in schendingen)

    return controleer


def menu_kiezen(page, groep: str, item: str):
    """Open a menu group (a dropdown when it holds several pages) and follow one of its links."""
    menu = page.locator("#menu")
    knop = menu.get_by_role("button", name=groep)
    if knop.count():
        knop.click()
    menu.get_by_role("link", name=item, exact=True).click()
