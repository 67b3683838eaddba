"""python manage.py signalen JAAR [--json FILE] [--organisatie NAAM] (interfaces.md §5)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _draai(*args):
    uit = StringIO()
    call_command("signalen", *args, stdout=uit, stderr=StringIO())
    return uit.getvalue()


def test_it_prints_a_json_list_with_the_interface_keys(organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100001", None, naam="Zonder Pakket B.V."), "31000.50")
    signalen = json.loads(_draai("2024"))
    assert {s["soort"] for s in signalen} == {"uitgaven_zonder_contract", "leverancier_zonder_pakket"}
    for s in signalen:
        assert {"soort", "crediteurnummer", "bedrag", "drempel", "toelichting"} <= set(s)
        assert s["crediteurnummer"] == "100001"
        assert s["bedrag"] == "31000.50"
        assert s["toelichting"].endswith(".")
    assert {s["drempel"] for s in signalen} == {"30000.00", "15000.00"}


def test_signals_without_crediteur_or_threshold_give_null(organisatie, grootboek):
    pakket = grootboek.pakket("03.02")
    grootboek.regel(grootboek.crediteur("100001", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100002", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100003", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100004", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100005", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100006", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100007", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100008", pakket), "25000.00")
    grootboek.regel(grootboek.crediteur("100009", pakket), "21000.00")
    [s] = json.loads(_draai("2024"))
    assert (s["soort"], s["crediteurnummer"], s["contractnummer"], s["pakketcode"], s["drempel"]) == (
        "eu_drempel_pakket", None, None, "03.02", "221000.00")


def test_it_writes_the_json_to_a_file(organisatie, grootboek, tmp_path):
    grootboek.regel(grootboek.crediteur("100001", None), "15000.00")
    pad = tmp_path / "signalen.json"
    assert _draai("2024", "--json", str(pad)) == ""
    assert [s["soort"] for s in json.loads(pad.read_text(encoding="utf-8"))] == ["leverancier_zonder_pakket"]


def test_an_empty_year_gives_an_empty_list(organisatie):
    assert json.loads(_draai("2024")) == []


def test_it_chooses_the_organisation_by_name(organisatie, andere_organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100001", None), "15000.00")
    with pytest.raises(CommandError, match="--organisatie"):
        _draai("2024")
    assert len(json.loads(_draai("2024", "--organisatie", "Gemeente Testdorp"))) == 1
    assert json.loads(_draai("2024", "--organisatie", "Gemeente Elders")) == []
