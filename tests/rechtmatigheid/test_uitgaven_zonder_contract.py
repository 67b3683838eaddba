"""uitgaven_zonder_contract: spend from the multiple-quote band without a contract (interfaces.md §5)."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "uitgaven_zonder_contract"


def test_spend_of_exactly_30000_for_services_is_a_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket("05.01", soort="dienst"))
    grootboek.regel(c, "10000.00")
    grootboek.regel(c, "20000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("100001", Decimal("30000.00"), Decimal("30000.00"))
    assert "meer dan één offerte" in s.toelichting


def test_spend_one_cent_below_30000_is_no_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket("05.01", soort="levering"))
    grootboek.regel(c, "29999.99")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_works_use_the_band_of_50000(organisatie, grootboek):
    werk = grootboek.pakket("07.01", soort="werk")
    onder = grootboek.crediteur("100001", werk)
    grootboek.regel(onder, "49999.99")
    op = grootboek.crediteur("100002", werk)
    grootboek.regel(op, "50000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.drempel) == ("100002", Decimal("50000.00"))


def test_a_crediteur_without_pakket_counts_as_leveringen_en_diensten(organisatie, grootboek):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "30000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.drempel == Decimal("30000.00")


def test_a_contract_covering_part_of_the_year_prevents_the_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    grootboek.regel(c, "80000.00")
    grootboek.contract(c, startdatum=date(2022, 1, 1), einddatum=date(2024, 1, 1), waarde="500000")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_contract_that_ended_the_year_before_does_not_cover_the_spend(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    grootboek.regel(c, "80000.00")
    grootboek.contract(c, startdatum=date(2021, 1, 1), einddatum=date(2023, 12, 31), waarde="500000")
    grootboek.contract(c, startdatum=date(2025, 1, 1), einddatum=date(2026, 12, 31), waarde="500000")
    assert [s.crediteurnummer for s in signalen_van(organisatie, soort=SOORT)] == ["100001"]


def test_spend_of_another_year_does_not_count(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    grootboek.regel(c, "20000.00", boekdatum=date(2024, 12, 31))
    grootboek.regel(c, "20000.00", boekdatum=date(2023, 12, 31))
    assert signalen_van(organisatie, soort=SOORT) == []
