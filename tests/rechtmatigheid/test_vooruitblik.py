"""Preventive: a pakket heading over the EU threshold this year, a supplier heading over the band
without a contract, and a contract ending within the lead time of its successor's procedure
without a successor contract or melding."""

from datetime import date

import pytest
from django.urls import reverse

from rechtmatigheid.vooruitblik import aflopende_contracten, prognoses

pytestmark = pytest.mark.django_db


def test_a_pakket_on_its_way_over_the_eu_threshold_is_shown_and_one_that_is_not_is_not(organisatie, grootboek):
    snel = grootboek.pakket("04.02", soort="dienst", naam="Inhuur")
    traag = grootboek.pakket("04.03", soort="dienst", naam="Uitzendkrachten")
    for i in range(4):  # 4 x 28.000 by 30 June: 112.000, on course for about 226.000
        grootboek.regel(grootboek.crediteur(f"1000{i}", snel), "28000.00", boekdatum=date(2025, 6, 30))
    grootboek.regel(grootboek.crediteur("20000", traag), "14000.00", boekdatum=date(2025, 6, 30))
    grootboek.regel(grootboek.crediteur("20001", traag), "30000.00", boekdatum=date(2025, 6, 30))
    lijst = prognoses(organisatie=organisatie, peildatum=date(2025, 7, 1))
    assert [p.onderwerp for p in lijst if p.soort == "pakket"] == ["04.02 Inhuur"]
    # Each Inhuur supplier heads for about 56.000 without a contract, over the 30.000 band; 14.000
    # heads for 28.000 (under it); 30.000 is over it already (a signal, not a forecast).
    assert {p.onderwerp for p in lijst if p.soort == "crediteur"} == {f"Leverancier 1000{i}" for i in range(4)}


def test_a_contract_ending_within_its_successors_lead_time_is_shown_until_a_melding_names_it(
        organisatie, grootboek, budgethouder):
    c = grootboek.crediteur("100001", grootboek.pakket("07.04", soort="dienst"))
    grootboek.contract(c, startdatum=date(2022, 1, 1), einddatum=date(2025, 12, 31), waarde="900000",
                       procedure="europees_openbaar", soort="dienst", nummer="C-SCHOON")
    grootboek.contract(c, startdatum=date(2022, 1, 1), einddatum=date(2027, 12, 31), waarde="900000",
                       procedure="europees_openbaar", soort="dienst", nummer="C-LATER")
    [a] = aflopende_contracten(organisatie=organisatie, peildatum=date(2025, 3, 1))
    assert (a.nummer, a.doorlooptijd_maanden, a.melden_uiterlijk, a.te_laat) == ("C-SCHOON", 9, date(2025, 3, 31),
                                                                                 False)
    assert aflopende_contracten(organisatie=organisatie, peildatum=date(2025, 4, 1))[0].te_laat is True
    grootboek.melding(budgethouder, ingediend_op=date(2025, 2, 1), waarde="900000",
                      bestaand_contract="C-SCHOON schoonmaak", bestaand_contract_einddatum=date(2025, 12, 31))
    assert aflopende_contracten(organisatie=organisatie, peildatum=date(2025, 3, 1)) == []


def test_a_successor_contract_ends_the_warning(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket("07.04", soort="dienst"))
    oud = grootboek.contract(c, startdatum=date(2022, 1, 1), einddatum=date(2025, 12, 31), waarde="25000",
                             procedure="enkelvoudig", soort="dienst", nummer="C-OUD")
    assert len(aflopende_contracten(organisatie=organisatie, peildatum=date(2025, 11, 1))) == 1
    grootboek.contract(c, startdatum=date(2026, 1, 1), einddatum=date(2027, 12, 31), waarde="25000",
                       procedure="enkelvoudig", soort="dienst", nummer="C-NIEUW", opvolger_van=oud)
    assert aflopende_contracten(organisatie=organisatie, peildatum=date(2025, 11, 1)) == []


def test_the_budget_holder_sees_the_page_and_the_controller_too(client_als):
    assert client_als("budgethouder").get(reverse("rechtmatigheid:vooruitblik")).status_code == 200
