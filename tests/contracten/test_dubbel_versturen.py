"""The one-shot forms (new traject, new contract) posted twice - a double click, a reload -
create one record, as the melding form does."""

import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from contracten.models import Contract, Traject

TRAJECT = {"omschrijving": "Groot onderhoud asfaltwegen", "procedure": "europees_openbaar", "soort": "werk",
           "startdatum": "2024-01-15", "begeleid_door_inkoop": "on", "geraamde_waarde": "6.000.000"}
CONTRACT = {"omschrijving": "Asfalt Noord", "leverancier_naam": "Wegenbouw BV", "soort": "werk",
            "waarde_totaal": "3.400.000", "startdatum": "2024-08-01", "einddatum": "2028-07-31",
            "verlengingen_aantal": "1", "verlenging_maanden": "24", "beslistermijn_maanden": "6"}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "data", "model"), [("contracten:traject_nieuw", TRAJECT, Traject),
                                                    ("contracten:contract_nieuw", CONTRACT, Contract)])
def test_the_same_form_sent_twice_creates_one_record(client_als, url, data, model):
    client = client_als("inkoper")
    sleutel = client.get(reverse(url)).context["form"].initial["sleutel"]
    eerste = client.post(reverse(url), {**data, "sleutel": str(sleutel)})
    tweede = client.post(reverse(url), {**data, "sleutel": str(sleutel)})
    assert eerste.status_code == tweede.status_code == 302
    assert eerste["Location"] == tweede["Location"]
    assert model.objects.count() == 1
    # A new form (a new key) is a new record.
    client.post(reverse(url), {**data, "sleutel": str(uuid.uuid4())})
    assert model.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_one_traject_form_at_the_same_moment_create_one_traject(maak_gebruiker, organisatie):
    if connection.vendor != "postgresql":
        pytest.skip("gelijktijdige schrijvers vragen PostgreSQL")
    inkoper = maak_gebruiker(organisatie, "inkoper")
    sleutel = str(uuid.uuid4())
    start = threading.Barrier(2)
    codes = []

    def verstuur():
        c = Client()
        c.force_login(inkoper)
        start.wait()
        codes.append(c.post(reverse("contracten:traject_nieuw"), {**TRAJECT, "sleutel": sleutel}).status_code)
        connections.close_all()

    draden = [threading.Thread(target=verstuur) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(30)
    assert codes == [302, 302]
    assert Traject.objects.count() == 1
