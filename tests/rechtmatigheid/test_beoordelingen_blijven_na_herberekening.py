"""An assessment belongs to the signal's key, so a recomputation never loses it."""

from decimal import Decimal

import pytest

from rechtmatigheid.models import Signaal
from rechtmatigheid.services import signaal_beoordelen

from .conftest import signalen_van

pytestmark = pytest.mark.django_db


def test_an_assessment_survives_a_recompute_with_new_figures(organisatie, grootboek, controller):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "16000.00")
    [s] = signalen_van(organisatie, soort="leverancier_zonder_pakket")
    signaal_beoordelen(signaal=s, beoordeling="onterecht", toelichting="Eenmalige schadevergoeding.", door=controller)

    grootboek.regel(c, "4000.00")
    [opnieuw] = signalen_van(organisatie, soort="leverancier_zonder_pakket")
    assert opnieuw.pk == s.pk
    assert opnieuw.bedrag == Decimal("20000.00")
    assert (opnieuw.beoordeling, opnieuw.beoordeling_toelichting) == ("onterecht", "Eenmalige schadevergoeding.")
    assert opnieuw.beoordeeld_door == controller and opnieuw.beoordeeld_op is not None


def test_a_signal_that_disappears_is_kept_as_vervallen_with_its_assessment(organisatie, grootboek, controller):
    c = grootboek.crediteur("100001", None)
    grootboek.regel(c, "16000.00")
    [s] = signalen_van(organisatie, soort="leverancier_zonder_pakket")
    signaal_beoordelen(signaal=s, beoordeling="terecht", toelichting="", door=controller)

    c.inkooppakket = grootboek.pakket()
    c.save()
    assert signalen_van(organisatie, soort="leverancier_zonder_pakket") == []
    s.refresh_from_db()
    assert (s.actueel, s.beoordeling) == (False, "terecht")

    c.inkooppakket = None
    c.save()
    [terug] = signalen_van(organisatie, soort="leverancier_zonder_pakket")
    assert (terug.pk, terug.actueel, terug.beoordeling) == (s.pk, True, "terecht")


def test_recomputing_twice_creates_no_duplicates(organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100001", None), "50000.00")
    eerste = signalen_van(organisatie)
    tweede = signalen_van(organisatie)
    assert [s.pk for s in eerste] == [s.pk for s in tweede]
    assert Signaal.objects.filter(organisatie=organisatie).count() == len(eerste) == 2
