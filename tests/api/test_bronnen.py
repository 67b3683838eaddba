"""The other resources: trajecten and contracten for the inkoper, classification, the ledger
import as an asynchronous job, signalen, the advice preview, the report figures and OCDS."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from contracten.models import Contract, Traject
from rechtmatigheid.models import Signaal
from rechtmatigheid.ocds import validatie
from tests.contracten.factories import contract, crediteur, traject
from tests.uitgaven.conftest import FACTUREN, KOP_FACTUREN, STAM
from uitgaven.models import Crediteur, Factuurregel, Importrun

from .conftest import MELDING

pytestmark = pytest.mark.django_db

CONTRACT = {"omschrijving": "Onderhoud groen", "crediteur": "100001", "soort": "dienst",
            "waarde_totaal": "120000.00", "startdatum": "2025-01-01", "einddatum": "2026-12-31",
            "verlengingen_aantal": 2, "verlenging_maanden": 12}


def test_the_inkoper_registers_a_contract_with_the_rules_of_the_form(api_als, organisatie):
    crediteur(organisatie)
    api = api_als("inkoper")
    antwoord = api.post("/api/v1/contracten/", CONTRACT, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["crediteurnummer"] == "100001"
    assert data["einddatum_uiterlijk"] == "2028-12-31"
    assert data["waarde_incl_opties"] == "120000.00"

    fout = api.post("/api/v1/contracten/", {**CONTRACT, "einddatum": "2024-12-31"}, format="json")
    assert fout.status_code == 400  # the form's check (the model constraint), as in the web page
    onbekend = api.post("/api/v1/contracten/", {**CONTRACT, "crediteur": "999999"}, format="json")
    assert "geen crediteur gevonden" in onbekend.json()["velden"]["crediteur"][0]
    assert Contract.objects.count() == 1


def test_the_inkoper_changes_a_contract_with_if_match(api_als, organisatie):
    c = contract(organisatie)
    api = api_als("inkoper")
    url = f"/api/v1/contracten/{c.pk}/"
    etag = api.get(url)["ETag"]
    antwoord = api.patch(url, {"waarde_totaal": "150000.00"}, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 200, antwoord.json()
    c.refresh_from_db()
    assert c.waarde_totaal == Decimal("150000.00")
    assert c.omschrijving == "Contract 1"
    assert api.patch(url, {"waarde_totaal": "1.00"}, format="json", HTTP_IF_MATCH=etag).status_code == 412


def test_the_inkoper_registers_and_changes_a_traject(api_als, organisatie):
    api = api_als("inkoper")
    antwoord = api.post("/api/v1/trajecten/", {"omschrijving": "Schoonmaak", "procedure": "europees_openbaar",
                                               "soort": "dienst", "startdatum": "2025-02-01",
                                               "geraamde_waarde": "900000"}, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["nummer"].startswith("T2025-")
    t = Traject.objects.get()
    assert t.geraamde_waarde == Decimal("900000.00")
    cpv = api.patch(antwoord.json()["url"], {"cpv_code": "9091"}, format="json", HTTP_IF_MATCH=antwoord["ETag"])
    assert cpv.json()["velden"]["cpv_code"][0].startswith("Een CPV-code is acht cijfers")
    wijzig = api.patch(antwoord.json()["url"], {"meldingnummer": "2025-9999"}, format="json",
                       HTTP_IF_MATCH=antwoord["ETag"])
    assert wijzig.status_code == 400
    assert wijzig.json()["velden"]["meldingnummer"] == ["Er is geen inkoopmelding met nummer ‘2025-9999’."]


def test_a_budget_holder_may_not_write_contracts_or_trajecten(api_als, organisatie):
    crediteur(organisatie)
    api = api_als("budgethouder")
    assert api.post("/api/v1/contracten/", CONTRACT, format="json").status_code == 403
    assert api.post("/api/v1/trajecten/", {}, format="json").status_code == 403
    assert not Contract.objects.exists()


def test_the_inkoper_classifies_a_crediteur_and_the_choice_is_marked_as_by_hand(api_als, organisatie, stamgegevens):
    c = crediteur(organisatie)
    api = api_als("inkoper")
    url = f"/api/v1/crediteuren/{c.pk}/"
    antwoord = api.patch(url, {"inkooppakket": "08.01"}, format="json", HTTP_IF_MATCH=api.get(url)["ETag"])
    assert antwoord.status_code == 200, antwoord.json()
    c.refresh_from_db()
    assert c.inkooppakket.code == "08.01" and c.classificatie_handmatig
    assert api.get("/api/v1/crediteuren/?zonder_pakket=true").json()["count"] == 0
    pakket = api.get("/api/v1/inkooppakketten/").json()["results"][0]
    soort = api.patch(pakket["url"], {"soort": "werk"}, format="json", HTTP_IF_MATCH=api.get(pakket["url"])["ETag"])
    assert soort.json()["soort"] == "werk"


def test_a_controller_may_read_but_not_classify(api_als, organisatie):
    c = crediteur(organisatie)
    api = api_als("controller")
    url = f"/api/v1/crediteuren/{c.pk}/"
    etag = api.get(url)["ETag"]
    assert api.patch(url, {"inkooppakket": None}, format="json", HTTP_IF_MATCH=etag).status_code == 403


def _bestanden():
    uit = [SimpleUploadedFile(naam, ("\r\n".join(regels) + "\r\n").encode("utf-8-sig"), "text/csv")
           for naam, regels in STAM.items()]
    uit.append(SimpleUploadedFile("facturen.csv", "\r\n".join([KOP_FACTUREN, *FACTUREN]).encode("cp1252"), "text/csv"))
    return uit


def test_the_ledger_import_is_a_job_with_a_status_url(api_als, organisatie, django_capture_on_commit_callbacks):
    api = api_als("controller")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = api.post("/api/v1/importen/", {"bestanden": _bestanden()}, format="multipart")
    assert antwoord.status_code == 202, antwoord.json()
    status = api.get(antwoord["Location"]).json()
    assert status["status"] == "geslaagd" and not status["proefrun"]
    assert status["aantallen"]["facturen"]["nieuw"] == 4
    assert "pad" not in status["bestanden"][0] and status["bestanden"][0]["sha256"]
    assert Factuurregel.objects.filter(organisatie=organisatie).count() == 4
    assert Importrun.objects.get().gestart_door == api.gebruiker


def test_a_dry_run_stores_nothing_and_lists_the_errors(api_als, organisatie, django_capture_on_commit_callbacks):
    api = api_als("controller")
    slecht = SimpleUploadedFile("facturen.csv", "\r\n".join([KOP_FACTUREN, "2024;01-01-2024;X;100001;KP01;1;x;twee"])
                                .encode(), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = api.post("/api/v1/importen/", {"bestanden": [slecht], "proefrun": "true"}, format="multipart")
    status = api.get(antwoord["Location"]).json()
    assert status["status"] == "mislukt"
    assert any("bedrag_excl_btw" in f for f in status["fouten"])
    assert not Crediteur.objects.exists()


def test_only_the_controller_imports(api_als):
    assert api_als("inkoper").post("/api/v1/importen/", {"bestanden": _bestanden()},
                                   format="multipart").status_code == 403


def _signaal(org):
    return Signaal.objects.create(organisatie=org, jaar=2024, soort="leverancier_zonder_pakket", sleutel="x:1",
                                  crediteurnummer="100001", bedrag=Decimal("16000.00"), drempel=Decimal("15000.00"),
                                  toelichting="Test.", berekend_op=timezone.now())


def test_the_controller_assesses_a_signal_and_onterecht_needs_a_reason(api_als, organisatie):
    s = _signaal(organisatie)
    api = api_als("controller")
    lijst = api.get("/api/v1/signalen/?jaar=2024&beoordeling=open").json()
    assert [r["id"] for r in lijst["results"]] == [s.pk]
    url = f"/api/v1/signalen/{s.pk}/beoordelen/"
    zonder = api.post(url, {"beoordeling": "onterecht"}, format="json")
    assert zonder.status_code == 400
    assert zonder.json()["velden"]["toelichting"] == ["Licht toe waarom het signaal onterecht is."]
    goed = api.post(url, {"beoordeling": "onterecht", "toelichting": "Raamcontract."}, format="json")
    assert goed.status_code == 200
    assert goed.json()["beoordeeld_door"] == api.gebruiker.username
    assert api_als("inkoper").post(url, {"beoordeling": "terecht"}, format="json").status_code == 403


def test_the_advice_preview_answers_as_the_advies_command(api_als, organisatie):
    import io
    import json

    from django.core.management import call_command

    feiten = {"soort": "dienst", "datum": "2025-03-01", "prijsvorm": "totaal", "waarde_totaal": 80000,
              "looptijd_maanden": 24, "branche": "overig", "regionale_markt_beschikbaar": True}
    api = api_als("budgethouder")
    antwoord = api.post("/api/v1/advies/", feiten, format="json")
    assert antwoord.status_code == 200, antwoord.json()
    uit = io.StringIO()
    call_command("advies", "--organisatie", organisatie.naam, stdin=io.StringIO(json.dumps(feiten)), stdout=uit)
    assert antwoord.json() == json.loads(uit.getvalue())
    fout = api.post("/api/v1/advies/", {**feiten, "soort": "fiets"}, format="json")
    assert fout.status_code == 400 and "soort" in fout.json()["velden"]


def test_report_figures_of_a_year_are_those_of_the_jaarverslag_command(api_als, organisatie,
                                                                       django_capture_on_commit_callbacks):
    import io
    import json

    from django.core.management import call_command

    api = api_als("controller")
    assert api.get("/api/v1/jaarverslag/2024/").status_code == 404  # no spend data for the year yet
    with django_capture_on_commit_callbacks(execute=True):
        api.post("/api/v1/importen/", {"bestanden": _bestanden()}, format="multipart")
    antwoord = api.get("/api/v1/jaarverslag/2024/")
    assert antwoord.status_code == 200
    uit = io.StringIO()
    call_command("jaarverslag", "2024", "--organisatie", organisatie.naam, stdout=uit)
    assert antwoord.json() == json.loads(uit.getvalue())
    assert api_als("budgethouder", naam="bh").get("/api/v1/jaarverslag/2024/").status_code == 403


def test_ocds_of_a_year(api_als, organisatie):
    t = traject(organisatie)
    contract(organisatie, traject=t)
    api = api_als("inkoper")
    ocds = api.get("/api/v1/ocds/2024")
    assert ocds.status_code == 200
    assert [r["tender"]["id"] for r in ocds.json()["releases"]] == [t.nummer]
    assert not validatie.fouten(ocds.json())
    assert api.get("/api/v1/ocds/2019").status_code == 404
    assert api_als("budgethouder", naam="bh").get("/api/v1/ocds/2024").status_code == 403


def test_a_melding_list_is_paginated_and_filtered(api_als, stamgegevens):
    api = api_als("budgethouder")
    for i in range(3):
        api.post("/api/v1/meldingen/", {**MELDING, "omschrijving": f"M{i}"}, format="json")
    pagina = api.get("/api/v1/meldingen/?per_pagina=2").json()
    assert pagina["count"] == 3 and len(pagina["results"]) == 2 and pagina["next"]
    assert api.get("/api/v1/meldingen/?status=ingediend").json()["count"] == 0
    fout = api.get("/api/v1/meldingen/?status=onzin")
    assert fout.status_code == 400 and "status" in fout.json()["velden"]
