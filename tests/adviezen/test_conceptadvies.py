"""The draft advice: computed on submission (Celery task on commit), idempotent, shown to Inkoop only."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from adviezen.models import Advies
from adviezen.services import concept_advies_maken_uitvoeren
from adviezen.tasks import concept_advies_maken
from meldingen.services import melding_indienen


@pytest.mark.django_db
def test_submitting_a_melding_queues_the_draft_advice_after_the_commit(maak_melding, budgethouder,
                                                                       django_capture_on_commit_callbacks):
    melding = maak_melding(ingediend=False)
    with django_capture_on_commit_callbacks(execute=True):
        melding_indienen(melding=melding, door=budgethouder)
    advies = melding.adviezen.get()
    assert advies.status == Advies.Status.CONCEPT
    assert advies.procedure == "meervoudig_onderhands"
    assert advies.geraamde_waarde == Decimal("80000.00")
    assert {m["regel"] for m in advies.motivering} >= {"P-01", "P-10", "P-20"}


@pytest.mark.django_db
def test_the_task_is_safe_to_run_twice(maak_melding):
    melding = maak_melding()
    eerste = concept_advies_maken(melding.pk)
    tweede = concept_advies_maken(melding.pk)
    assert eerste == tweede
    assert melding.adviezen.count() == 1


@pytest.mark.django_db
def test_the_task_ignores_a_concept_melding_and_a_missing_one(maak_melding):
    assert concept_advies_maken(maak_melding(ingediend=False).pk) is None
    assert concept_advies_maken(987654) is None


@pytest.mark.django_db
def test_a_draft_follows_changed_facts_but_an_issued_advice_never_changes(concept, inkoper):
    from adviezen.services import advies_uitbrengen

    advies = concept()
    melding = advies.melding
    melding.waarde_totaal = Decimal("300000")
    melding.save()
    advies = concept_advies_maken_uitvoeren(melding_id=melding.pk)
    assert advies.procedure == "europees_openbaar"
    advies_uitbrengen(advies=advies, door=inkoper, status_bijwerken=False, melden=False)
    melding.waarde_totaal = Decimal("10000")
    melding.save()
    opnieuw = concept_advies_maken_uitvoeren(melding_id=melding.pk)
    assert opnieuw.pk == advies.pk and opnieuw.procedure == "europees_openbaar"


@pytest.mark.django_db
def test_an_incomplete_melding_gets_a_draft_with_the_reason_instead_of_a_procedure(concept):
    advies = concept(waarde_totaal=None)
    assert advies.procedure == ""
    assert "waarde_totaal" in advies.fout


@pytest.mark.django_db
def test_other_meldingen_and_spend_in_the_same_pakket_warn_of_splitting(maak_melding, pakket, organisatie):
    from uitgaven.models import Crediteur, Factuurregel

    maak_melding(inkooppakket=pakket, waarde_totaal=Decimal("20000"), omschrijving="Onderhoud fietspad A")
    crediteur = Crediteur.objects.create(organisatie=organisatie, nummer="C1", naam="Groen BV", inkooppakket=pakket)
    melding = maak_melding(inkooppakket=pakket, waarde_totaal=Decimal("20000"), omschrijving="Onderhoud fietspad B")
    Factuurregel.objects.create(organisatie=organisatie, boekjaar=timezone.localdate().year,
                                boekdatum=timezone.localdate() - timedelta(days=30), factuurnummer="F1",
                                crediteur=crediteur, kostenplaats=melding.kostenplaats, bedrag=Decimal("5000"))
    advies = concept_advies_maken_uitvoeren(melding_id=melding.pk)
    assert advies.procedure == "enkelvoudig"
    tekst = " ".join(w["tekst"] for w in advies.waarschuwingen if w["regel"] == "L-26")
    assert "Onderhoud fietspad A" in tekst and "uitgaven" in tekst and "meervoudig onderhands" in tekst
    assert {s["bron"] for s in advies.berekend["samenhangend"]} == {"melding", "uitgaven"}


@pytest.mark.django_db
def test_spend_of_another_pakket_or_older_than_the_window_is_not_counted(maak_melding, pakket, organisatie):
    from uitgaven.models import Crediteur, Factuurregel

    crediteur = Crediteur.objects.create(organisatie=organisatie, nummer="C2", naam="Oud BV", inkooppakket=pakket)
    melding = maak_melding(inkooppakket=pakket, waarde_totaal=Decimal("20000"))
    Factuurregel.objects.create(organisatie=organisatie, boekjaar=2020, boekdatum=timezone.localdate() - timedelta(days=800),
                                factuurnummer="F9", crediteur=crediteur, kostenplaats=melding.kostenplaats,
                                bedrag=Decimal("50000"))
    advies = concept_advies_maken_uitvoeren(melding_id=melding.pk)
    assert advies.berekend["samenhangend"] == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.celery_echt
def test_a_real_worker_computes_the_draft(celery_app, celery_worker, organisatie, budgethouder):
    from tests.meldingen.factories import MeldingFactory

    melding = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True)
    resultaat = concept_advies_maken.delay(melding.pk)
    pk = resultaat.get(timeout=30)
    assert Advies.objects.get(pk=pk).melding_id == melding.pk
