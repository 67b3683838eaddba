"""A double submit (double click, reload, back button) creates one melding and files it once."""

import uuid

import pytest
from django.urls import reverse

from inkoop.models import Notificatie
from meldingen.models import Inkoopmelding, Statuswijziging
from meldingen.services import melding_opslaan

from .factories import KostenplaatsFactory


def _nieuw(kostenplaats, sleutel, actie="indienen"):
    return {"omschrijving": "Schoonmaak sporthal Het Diekman", "soort": "dienst", "prijsvorm": "periodiek",
            "waarde_per_jaar": "€ 40.000", "looptijd_maanden": "24", "afdeling": "Sport",
            "kostenplaats": kostenplaats.pk, "gewenste_startdatum": "2027-01-01", "branche": "overig",
            "regionale_markt_beschikbaar": "on", "sleutel": str(sleutel), "actie": actie}


@pytest.mark.django_db
def test_sending_the_new_form_twice_files_one_melding(client_als, organisatie, inkoper,
                                                      django_capture_on_commit_callbacks):
    client = client_als("budgethouder", afdeling="Sport")
    kp = KostenplaatsFactory(organisatie=organisatie)
    sleutel = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        eerste = client.post(reverse("meldingen:nieuw"), _nieuw(kp, sleutel))
        tweede = client.post(reverse("meldingen:nieuw"), _nieuw(kp, sleutel))
    melding = Inkoopmelding.objects.get()
    assert melding.status == "ingediend"
    assert eerste["Location"] == tweede["Location"] == reverse("meldingen:detail", kwargs={"pk": melding.pk})
    assert Statuswijziging.objects.filter(melding=melding, naar="ingediend").count() == 1
    assert Notificatie.objects.filter(ontvanger=inkoper).count() == 1


@pytest.mark.django_db
def test_saving_a_new_concept_twice_keeps_one_concept(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    sleutel = uuid.uuid4()
    for _ in range(3):
        antwoord = client.post(reverse("meldingen:nieuw"), _nieuw(kp, sleutel, actie="opslaan"))
        assert antwoord.status_code == 302
    assert Inkoopmelding.objects.count() == 1


@pytest.mark.django_db
def test_pressing_submit_twice_on_the_detail_page_files_once(maak_melding, client, budgethouder, inkoper):
    m = maak_melding()
    client.force_login(budgethouder)
    url = reverse("meldingen:indienen", kwargs={"pk": m.pk})
    assert client.post(url).status_code == 302
    assert client.post(url).status_code in (302, 403)  # already filed: no longer a concept
    assert Statuswijziging.objects.filter(melding=m, naar="ingediend").count() == 1
    assert Notificatie.objects.filter(ontvanger=inkoper).count() == 1


@pytest.mark.django_db
def test_the_idempotency_key_is_unique_per_organisation(organisatie, budgethouder):
    sleutel = uuid.uuid4()
    a = melding_opslaan(organisatie=organisatie, door=budgethouder, sleutel=sleutel, gegevens={"omschrijving": "A"})
    b = melding_opslaan(organisatie=organisatie, door=budgethouder, sleutel=sleutel, gegevens={"omschrijving": "B"})
    assert a.pk == b.pk and b.herhaald and not a.herhaald
    assert Inkoopmelding.objects.get().omschrijving == "A"
