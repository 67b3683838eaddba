"""eu_drempel_pakket: the spend in one inkooppakket with crediteuren without a European contract
reaches the EU threshold in force on 1 January (interfaces.md §5; Directive 2014/24/EU art. 5(11),
Aw 2012 art. 2.19)."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "eu_drempel_pakket"


def _pakket_met(grootboek, code, soort, bedragen):
    pakket = grootboek.pakket(code, soort=soort, naam="Inhuur")
    crediteuren = []
    for i, bedrag in enumerate(bedragen, start=1):
        c = grootboek.crediteur(f"{code[:2]}{i:04d}", pakket)
        grootboek.regel(c, bedrag)
        crediteuren.append(c)
    return pakket, crediteuren


def test_a_pakket_reaching_the_eu_threshold_without_european_contracts_is_a_signal(organisatie, grootboek):
    _pakket_met(grootboek, "04.02", "dienst", ["100000.00", "100000.00", "21000.00"])
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.bedrag, s.drempel, s.kader, s.details["pakket"]) == (
        Decimal("221000.00"), Decimal("221000.00"), "europees", "04.02")
    assert s.details["fout"] == {"040001": "100000.00", "040002": "100000.00", "040003": "21000.00"}
    assert "3 leveranciers in Inhuur" in s.reden


def test_one_cent_under_the_eu_threshold_is_no_signal(organisatie, grootboek):
    _pakket_met(grootboek, "04.02", "dienst", ["100000.00", "100000.00", "20999.99"])
    assert signalen_van(organisatie, soort=SOORT) == []


def test_an_eu_contract_covering_the_pakket_takes_its_crediteur_out(organisatie, grootboek):
    _pakket, [a, _b, _c] = _pakket_met(grootboek, "04.02", "dienst", ["100000.00", "100000.00", "21000.00"])
    grootboek.contract(a, startdatum=date(2023, 1, 1), einddatum=date(2026, 12, 31), waarde="500000",
                       procedure="europees_openbaar", soort="dienst")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_non_european_contract_does_not_take_its_crediteur_out(organisatie, grootboek):
    _pakket, [a, _b, _c] = _pakket_met(grootboek, "04.02", "dienst", ["100000.00", "100000.00", "21000.00"])
    grootboek.contract(a, startdatum=date(2023, 1, 1), einddatum=date(2026, 12, 31), waarde="150000",
                       procedure="meervoudig_onderhands", soort="dienst")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.bedrag == Decimal("221000.00")


def test_a_works_pakket_is_measured_against_the_works_threshold(organisatie, grootboek):
    _pakket_met(grootboek, "08.04", "werk", ["1000000.00", "1000000.00"])
    assert signalen_van(organisatie, soort=SOORT) == []
