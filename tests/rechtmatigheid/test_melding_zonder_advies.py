"""melding_zonder_advies: a submitted melding waits longer than the norm in working days."""

from datetime import date
from decimal import Decimal

import pytest

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "melding_zonder_advies"


def test_a_melding_waiting_exactly_the_norm_is_no_signal(organisatie, grootboek, budgethouder):
    # Submitted on Monday 4 March 2024; ten working days later is Monday 18 March.
    grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 4), waarde="40000")
    assert signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 3, 18)) == []


def test_a_melding_waiting_one_working_day_longer_is_a_signal(organisatie, grootboek, budgethouder):
    m = grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 4), waarde="40000")
    [s] = signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 3, 19))
    assert (s.crediteurnummer, s.bedrag, s.drempel) == ("", Decimal("40000.00"), None)
    assert s.sleutel == f"melding_zonder_advies:{m.pk}"
    assert "11 werkdagen" in s.toelichting


def test_weekends_and_public_holidays_are_not_working_days(organisatie, grootboek, budgethouder):
    # Thursday 28 March 2024: Good Friday 29 March and Easter Monday 1 April do not count.
    grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 28), waarde="40000")
    assert signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 4, 15)) == []
    assert len(signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 4, 16))) == 1


def test_a_melding_with_an_advice_is_no_signal(organisatie, grootboek, budgethouder):
    grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 4), waarde="40000", status="advies_uitgebracht")
    grootboek.melding(budgethouder, ingediend_op=None, waarde="40000", status="concept")
    assert signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 12, 31)) == []


def test_a_melding_in_behandeling_still_waits(organisatie, grootboek, budgethouder):
    grootboek.melding(budgethouder, ingediend_op=date(2024, 3, 4), waarde="40000", status="in_behandeling")
    assert len(signalen_van(organisatie, soort=SOORT, peildatum=date(2024, 12, 31))) == 1
