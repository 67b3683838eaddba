"""procedure_te_licht: a contract awarded with a lighter procedure than its value required on the
award date, with spend in the year; recurring every year (doorloop) unless judged a lawful
exception (interfaces.md §5; Aw 2012 deel 2, policy bands adviesregels.md P-10/P-11)."""

from datetime import date
from decimal import Decimal

import pytest

from rechtmatigheid.models import Signaal

from .conftest import signalen_van

pytestmark = pytest.mark.django_db
SOORT = "procedure_te_licht"


def _contract(grootboek, *, procedure, waarde, soort="dienst", gunning=date(2024, 1, 15), pakket_soort=None):
    pakket = grootboek.pakket("08.04" if soort == "werk" else "03.04", soort=pakket_soort or soort)
    c = grootboek.crediteur("100001", pakket, naam="Rioolbouw Oost B.V.")
    contract = grootboek.contract(c, startdatum=date(2024, 2, 1), einddatum=date(2027, 1, 31), waarde=waarde,
                                  procedure=procedure, gunningsdatum=gunning, soort=soort, nummer="C-1")
    grootboek.regel(c, "12000.00", boekdatum=date(2024, 3, 1))
    grootboek.regel(c, "500.00", boekdatum=date(2024, 1, 10))  # before the term: not under the contract
    return contract


def test_a_single_quote_from_the_band_is_a_signal_of_own_policy(organisatie, grootboek):
    _contract(grootboek, procedure="enkelvoudig", waarde="30000")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.bedrag, s.drempel, s.kader, s.details["contractnummer"]) == (
        Decimal("12000.00"), Decimal("30000.00"), "eigen_beleid", "C-1")
    assert s.details["doorloop"] is False


def test_a_single_quote_one_cent_under_the_band_is_lawful(organisatie, grootboek):
    _contract(grootboek, procedure="enkelvoudig", waarde="29999.99")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_meervoudig_onderhands_at_the_eu_threshold_breaks_the_law(organisatie, grootboek):
    _contract(grootboek, procedure="meervoudig_onderhands", waarde="221000")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.drempel, s.kader) == (Decimal("221000.00"), "europees")
    assert "Europese aanbesteding" in s.reden


def test_works_need_nationaal_openbaar_from_the_national_band(organisatie, grootboek):
    _contract(grootboek, procedure="meervoudig_onderhands", waarde="4000000", soort="werk")
    [s] = signalen_van(organisatie, soort=SOORT)
    assert (s.drempel, s.kader) == (Decimal("1500000.00"), "eigen_beleid")


def test_a_lawful_procedure_for_works_is_no_signal(organisatie, grootboek):
    _contract(grootboek, procedure="nationaal_openbaar", waarde="4000000", soort="werk")
    assert signalen_van(organisatie, soort=SOORT) == []


def test_an_award_in_an_earlier_year_recurs_as_doorloop(organisatie, grootboek):
    _contract(grootboek, procedure="meervoudig_onderhands", waarde="400000", gunning=date(2022, 12, 1))
    [s] = signalen_van(organisatie, soort=SOORT)
    assert s.details["doorloop"] is True and "doorloop" in s.reden


def test_a_lawful_exception_recorded_in_an_earlier_year_ends_the_doorloop(organisatie, grootboek):
    c = _contract(grootboek, procedure="meervoudig_onderhands", waarde="400000", gunning=date(2022, 12, 1))
    c.startdatum = date(2023, 1, 1)
    c.save()
    grootboek.regel(c.crediteur, "5000.00", boekdatum=date(2023, 5, 1))
    [vorig] = signalen_van(organisatie, jaar=2023, soort=SOORT)
    Signaal.objects.filter(pk=vorig.pk).update(beoordeling="onterecht",
                                               beoordeling_toelichting="Dwingende spoed, art. 2.32 Aw 2012.")
    assert signalen_van(organisatie, soort=SOORT) == []
