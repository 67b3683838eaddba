"""An inkoper, new to the application, records a completed European tender with two lots, MVOI
per lot, the contract with SROI, and finds it in the register and the inkoopkalender.
Every page on the way passes axe (WCAG 2.1 AA)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import menu_kiezen
from tests.conftest import WACHTWOORD


@pytest.fixture
def inkoper_enschede(transactional_db, maak_gebruiker):
    from inkoop.models import Organisatie
    from uitgaven.models import Crediteur

    org = Organisatie.objects.create(naam="Gemeente Enschede", slug="enschede")
    Crediteur.objects.create(organisatie=org, nummer="107166", naam="Kamphuis Grondwerken V.O.F.", regio="Regio Twente")
    return maak_gebruiker(org, "inkoper", naam="iris")


def _datum(dagen):
    return (timezone.localdate() + timedelta(days=dagen)).isoformat()


def test_an_inkoper_records_a_european_tender_with_two_lots_to_contract_and_calendar(
        inkoper_enschede, inloggen, axe_controle, live_server):
    page = inloggen("iris", WACHTWOORD)
    page.on("dialog", lambda dialog: dialog.accept())

    # A new traject, from the menu.
    menu_kiezen(page, "Contracten", "Trajecten")
    axe_controle(page)
    page.get_by_role("link", name="Nieuw traject").click()
    page.locator("#id_omschrijving").fill("Groot onderhoud asfaltwegen")
    page.locator("#id_procedure").select_option(label="Europees openbaar")
    page.locator("#id_soort").select_option(label="Werk")
    page.locator("#id_startdatum").fill(_datum(-200))
    page.locator("#id_geraamde_waarde").fill("6.000.000")
    page.locator("#id_gouden_aanbesteding").check()
    axe_controle(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("is vastgelegd").wait_for()
    traject_url = page.url

    # Two lots.
    for naam, waarde in [("Noord", "3.500.000"), ("Zuid", "2.500.000")]:
        page.get_by_text("Perceel toevoegen", exact=True).first.click()
        page.locator("#percelen #id_naam").fill(naam)
        page.locator("#percelen #id_geraamde_waarde").fill(waarde)
        page.locator("#percelen").get_by_role("button", name="Perceel toevoegen").click()
        page.get_by_text(re.compile(r"Perceel \d is toegevoegd")).wait_for()
    axe_controle(page)

    # MVOI per lot: a clear grid of themes × ways of application.
    for perceel in ("Perceel 1", "Perceel 2"):
        page.goto(traject_url)
        page.locator("#percelen").get_by_role("link", name=f"MVOI vastleggen voor {perceel.lower()}").click()
        page.get_by_label("Klimaat: Gunningscriterium").check()
        page.get_by_label("Circulair (inclusief biobased): Minimumeis").check()
        page.get_by_label("Social return: Contractvoorwaarde").check()
        page.get_by_label("Milieu (inclusief biodiversiteit): Minimumeis").check()
        # Forgetting a reason is explained, not lost.
        page.get_by_role("button", name="MVOI opslaan").click()
        page.get_by_text("is niet toegepast: geef de reden").first.wait_for()
        axe_controle(page)
        page.get_by_label("Ketenverantwoordelijkheid (internationale sociale voorwaarden): reden niet toegepast").fill(
            "Geen productie in risicolanden")
        page.get_by_label("Diversiteit en inclusie: reden niet toegepast").fill("Korte looptijd, weinig personeel")
        page.get_by_role("button", name="MVOI opslaan").click()
        page.get_by_text(f"MVOI vastgelegd voor {perceel.lower()}").wait_for()
    assert page.locator("#mvoi table abbr", has_text="G").count() == 2  # klimaat, per lot

    # Bids per lot and the award.
    for perceel, naam, crediteur, bedrag in [("1", "Kamphuis Grondwerken", "107166", "3.400.000"),
                                             ("2", "Wegenbouw Oost", "", "2.450.000")]:
        page.get_by_text("Inschrijving toevoegen", exact=True).first.click()
        page.locator("#inschrijvingen #id_naam").fill(naam)
        page.locator("#inschrijvingen #id_perceel").select_option(label=f"Perceel {perceel}: " + ("Noord" if perceel == "1" else "Zuid"))
        page.locator("#inschrijvingen #id_crediteur").fill(crediteur)
        page.locator("#inschrijvingen #id_bedrag").fill(bedrag)
        page.locator("#inschrijvingen").get_by_role("button", name="Inschrijving toevoegen").click()
        page.get_by_text("is vastgelegd").wait_for()
        page.locator("#inschrijvingen").get_by_role("button", name=f"Gunnen aan {naam}").click()
        page.get_by_text(f"Gegund aan {naam}").wait_for()

    # Running, then completed.
    for status, datum in [("Lopend", _datum(-150)), ("Afgerond", _datum(-30))]:
        page.locator("#id_status").select_option(label=status)
        page.locator("#id_datum").fill(datum)
        page.get_by_role("button", name="Status wijzigen").click()
        page.get_by_text(f"De status is nu ‘{status.lower()}’").wait_for()
    axe_controle(page)

    # The contract of lot 1, with SROI; the form is filled from the award.
    page.get_by_role("link", name="Contract vastleggen voor perceel 1").click()
    assert page.locator("#id_crediteur").input_value() == "107166"
    assert page.locator("#id_waarde_totaal").input_value() == "3.400.000"
    page.locator("#id_startdatum").fill(_datum(-20))
    page.locator("#id_einddatum").fill(_datum(300))
    page.locator("#id_verlengingen_aantal").fill("1")
    page.locator("#id_verlenging_maanden").fill("12")
    page.locator("#id_sroi_percentage").fill("5")
    axe_controle(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("is vastgelegd").wait_for()
    inhoud = page.locator("#sroi").inner_text()
    assert "€\u00a0170.000" in inhoud and "Te realiseren" in inhoud
    axe_controle(page)

    # In the register ...
    menu_kiezen(page, "Contracten", "Contractregister")
    page.get_by_role("searchbox", name="Zoeken").fill("asfalt")
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_role("cell", name=re.compile("Groot onderhoud asfaltwegen – perceel 1")).is_visible()
    axe_controle(page)

    # ... and in the inkoopkalender: the decision on the extension and, later, the end.
    menu_kiezen(page, "Contracten", "Inkoopkalender")
    kalender = page.locator("main").inner_text()
    assert "Beslissen over verlenging" in kalender and "Groot onderhoud asfaltwegen" in kalender
    axe_controle(page)
    page.get_by_role("link", name="Abonneren in Outlook of een andere agenda").click()
    page.get_by_role("button", name="Abonnementslink maken").click()
    ical = page.locator("#ical-url").input_value()
    assert "/contracten/kalender/ical/" in ical
    axe_controle(page)
    antwoord = page.request.get(ical)
    assert antwoord.status == 200 and b"BEGIN:VEVENT" in antwoord.body()
