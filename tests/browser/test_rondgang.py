"""Each demo role logs in and every page in its navigation passes axe (WCAG 2.1 AA).

One demo load for all four roles: the demo imports the whole Enschede ledger.
"""

from django.core.management import call_command

ROLLEN = ["budgethouder", "inkoper", "controller", "beheerder"]


def test_each_role_logs_in_and_every_navigation_page_is_accessible(transactional_db, browser, live_server,
                                                                     axe_controle):
    call_command("demo", "--wachtwoord", "demo-wachtwoord-1")
    bezocht = {}
    for rol in ROLLEN:
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20000)
        try:
            page.goto(live_server.url + "/inloggen/")
            page.get_by_label("Gebruikersnaam").fill(rol)
            page.get_by_label("Wachtwoord").fill("demo-wachtwoord-1")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_load_state("networkidle")
            assert page.url.rstrip("/") == live_server.url, rol
            axe_controle(page)
            links = page.locator("#menu a.nav-link, #menu a.dropdown-item").evaluate_all(
                "els => els.map(e => e.getAttribute('href'))")
            assert links, rol
            for href in links:
                antwoord = page.goto(live_server.url + href)
                assert antwoord.status == 200, (rol, href)
                page.wait_for_load_state("networkidle")
                axe_controle(page)
            bezocht[rol] = links
        finally:
            context.close()
    # The inkoper sees more of the application than the budget holder.
    assert len(bezocht["inkoper"]) > len(bezocht["budgethouder"])


def test_the_login_page_is_accessible(page, live_server, axe_controle, transactional_db):
    page.goto(live_server.url + "/inloggen/")
    axe_controle(page)
