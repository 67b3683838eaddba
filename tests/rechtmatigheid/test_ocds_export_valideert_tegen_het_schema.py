"""python manage.py ocds_export JAAR: an OCDS 1.1 release package valid against the official
release-package schema (shipped in rechtmatigheid/ocds/schema), also below the EU thresholds."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import rechtmatigheid
from rechtmatigheid.ocds import validatie

pytestmark = pytest.mark.django_db
SCHEMA = Path(rechtmatigheid.__file__).parent / "ocds" / "schema"


def _valideer(pakket):
    # The official schema with the lots extension applied (the package lists it in `extensions`).
    fouten = validatie.fouten(pakket)
    assert not fouten, "\n".join(fouten[:20])


def _export(*args):
    uit = StringIO()
    call_command("ocds_export", *args, stdout=uit, stderr=StringIO())
    return json.loads(uit.getvalue())


@pytest.fixture
def trajecten(organisatie, grootboek):
    from contracten.models import Inschrijving, Perceel, Traject

    leverancier = grootboek.crediteur("100001", grootboek.pakket("05.01", soort="dienst"), naam="Schoon B.V.",
                                      kvk_nummer="12345678", postcode="7511 AA", plaats="ENSCHEDE", land="NL")
    eu = Traject.objects.create(organisatie=organisatie, nummer="T-2024-001", omschrijving="Schoonmaak stadhuis",
                                procedure="europees_openbaar", soort="dienst", status="afgerond",
                                startdatum=date(2024, 1, 10), publicatiedatum=date(2024, 2, 1),
                                afgerond_op=date(2024, 6, 1), geraamde_waarde=Decimal("400000"),
                                gegunde_waarde=Decimal("380000"))
    perceel = Perceel.objects.create(organisatie=organisatie, traject=eu, nummer=1, naam="Stadhuis")
    Inschrijving.objects.create(organisatie=organisatie, traject=eu, perceel=perceel, naam="Schoon B.V.",
                                crediteur=leverancier, bedrag=Decimal("380000"), gegund=True)
    Inschrijving.objects.create(organisatie=organisatie, traject=eu, perceel=perceel, naam="Poets & Co",
                                bedrag=Decimal("395000"))
    grootboek.contract(leverancier, startdatum=date(2024, 7, 1), einddatum=date(2026, 6, 30), waarde="380000",
                       opties="190000", nummer="C-2024-001", traject=eu, perceel=perceel)
    # Below the EU threshold: a meervoudig onderhandse procedure still running.
    Traject.objects.create(organisatie=organisatie, nummer="T-2024-002", omschrijving="Groenonderhoud wijk Noord",
                           procedure="meervoudig_onderhands", soort="werk", status="lopend",
                           startdatum=date(2024, 9, 1), publicatiedatum=date(2024, 10, 1),
                           geraamde_waarde=Decimal("120000"), verbonden_partij="Twente Milieu")
    # A contract without a traject (registered by the budgethouder).
    grootboek.contract(grootboek.crediteur("100002", naam="Drukkerij Oost"), startdatum=date(2024, 3, 1),
                       einddatum=date(2024, 12, 31), waarde="28000", nummer="C-2024-002")
    # Another year: not in the 2024 export.
    Traject.objects.create(organisatie=organisatie, nummer="T-2022-009", omschrijving="Oud traject",
                           procedure="enkelvoudig", soort="levering", status="afgerond",
                           startdatum=date(2022, 1, 10), afgerond_op=date(2022, 3, 1))


def test_the_export_of_a_year_validates_against_the_release_package_schema(organisatie, trajecten):
    pakket = _export("2024")
    _valideer(pakket)
    assert pakket["version"] == "1.1"
    assert pakket["publisher"]["name"] == "Gemeente Testdorp"
    assert sorted(r["tender"]["id"] for r in pakket["releases"]) == ["T-2024-001", "T-2024-002", "contract-C-2024-002"]


def test_procedures_below_the_eu_threshold_are_included_with_their_method(organisatie, trajecten):
    releases = {r["tender"]["id"]: r for r in _export("2024")["releases"]}
    noord = releases["T-2024-002"]
    assert noord["tender"]["procurementMethod"] == "limited"
    assert noord["tender"]["mainProcurementCategory"] == "works"
    assert noord["tender"]["status"] == "active"
    assert noord["buyer"]["name"] == "Twente Milieu"
    assert noord["tender"]["procuringEntity"]["name"] == "Gemeente Testdorp"


def test_awards_and_contracts_are_linked_with_their_supplier(organisatie, trajecten):
    eu = next(r for r in _export("2024")["releases"] if r["tender"]["id"] == "T-2024-001")
    [award] = eu["awards"]
    [contract] = eu["contracts"]
    assert contract["awardID"] == award["id"]
    assert contract["value"] == {"amount": 570000.0, "currency": "EUR"}
    assert award["suppliers"][0]["name"] == "Schoon B.V."
    partijen = {p["name"]: p for p in eu["parties"]}
    assert partijen["Schoon B.V."]["identifier"] == {"scheme": "NL-KVK", "id": "12345678", "legalName": "Schoon B.V."}
    assert set(partijen["Schoon B.V."]["roles"]) == {"tenderer", "supplier"}
    assert eu["tender"]["numberOfTenderers"] == 2
    assert eu["tag"] == ["contract"]


def test_the_export_can_be_written_to_a_file(organisatie, trajecten, tmp_path):
    pad = tmp_path / "ocds.json"
    call_command("ocds_export", "2024", "--output", str(pad), stdout=StringIO(), stderr=StringIO())
    _valideer(json.loads(pad.read_text(encoding="utf-8")))


def test_a_year_without_trajecten_or_contracten_is_refused_with_a_sentence(organisatie, trajecten):
    with pytest.raises(CommandError, match="geen trajecten of contracten in 2019"):
        _export("2019")


def test_the_schema_check_itself_rejects_a_broken_package(organisatie, trajecten):
    pakket = _export("2024")
    pakket["releases"][0]["tag"] = ["gegund"]  # not in the closed releaseTag codelist of 1.1
    del pakket["publisher"]
    with pytest.raises(AssertionError, match="tag|publisher"):
        _valideer(pakket)


def test_lots_and_cpv_classified_items_follow_the_lots_extension(organisatie, trajecten):
    from contracten.models import Perceel, Traject

    eu = Traject.objects.get(nummer="T-2024-001")
    Perceel.objects.create(organisatie=organisatie, traject=eu, nummer=2, naam="Sporthal",
                           geraamde_waarde=Decimal("150000"))
    Traject.objects.filter(pk=eu.pk).update(cpv_code="90910000-9")
    pakket = _export("2024")
    _valideer(pakket)
    assert pakket["extensions"] == [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json"]
    releases = {r["tender"]["id"]: r for r in pakket["releases"]}
    tender = releases["T-2024-001"]["tender"]
    assert [(lot["id"], lot["title"]) for lot in tender["lots"]] == [("1", "Stadhuis"), ("2", "Sporthal")]
    assert tender["lots"][1]["value"] == {"amount": 150000.0, "currency": "EUR"}
    assert [(i["relatedLot"], i["classification"]) for i in tender["items"]] == [
        ("1", {"scheme": "CPV", "id": "90910000"}), ("2", {"scheme": "CPV", "id": "90910000"})]
    assert releases["T-2024-001"]["awards"][0]["relatedLots"] == ["1"]
    # Without a CPV code there are no items; without percelen no lots.
    noord = releases["T-2024-002"]["tender"]
    assert "items" not in noord and "lots" not in noord


def test_a_lot_the_extension_does_not_know_is_refused_by_the_check(organisatie, trajecten):
    pakket = _export("2024")
    release = next(r for r in pakket["releases"] if r["tender"]["id"] == "T-2024-001")
    release["tender"]["lots"][0]["status"] = "gegund"
    with pytest.raises(AssertionError, match="lots"):
        _valideer(pakket)
