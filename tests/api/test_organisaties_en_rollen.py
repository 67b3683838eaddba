"""A token of organisation A can neither read nor write anything of organisation B, and a budget
holder's token cannot do what an inkoper may (the permission rules of the web pages)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from adviezen.models import Advies
from contracten.models import Contract, Traject
from meldingen.models import Inkoopmelding
from rechtmatigheid.models import Signaal
from tests.contracten.factories import contract, crediteur, traject
from tests.meldingen.factories import InkooppakketFactory, MeldingFactory
from uitgaven.models import Crediteur, Importrun

pytestmark = pytest.mark.django_db


def _records_van(org, maak_gebruiker):
    """One record of every resource in `org`."""
    bh = maak_gebruiker(org, "budgethouder", naam=f"bh-{org.slug}", afdeling="Wegen")
    melding = MeldingFactory(organisatie=org, budgethouder=bh, ingediend=True)
    advies = Advies.objects.create(organisatie=org, melding=melding, peildatum=timezone.localdate(),
                                   status="uitgebracht")
    t = traject(org)
    c = contract(org, traject=t, afdeling="Wegen")
    pakket = InkooppakketFactory(organisatie=org)
    run = Importrun.objects.create(organisatie=org, status="geslaagd")
    s = Signaal.objects.create(organisatie=org, jaar=2024, soort="leverancier_zonder_pakket", sleutel="x",
                               crediteurnummer="100001", bedrag=Decimal("16000"), toelichting="Test.",
                               berekend_op=timezone.now())
    return {"meldingen": melding, "adviezen": advies, "trajecten": t, "contracten": c,
            "crediteuren": crediteur(org), "inkooppakketten": pakket, "importen": run, "signalen": s}


@pytest.mark.parametrize("rol", ["budgethouder", "inkoper", "controller", "beheerder"])
def test_a_token_of_organisation_a_reads_nothing_of_organisation_b(rol, api_als, organisatie, andere_organisatie,
                                                                   maak_gebruiker):
    eigen = _records_van(organisatie, maak_gebruiker)
    vreemd = _records_van(andere_organisatie, maak_gebruiker)
    api = api_als(rol)
    for bron, obj in vreemd.items():
        assert api.get(f"/api/v1/{bron}/{obj.pk}/").status_code in (403, 404), (bron, rol)
        lijst = api.get(f"/api/v1/{bron}/?per_pagina=500")
        if lijst.status_code == 200:
            ids = {r["id"] for r in lijst.json()["results"]}
            assert obj.pk not in ids, (bron, rol)
            assert ids <= {eigen[bron].pk}, (bron, rol)
        else:
            assert lijst.status_code == 403, (bron, rol)


@pytest.mark.parametrize("rol", ["budgethouder", "inkoper", "controller"])
def test_a_token_of_organisation_a_writes_nothing_of_organisation_b(rol, api_als, organisatie, andere_organisatie,
                                                                    maak_gebruiker):
    vreemd = _records_van(andere_organisatie, maak_gebruiker)
    voor = {m: list(m.objects.filter(organisatie=andere_organisatie).values())
            for m in (Inkoopmelding, Contract, Traject, Crediteur, Signaal)}
    api = api_als(rol)
    schrijven = [
        ("patch", f"/api/v1/meldingen/{vreemd['meldingen'].pk}/", {"omschrijving": "Gekaapt"}),
        ("post", f"/api/v1/meldingen/{vreemd['meldingen'].pk}/indienen/", {}),
        ("patch", f"/api/v1/contracten/{vreemd['contracten'].pk}/", {"omschrijving": "Gekaapt"}),
        ("patch", f"/api/v1/trajecten/{vreemd['trajecten'].pk}/", {"omschrijving": "Gekaapt"}),
        ("patch", f"/api/v1/crediteuren/{vreemd['crediteuren'].pk}/", {"inkooppakket": None}),
        ("patch", f"/api/v1/inkooppakketten/{vreemd['inkooppakketten'].pk}/", {"soort": "werk"}),
        ("post", f"/api/v1/signalen/{vreemd['signalen'].pk}/beoordelen/", {"beoordeling": "terecht"}),
    ]
    for methode, url, data in schrijven:
        antwoord = getattr(api, methode)(url, data, format="json", HTTP_IF_MATCH="*")
        assert antwoord.status_code in (403, 404), (url, rol, antwoord.status_code)
    # Codes of the other organisation are unknown here, even in a record of one's own.
    if rol == "inkoper":
        eigen_crediteur = crediteur(organisatie, nummer="200001")
        antwoord = api.patch(f"/api/v1/crediteuren/{eigen_crediteur.pk}/", {"inkooppakket": "08.01"},
                             format="json", HTTP_IF_MATCH="*")
        assert antwoord.status_code == 400, antwoord.json()
    for model, rijen in voor.items():
        assert list(model.objects.filter(organisatie=andere_organisatie).values()) == rijen


def test_a_token_acts_only_in_its_own_organisation_also_for_a_member_of_both(api_als, organisatie,
                                                                              andere_organisatie, maak_gebruiker):
    from rest_framework.test import APIClient

    from api.services import token_maken
    from inkoop.models import Lidmaatschap

    vreemd = _records_van(andere_organisatie, maak_gebruiker)
    api = api_als("inkoper")
    Lidmaatschap.objects.create(gebruiker=api.gebruiker, organisatie=andere_organisatie, rol="inkoper")
    assert api.get(f"/api/v1/contracten/{vreemd['contracten'].pk}/").status_code == 404
    _t, sleutel = token_maken(gebruiker=api.gebruiker, organisatie=andere_organisatie, naam="B")
    b = APIClient()
    b.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert b.get(f"/api/v1/contracten/{vreemd['contracten'].pk}/").status_code == 200


INKOPER_MAG = [
    ("post", "/api/v1/contracten/", {"omschrijving": "X", "crediteur": "100001", "soort": "dienst",
                                     "waarde_totaal": "1000", "startdatum": "2025-01-01"}),
    ("post", "/api/v1/trajecten/", {"omschrijving": "X", "procedure": "enkelvoudig", "soort": "dienst",
                                    "startdatum": "2025-01-01"}),
    ("patch", "/api/v1/contracten/{contracten}/", {"omschrijving": "Anders"}),
    ("patch", "/api/v1/trajecten/{trajecten}/", {"omschrijving": "Anders"}),
    ("patch", "/api/v1/crediteuren/{crediteuren}/", {"inkooppakket": "08.01"}),
    ("patch", "/api/v1/inkooppakketten/{inkooppakketten}/", {"soort": "werk"}),
    ("get", "/api/v1/crediteuren/", None),
    ("get", "/api/v1/signalen/", None),
    ("get", "/api/v1/ocds/2024", None),
]


@pytest.mark.parametrize(("methode", "pad", "data"), INKOPER_MAG)
def test_a_budget_holder_token_cannot_do_what_an_inkoper_may(methode, pad, data, api_als, organisatie,
                                                              maak_gebruiker):
    records = _records_van(organisatie, maak_gebruiker)
    url = pad.format(**{k: v.pk for k, v in records.items()})
    kw = {"format": "json", "HTTP_IF_MATCH": "*"}
    budgethouder = api_als("budgethouder")
    voor = {m: list(m.objects.values()) for m in (Contract, Traject, Crediteur)}
    antwoord = getattr(budgethouder, methode)(url, data, **kw) if data is not None else budgethouder.get(url)
    assert antwoord.status_code == 403, (url, antwoord.status_code)
    assert {m: list(m.objects.values()) for m in voor} == voor
    inkoper = api_als("inkoper")
    antwoord = getattr(inkoper, methode)(url, data, **kw) if data is not None else inkoper.get(url)
    assert antwoord.status_code in (200, 201), (url, antwoord.status_code, antwoord.json())


def test_a_budget_holder_sees_only_own_and_afdeling_meldingen_and_no_draft_advice(api_als, organisatie,
                                                                                   maak_gebruiker):
    api = api_als("budgethouder", afdeling="Wegen")
    eigen = MeldingFactory(organisatie=organisatie, budgethouder=api.gebruiker, ingediend=True)
    anders = maak_gebruiker(organisatie, "budgethouder", naam="bh-cultuur", afdeling="Cultuur")
    andermans = MeldingFactory(organisatie=organisatie, budgethouder=anders, afdeling="Cultuur", ingediend=True)
    concept = Advies.objects.create(organisatie=organisatie, melding=eigen, peildatum=timezone.localdate())
    assert [m["id"] for m in api.get("/api/v1/meldingen/").json()["results"]] == [eigen.pk]
    assert api.get(f"/api/v1/meldingen/{andermans.pk}/").status_code == 404
    assert api.get("/api/v1/adviezen/").json()["count"] == 0
    assert api.get(f"/api/v1/adviezen/{concept.pk}/").status_code == 404


def test_without_a_token_nothing_is_readable(client, organisatie, maak_gebruiker):
    _records_van(organisatie, maak_gebruiker)
    from rest_framework.test import APIClient

    anoniem = APIClient()
    antwoord = anoniem.get("/api/v1/meldingen/")
    assert antwoord.status_code == 401
    assert antwoord.json()["fout"] == "niet_aangemeld"
    anoniem.credentials(HTTP_AUTHORIZATION="Token ink_verzonnen")
    assert anoniem.get("/api/v1/contracten/").status_code == 401
