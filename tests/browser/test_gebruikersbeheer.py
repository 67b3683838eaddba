"""The beheerder invites a colleague; the colleague chooses a password and works with the given
role. axe-core on every page on the way, and the focus is visible on every field."""

import re

from django.core import mail
from playwright.sync_api import expect

from inkoop.models import Organisatie, Rol
from inkoop.services import gebruiker_met_rol

WACHTWOORD = "geheim-wachtwoord-123"
NIEUW = "Lente-in-Testdorp-2026!"


def _eerste_na_skiplink(page) -> str:
    """The text of the first element the keyboard reaches after "Naar de inhoud"."""
    page.locator("body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return page.evaluate("document.activeElement.textContent.trim()")


def _focus_zichtbaar(page, selector):
    """Every field matched gets a visible outline when it has the keyboard focus (WCAG 2.4.7)."""
    velden = page.locator(selector)
    assert velden.count(), selector
    for i in range(velden.count()):
        veld = velden.nth(i)
        veld.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        stijl = veld.evaluate("e => [document.activeElement === e, getComputedStyle(e).outlineStyle, "
                              "getComputedStyle(e).outlineWidth]")
        assert stijl[0] and stijl[1] != "none" and stijl[2] != "0px", (selector, i, stijl)


def test_the_beheerder_invites_a_colleague_who_logs_in_with_the_given_role(
        transactional_db, page, live_server, inloggen, axe_controle):
    org = Organisatie.objects.create(naam="Gemeente Testdorp", slug="testdorp")
    gebruiker_met_rol(organisatie=org, gebruikersnaam="bas", rol=Rol.BEHEERDER, wachtwoord=WACHTWOORD,
                      voornaam="Bas", achternaam="Beheerder", email="bas@testdorp.example")
    inloggen("bas", WACHTWOORD)

    page.locator("#menu").get_by_role("button", name="Beheer").click()
    page.locator("#menu").get_by_role("link", name="Gebruikers", exact=True).click()
    expect(page.get_by_role("heading", name="Gebruikers en rollen")).to_be_visible()
    axe_controle(page)
    # The primary action comes first in the page's content: skip link, then straight to it.
    assert _eerste_na_skiplink(page) == "Collega uitnodigen"

    page.get_by_role("link", name="Collega uitnodigen").click()
    axe_controle(page)
    _focus_zichtbaar(page, "main input:not([type=hidden]), main select, main button")
    page.get_by_role("button", name="Uitnodiging versturen").click()  # empty: the errors, all at once
    expect(page.get_by_text("Niet verstuurd. Verbeter de gemarkeerde velden.")).to_be_visible()
    axe_controle(page)
    page.get_by_label("E-mailadres").fill("an.jansen@testdorp.example")
    page.get_by_label("Voornaam").fill("An")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_label("Rol").select_option(label="Budgethouder")
    page.get_by_label("Afdeling").fill("Wegen")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Uitnodiging verstuurd naar an.jansen@testdorp.example.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("An Jansen"))).to_contain_text("uitgenodigd")
    axe_controle(page)

    page.get_by_role("link", name="Historie van rollen").click()
    expect(page.get_by_role("row", name=re.compile("An Jansen"))).to_contain_text("toegekend")
    axe_controle(page)
    page.get_by_role("link", name="Organisatie", exact=True).last.click()
    expect(page.get_by_role("heading", name="Gegevens van de organisatie")).to_be_visible()
    axe_controle(page)
    _focus_zichtbaar(page, "main input:not([type=hidden]), main textarea")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="U bent uitgelogd")).to_be_visible()
    axe_controle(page)

    [bericht] = mail.outbox
    link = re.search(r"https?://\S+(/wachtwoord-instellen/\S+/)", bericht.body).group(1)
    page.goto(live_server.url + link)
    expect(page.get_by_role("heading", name="Wachtwoord kiezen")).to_be_visible()
    axe_controle(page)
    page.locator("#id_new_password1").fill(NIEUW)
    page.get_by_label("Nieuw wachtwoord bevestigen").fill(NIEUW)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.get_by_text("Uw wachtwoord is ingesteld.")).to_be_visible()

    inloggen("an.jansen@testdorp.example", NIEUW)
    expect(page.locator("header")).to_contain_text("Budgethouder")
    expect(page.locator("#menu")).not_to_contain_text("Gebruikers")
    axe_controle(page)


def test_the_new_public_and_error_pages_are_accessible(transactional_db, page, live_server, inloggen, axe_controle):
    org = Organisatie.objects.create(naam="Gemeente Testdorp", slug="testdorp")
    gebruiker_met_rol(organisatie=org, gebruikersnaam="iris", rol=Rol.INKOPER, wachtwoord=WACHTWOORD)
    page.goto(live_server.url + "/toegankelijkheid/")
    expect(page.get_by_role("heading", name="Toegankelijkheidsverklaring")).to_be_visible()
    axe_controle(page)
    page.goto(live_server.url + "/uitgelogd/")
    axe_controle(page)
    inloggen("iris", WACHTWOORD)
    assert page.goto(live_server.url + "/bestaat-niet/").status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    axe_controle(page)
    assert page.goto(live_server.url + "/gebruikers/").status == 403
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
    axe_controle(page)
    page.get_by_role("link", name="Naar de startpagina").click()
    assert page.url.rstrip("/") == live_server.url
    for pad, actie in [("/contracten/register/", "Nieuw contract"), ("/contracten/trajecten/", "Nieuw traject")]:
        page.goto(live_server.url + pad)
        assert _eerste_na_skiplink(page) == actie, pad
    page.goto(live_server.url + "/contracten/kalender/?zoek=niets")
    axe_controle(page)
    _focus_zichtbaar(page, "main input:not([type=hidden]), main button")
