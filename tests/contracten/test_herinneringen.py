"""Inkoopkalender reminders: the owner and Inkoop, once per contract and deadline."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail

from contracten import services
from contracten.models import Herinnering
from contracten.tasks import herinneringen_plannen, herinneringen_versturen
from inkoop.models import Notificatie

from . import factories as f


def _contract(organisatie, inkoper, eigenaar, **kw):
    velden = {"omschrijving": "Groenonderhoud", "crediteur": f.crediteur(organisatie), "waarde_totaal": Decimal("400000"),
              "startdatum": date(2024, 1, 1), "einddatum": date(2026, 12, 31), "verlengingen_aantal": 1,
              "verlenging_maanden": 12, "beslistermijn_maanden": 3, "eigenaar": eigenaar}
    velden.update(kw)
    return services.contract_registreren(organisatie=organisatie, door=inkoper, **velden)


@pytest.mark.django_db
def test_the_owner_and_the_inkopers_are_reminded_once_of_a_decision_within_the_lead_time(
        organisatie, inkoper, budgethouder, settings, django_capture_on_commit_callbacks):
    settings.CONTRACTEN_HERINNERING_DAGEN = 30
    c = _contract(organisatie, inkoper, budgethouder)  # decide by 30-09-2026
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 8, 15)) == 0  # too early
        assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 9, 1)) == 1
        assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 9, 2)) == 0  # once
    ontvangers = set(Notificatie.objects.values_list("ontvanger__username", flat=True))
    assert ontvangers == {budgethouder.username, inkoper.username}
    assert Notificatie.objects.filter(onderwerp__contains="Beslis vóór 30-09-2026").count() == 2
    assert len(mail.outbox) == 2
    assert Herinnering.objects.get().deadline == date(2026, 9, 30)
    assert c.nummer in Notificatie.objects.first().onderwerp


@pytest.mark.django_db
def test_a_moved_deadline_is_a_new_reminder_and_the_end_follows_when_no_option_is_left(
        organisatie, inkoper, budgethouder, settings):
    settings.CONTRACTEN_HERINNERING_DAGEN = 60
    c = _contract(organisatie, inkoper, budgethouder)
    assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 9, 1)) == 1
    c = services.verlenging_benutten(contract=c, door=inkoper)  # ends 31-12-2027, no option left
    assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2027, 11, 15)) == 1
    assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2027, 12, 1)) == 0
    assert sorted(Herinnering.objects.values_list("soort", "deadline")) == [
        ("beslissing", date(2026, 9, 30)), ("einde", date(2027, 12, 31))]


@pytest.mark.django_db
def test_no_end_reminder_while_an_option_is_still_open(organisatie, inkoper, budgethouder, settings):
    settings.CONTRACTEN_HERINNERING_DAGEN = 10
    _contract(organisatie, inkoper, budgethouder, beslistermijn_maanden=0)  # decision date = end date
    services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 12, 25))
    assert list(Herinnering.objects.values_list("soort", flat=True)) == ["beslissing"]


@pytest.mark.django_db
def test_other_organisations_contracts_are_not_reminded(organisatie, andere_organisatie, inkoper, maak_gebruiker):
    ander = maak_gebruiker(andere_organisatie, "inkoper", naam="ander")
    _contract(andere_organisatie, ander, None, crediteur=f.crediteur(andere_organisatie))
    assert services.herinneringen_versturen(organisatie=organisatie, vandaag=date(2026, 9, 15)) == 0


@pytest.mark.celery_echt
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_reminders_once_however_often_the_task_runs(
        organisatie, inkoper, budgethouder, celery_worker, settings):
    from django.utils import timezone

    settings.CONTRACTEN_HERINNERING_DAGEN = 60
    vandaag = timezone.localdate()
    _contract(organisatie, inkoper, budgethouder, startdatum=date(vandaag.year - 1, 1, 1),
              einddatum=vandaag + timedelta(days=30), verlengingen_aantal=0, verlenging_maanden=0)
    assert herinneringen_versturen.delay(organisatie.id).get(timeout=30) == 1
    assert herinneringen_versturen.delay(organisatie.id).get(timeout=30) == 0
    assert herinneringen_plannen.delay().get(timeout=30) >= 1
    assert Herinnering.objects.count() == 1
    assert Notificatie.objects.count() == 2
