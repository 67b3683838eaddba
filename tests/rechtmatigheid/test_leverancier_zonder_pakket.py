"""leverancier_zonder_pakket: spend of 15.000 or more with a crediteur without inkooppakket."""

from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "leverancier_zonder_pakket"


def test_spend_of_exactly_15000_without_pakket_is_a_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "15000.00")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("100001", Decimal("15000.00"), Decimal("15000.00"))
    assert "inkooppakket" in s.toelichting


def test_spend_one_cent_below_15000_is_no_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "14999.99")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_a_classified_crediteur_is_no_signal(organisatie, grootboek):
    c = grootboek.crediteur("100001", grootboek.pakket())
    grootboek.regel(c, "20000.00")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_credit_notes_lower_the_spend(organisatie, grootboek):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "16000.00")
    grootboek.regel(c, "-1000.01")
    assert signalen_van(organisatie, soort=SOORT) == []
