"""mogelijke_splitsing: several crediteuren, meldingen or contracts of one pakket, each below a
band, together at or over it (interfaces.md §5; Aw 2012 art. 1.5)."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "mogelijke_splitsing"


def test_two_crediteuren_of_one_pakket_that_together_reach_the_band_are_a_signal(organisatie, grootboek):
    pakket = grootboek.pakket("03.02", soort="dienst", naam="Schoonmaak")
    grootboek.regel(grootboek.crediteur("100001", pakket), "15000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket), "15000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("", Decimal("30000.00"), Decimal("30000.00"))
    assert s.sleutel == "mogelijke_splitsing:crediteuren:03.02"
    assert "2 crediteuren" in s.toelichting and "Schoonmaak" in s.toelichting


def test_together_one_cent_below_the_band_is_no_signal(organisatie, grootboek):
    pakket = grootboek.pakket("03.02")
    grootboek.regel(grootboek.crediteur("100001", pakket), "15000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket), "14999.99")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_single_crediteur_is_no_splitting(organisatie, grootboek):
    pakket = grootboek.pakket("03.02")
    c = grootboek.crediteur("100001", pakket)
    grootboek.regel(c, "20000.00")
    grootboek.regel(c, "20000.00")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_crediteur_already_over_the_band_does_not_count_towards_it(organisatie, grootboek):
    pakket = grootboek.pakket("03.02")
    grootboek.regel(grootboek.crediteur("100001", pakket), "35000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket), "20000.00")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_crediteuren_of_different_pakketten_are_not_added_up(organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100001", grootboek.pakket("03.01")), "20000.00")
    grootboek.regel(grootboek.crediteur("100002", grootboek.pakket("03.02")), "20000.00")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_the_highest_band_crossed_is_reported(organisatie, grootboek):
    pakket = grootboek.pakket("03.02", soort="levering")
    for i in range(9):
        grootboek.regel(grootboek.crediteur(f"10000{i}", pakket), "25000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.bedrag, s.drempel) == (Decimal("225000.00"), Decimal("221000.00"))


def test_works_are_measured_against_the_works_bands(organisatie, grootboek):
    pakket = grootboek.pakket("07.01", soort="werk")
    grootboek.regel(grootboek.crediteur("100001", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket), "24999.99")
    assert signalen_van(organisatie, soort=SOORT) == []
    grootboek.regel(grootboek.crediteur("100003", pakket), "0.01")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.drempel == Decimal("50000.00")


def test_meldingen_of_one_pakket_that_together_reach_the_band_are_a_signal(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("06.01", soort="dienst")
    grootboek.melding(budgethouder, ingediend_op=date(2024, 2, 1), waarde="26000", pakket=pakket)
    grootboek.melding(budgethouder, ingediend_op=date(2024, 9, 1), waarde="27000", pakket=pakket)
    # Concepts and meldingen of another year do not count.
    grootboek.melding(budgethouder, ingediend_op=None, waarde="28000", pakket=pakket, status="concept")
    grootboek.melding(budgethouder, ingediend_op=date(2023, 9, 1), waarde="29000", pakket=pakket)
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.sleutel == "mogelijke_splitsing:meldingen:06.01"
    assert (s.bedrag, s.drempel) == (Decimal("53000.00"), Decimal("30000.00"))


def test_contracts_of_one_pakket_that_together_reach_the_band_are_a_signal(organisatie, grootboek):
    pakket = grootboek.pakket("08.01", soort="levering")
    a = grootboek.crediteur("100001")
    b = grootboek.crediteur("100002")
    grootboek.contract(a, startdatum=date(2024, 1, 1), einddatum=date(2024, 12, 31), waarde="20000", pakket=pakket)
    grootboek.contract(b, startdatum=date(2024, 6, 1), einddatum=date(2024, 12, 31), waarde="9000",
                       opties="1000", pakket=pakket)
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.sleutel == "mogelijke_splitsing:contracten:08.01"
    assert (s.bedrag, s.drempel) == (Decimal("30000.00"), Decimal("30000.00"))
