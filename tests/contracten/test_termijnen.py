"""Contract terms: the decision date for an extension, using or refusing an option, the calendar."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from contracten import services
from contracten.datums import plus_maanden
from contracten.selectors import achterstallige_beslissingen, kalender_items, kalender_maanden

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("start", "maanden", "verwacht"), [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),  # clamped to the end of a shorter month
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
    (date(2025, 12, 31), -3, date(2025, 9, 30)),  # back, for a decision date
    (date(2025, 11, 15), 14, date(2027, 1, 15)),  # across a year
])
def test_months_are_added_as_calendar_months(start, maanden, verwacht):
    assert plus_maanden(start, maanden) == verwacht


def _contract(organisatie, inkoper, **kw):
    velden = {"omschrijving": "Schoonmaak", "crediteur": f.crediteur(organisatie), "waarde_totaal": Decimal("300000"),
              "startdatum": date(2024, 1, 1), "einddatum": date(2026, 12, 31), "verlengingen_aantal": 2,
              "verlenging_maanden": 12, "beslistermijn_maanden": 6}
    velden.update(kw)
    return services.contract_registreren(organisatie=organisatie, door=inkoper, **velden)


def test_the_decision_date_lies_the_decision_term_before_the_end(organisatie, inkoper):
    c = _contract(organisatie, inkoper)
    assert c.beslisdatum == date(2026, 6, 30)
    assert c.einddatum_uiterlijk == date(2028, 12, 31)


def test_using_an_option_moves_the_end_and_the_next_decision_date(organisatie, inkoper):
    c = services.verlenging_benutten(contract=_contract(organisatie, inkoper), door=inkoper)
    assert (c.einddatum, c.verlengingen_benut, c.beslisdatum) == (date(2027, 12, 31), 1, date(2027, 6, 30))
    c = services.verlenging_benutten(contract=c, door=inkoper)
    assert (c.einddatum, c.beslisdatum, c.einddatum_uiterlijk) == (date(2028, 12, 31), None, date(2028, 12, 31))
    with pytest.raises(ValidationError, match="geen verlengingsoptie meer"):
        services.verlenging_benutten(contract=c, door=inkoper)


def test_deciding_not_to_extend_removes_the_decision_date(organisatie, inkoper):
    c = services.niet_verlengen(contract=_contract(organisatie, inkoper), door=inkoper)
    assert c.niet_verlengen and c.beslisdatum is None
    assert c.einddatum_uiterlijk == date(2026, 12, 31)


def test_a_contract_without_options_has_no_decision_date(organisatie, inkoper):
    c = _contract(organisatie, inkoper, verlengingen_aantal=0, verlenging_maanden=0)
    assert c.beslisdatum is None and c.einddatum_uiterlijk == date(2026, 12, 31)


def test_an_indefinite_contract_has_no_deadlines(organisatie, inkoper):
    c = _contract(organisatie, inkoper, einddatum=None, verlengingen_aantal=0, verlenging_maanden=0)
    assert c.beslisdatum is None and c.einddatum_uiterlijk is None


@pytest.mark.parametrize(("velden", "veld"), [
    ({"einddatum": date(2023, 12, 31)}, "einddatum"),
    ({"verlenging_maanden": 0}, "verlenging_maanden"),
    ({"crediteur": None}, "crediteur"),
])
def test_inconsistent_terms_are_refused_with_a_dutch_reason(organisatie, inkoper, velden, veld):
    with pytest.raises(ValidationError) as fout:
        _contract(organisatie, inkoper, **velden)
    assert veld in fout.value.message_dict


def test_the_calendar_lists_decisions_and_ends_in_the_period(organisatie, inkoper):
    c = _contract(organisatie, inkoper)  # decide 30-06-2026, ends 31-12-2026
    zonder = _contract(organisatie, inkoper, verlengingen_aantal=0, verlenging_maanden=0, einddatum=date(2026, 8, 31),
                       crediteur=f.crediteur(organisatie, "2", "Ander B.V."))
    items = kalender_items(gebruiker=inkoper, organisatie=organisatie, van=date(2026, 6, 1), tot=date(2026, 12, 31))
    assert [(i.datum, i.soort, i.contract) for i in items] == [
        (date(2026, 6, 30), "beslissing", c), (date(2026, 8, 31), "einde", zonder), (date(2026, 12, 31), "einde", c)]
    maanden = kalender_maanden(gebruiker=inkoper, organisatie=organisatie, vandaag=date(2026, 6, 15))
    assert len(maanden) == 12 and maanden[0]["aantal"] == 1 and maanden[2]["aantal"] == 1


def test_a_passed_decision_date_without_decision_is_overdue(organisatie, inkoper):
    c = _contract(organisatie, inkoper)
    assert achterstallige_beslissingen(gebruiker=inkoper, organisatie=organisatie, vandaag=date(2026, 7, 1)) == [c]
    services.niet_verlengen(contract=c, door=inkoper)
    assert achterstallige_beslissingen(gebruiker=inkoper, organisatie=organisatie, vandaag=date(2026, 7, 1)) == []


def test_a_budgethouder_sees_only_the_deadlines_of_own_contracts(organisatie, inkoper, budgethouder):
    eigen = _contract(organisatie, inkoper, eigenaar=budgethouder)
    _contract(organisatie, inkoper, crediteur=f.crediteur(organisatie, "3", "Derde B.V."), afdeling="ICT")
    van_afdeling = _contract(organisatie, inkoper, crediteur=f.crediteur(organisatie, "4", "Vierde B.V."),
                             afdeling=budgethouder.lidmaatschappen.get().afdeling)
    budgethouder.lidmaatschap = budgethouder.lidmaatschappen.get()
    items = kalender_items(gebruiker=budgethouder, organisatie=organisatie, van=date(2026, 1, 1), tot=date(2026, 12, 31))
    assert {i.contract for i in items} == {eigen, van_afdeling}
