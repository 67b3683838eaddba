"""contract_verlopen: spend with a crediteur after the end of its last contract, no successor."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "contract_verlopen"


@pytest.fixture
def crediteur(grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    grootboek.contract(c, startdatum=date(2022, 7, 1), einddatum=date(2024, 6, 30), waarde="500000")
    return c


def test_spend_on_the_last_day_of_the_contract_is_no_signal(organisatie, grootboek, crediteur):
    grootboek.regel(crediteur, "5000.00", boekdatum=date(2024, 6, 30))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_spend_the_day_after_the_end_is_a_signal(organisatie, grootboek, crediteur):
    grootboek.regel(crediteur, "5000.00", boekdatum=date(2024, 6, 30))
    grootboek.regel(crediteur, "1234.56", boekdatum=date(2024, 7, 1))
    grootboek.regel(crediteur, "100.00", boekdatum=date(2024, 12, 1))
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("100001", Decimal("1334.56"), None)
    assert "30-06-2024" in s.toelichting


def test_a_successor_contract_prevents_the_signal(organisatie, grootboek, crediteur):
    grootboek.contract(crediteur, startdatum=date(2024, 7, 1), einddatum=date(2026, 6, 30), waarde="500000")
    grootboek.regel(crediteur, "5000.00", boekdatum=date(2024, 9, 1))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_contract_without_end_date_never_runs_out(organisatie, grootboek, crediteur):
    grootboek.contract(crediteur, startdatum=date(2020, 1, 1), einddatum=None, waarde="500000")
    grootboek.regel(crediteur, "5000.00", boekdatum=date(2024, 9, 1))
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_crediteur_that_never_had_a_contract_is_not_this_signal(organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100009"), "5000.00")
    assert signalen_van(organisatie, soort=SOORT) == []
