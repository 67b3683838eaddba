"""python manage.py jaarverslag JAAR [--json FILE] [--pdf FILE] (interfaces.md §3)."""

import json

import pytest
from django.core.management import call_command


def test_without_options_the_json_goes_to_stdout(klein, capsys):
    call_command("jaarverslag", "2024")
    uit = json.loads(capsys.readouterr().out)
    assert uit["jaar"] == 2024
    assert uit["inkoopvolume"][-1]["bedrag"] == 2000


def test_json_writes_the_figures_to_a_file(klein, tmp_path, capsys):
    pad = tmp_path / "cijfers.json"
    call_command("jaarverslag", "2024", "--json", str(pad))
    assert capsys.readouterr().out == ""
    assert json.loads(pad.read_text("utf-8"))["regio"][1]["regio"] == "Regio Achterhoek"


def test_a_year_without_spend_exits_1_with_a_dutch_sentence(klein, capsys):
    with pytest.raises(SystemExit) as fout:
        call_command("jaarverslag", "2019")
    assert fout.value.code == 1
    assert "Er zijn geen uitgaven over 2019 voor Gemeente Testdorp" in capsys.readouterr().err


def test_the_organisation_can_be_named(klein, andere_organisatie, capsys):
    call_command("jaarverslag", "2024", "--organisatie", "Gemeente Testdorp")
    assert json.loads(capsys.readouterr().out)["organisatie"] == "Gemeente Testdorp"
    with pytest.raises(SystemExit) as fout:
        call_command("jaarverslag", "2024", "--organisatie", "Gemeente Elders")
    assert fout.value.code == 1


def test_xlsx_is_written_too(klein, tmp_path):
    pad = tmp_path / "tabellen.xlsx"
    call_command("jaarverslag", "2024", "--xlsx", str(pad))
    assert pad.read_bytes()[:2] == b"PK"
