"""contract_overschreden: spend within the term exceeds the contract value incl. options."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "contract_overschreden"


@pytest.fixture
def contract(grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    return grootboek.contract(c, startdatum=date(2024, 2, 1), einddatum=date(2024, 11, 30), waarde="100000",
                              opties="20000", nummer="C-2024-01")


def test_spend_equal_to_the_value_with_options_is_no_signal(organisatie, grootboek, contract):
    grootboek.regel(contract.crediteur, "120000.00", boekdatum=date(2024, 5, 1))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_one_cent_over_the_value_with_options_is_a_signal(organisatie, grootboek, contract):
    grootboek.regel(contract.crediteur, "100000.00", boekdatum=date(2024, 2, 1))
    grootboek.regel(contract.crediteur, "20000.01", boekdatum=date(2024, 11, 30))
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("100001", Decimal("120000.01"), Decimal("120000.00"))
    assert s.sleutel == f"contract_overschreden:{contract.pk}"
    assert "C-2024-01" in s.toelichting


def test_spend_outside_the_term_does_not_count(organisatie, grootboek, contract):
    grootboek.regel(contract.crediteur, "110000.00", boekdatum=date(2024, 6, 1))
    grootboek.regel(contract.crediteur, "50000.00", boekdatum=date(2024, 1, 31))
    grootboek.regel(contract.crediteur, "50000.00", boekdatum=date(2024, 12, 1))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_spend_of_earlier_years_within_the_term_counts(organisatie, grootboek):
    c = grootboek.crediteur("100002")
    grootboek.contract(c, startdatum=date(2023, 1, 1), einddatum=date(2025, 12, 31), waarde="100000")
    grootboek.regel(c, "60000.00", boekdatum=date(2023, 6, 1))
    grootboek.regel(c, "40000.01", boekdatum=date(2024, 6, 1))
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.bedrag == Decimal("100000.01")
    # The year before it had not yet been exceeded.
    assert signalen_van(organisatie, jaar=2023, soort=SOORT) == []
