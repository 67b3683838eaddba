"""mogelijke_splitsing: meldingen or contracts in one inkooppakket for one kostenplaats, starting
within twelve months, each below a band, together at or over it (interfaces.md §5; Aw 2012
art. 1.5 and 2.15). One signal per pakket and kostenplaats."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "mogelijke_splitsing"


def _twee(grootboek, budgethouder, pakket, a, b, *, kostenplaats=None, tweede_op=date(2024, 5, 1)):
    kp = kostenplaats or grootboek.kostenplaats
    grootboek.melding(budgethouder, ingediend_op=date(2024, 2, 1), waarde=a, pakket=pakket, kostenplaats=kp,
                      gewenste_startdatum=date(2024, 3, 1))
    grootboek.melding(budgethouder, ingediend_op=date(2024, 4, 1), waarde=b, pakket=pakket, kostenplaats=kp,
                      gewenste_startdatum=tweede_op)


def test_two_meldingen_of_one_pakket_and_kostenplaats_that_reach_the_band_are_a_signal(organisatie, grootboek,
                                                                                       budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst", naam="Schoonmaak")
    _twee(grootboek, budgethouder, pakket, "15000", "15000")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.bedrag, s.drempel, s.kader) == (Decimal("30000.00"), Decimal("30000.00"), "eigen_beleid")
    assert s.sleutel == "mogelijke_splitsing:07.04:KP01"
    assert "Schoonmaak" in s.reden and "KP01" in s.reden


def test_one_cent_under_the_band_together_is_no_signal(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst")
    _twee(grootboek, budgethouder, pakket, "15000", "14999.99")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_works_pakket_at_45000_is_below_the_works_band(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("08.04", soort="werk")
    _twee(grootboek, budgethouder, pakket, "20000", "25000")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_works_pakket_reaching_50000_is_a_signal(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("08.04", soort="werk")
    _twee(grootboek, budgethouder, pakket, "25000", "25000")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.drempel == Decimal("50000.00")


def test_different_kostenplaatsen_are_not_added_up(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst")
    kp2 = grootboek.kostenplaats_("KP02")
    grootboek.melding(budgethouder, ingediend_op=date(2024, 2, 1), waarde="15000", pakket=pakket,
                      kostenplaats=grootboek.kostenplaats)
    grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 1), waarde="15000", pakket=pakket, kostenplaats=kp2)
    assert signalen_van(organisatie, soort=SOORT) == []


def test_starts_more_than_twelve_months_apart_are_not_added_up(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst")
    kp = grootboek.kostenplaats
    grootboek.melding(budgethouder, ingediend_op=date(2023, 1, 2), waarde="15000", pakket=pakket, kostenplaats=kp,
                      gewenste_startdatum=date(2023, 2, 1))
    grootboek.melding(budgethouder, ingediend_op=date(2024, 1, 10), waarde="15000", pakket=pakket,
                      kostenplaats=kp, gewenste_startdatum=date(2024, 3, 1))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_melding_already_over_the_band_does_not_count_towards_it(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst")
    _twee(grootboek, budgethouder, pakket, "29000", "31000")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_the_highest_band_crossed_is_reported_and_european_when_it_is_the_eu_threshold(
        organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("03.04", soort="dienst")
    _twee(grootboek, budgethouder, pakket, "120000", "110000")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.drempel, s.kader) == (Decimal("221000.00"), "europees")


def test_contracts_from_meldingen_count_once_with_their_kostenplaats(organisatie, grootboek, budgethouder):
    pakket = grootboek.pakket("07.04", soort="dienst")
    m1 = grootboek.melding(budgethouder, ingediend_op=date(2024, 1, 5), waarde="14000", pakket=pakket,
                           kostenplaats=grootboek.kostenplaats)
    m2 = grootboek.melding(budgethouder, ingediend_op=date(2024, 2, 5), waarde="14000", pakket=pakket,
                           kostenplaats=grootboek.kostenplaats)
    a, b = grootboek.crediteur("100001", pakket), grootboek.crediteur("100002", pakket)
    grootboek.contract(a, startdatum=date(2024, 3, 1), einddatum=date(2024, 12, 31), waarde="16000",
                       pakket=pakket, melding=m1)
    grootboek.contract(b, startdatum=date(2024, 6, 1), einddatum=date(2024, 12, 31), waarde="14000",
                       pakket=pakket, melding=m2)
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.bedrag == Decimal("30000.00")
    assert s.details["aantal"] == 2
