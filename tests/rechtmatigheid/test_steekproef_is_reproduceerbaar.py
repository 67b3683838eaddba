"""The same JAAR, N, S and data give the same sample, always; S is stored (interfaces.md §6)."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from rechtmatigheid.models import Steekproef
from rechtmatigheid.services import steekproef_trekken
from rechtmatigheid.steekproef import Regel, trek

pytestmark = pytest.mark.django_db


def _vul(grootboek, aantal=200, omgekeerd=False):
    crediteuren = [grootboek.crediteur(f"1000{i:02d}") for i in range(10)]
    rijen = [(crediteuren[i % 10], f"{(i * 37) % 5000 + 10}.{i % 100:02d}", f"F-{i:04d}") for i in range(aantal)]
    for c, bedrag, nummer in reversed(rijen) if omgekeerd else rijen:
        grootboek.regel(c, bedrag, factuurnummer=nummer, boekdatum=date(2024, 1, 1) + timedelta(days=int(nummer[2:]) % 365))


def _command(*args):
    uit = StringIO()
    call_command("steekproef", *args, stdout=uit, stderr=StringIO())
    return json.loads(uit.getvalue())


def test_the_same_arguments_give_the_same_lines(organisatie, grootboek):
    _vul(grootboek)
    eerste = _command("2024", "--omvang", "25", "--zaad", "7")
    tweede = _command("2024", "--omvang", "25", "--zaad", "7")
    assert eerste == tweede
    assert len(eerste) == 25
    assert set(eerste[0]) >= {"crediteurnummer", "factuurnummer", "boekdatum", "bedrag", "kostenplaats"}
    assert eerste[0]["bedrag"].count(".") == 1 and len(eerste[0]["bedrag"].split(".")[1]) == 2
    assert len({(r["crediteurnummer"], r["factuurnummer"]) for r in eerste}) == 25


def test_the_seed_is_stored_with_the_sample_and_a_redraw_finds_it_again(organisatie, grootboek):
    _vul(grootboek)
    _command("2024", "--omvang", "25", "--zaad", "7")
    _command("2024", "--omvang", "25", "--zaad", "7")
    [sp] = Steekproef.objects.filter(organisatie=organisatie)
    assert (sp.jaar, sp.omvang, sp.zaad, sp.populatie_aantal, sp.regels.count()) == (2024, 25, "7", 200, 25)


def test_another_seed_gives_another_sample(organisatie, grootboek):
    _vul(grootboek)
    assert _command("2024", "--omvang", "25", "--zaad", "7") != _command("2024", "--omvang", "25", "--zaad", "8")


def test_the_order_in_which_the_ledger_was_loaded_does_not_matter(organisatie, andere_organisatie, grootboek):
    from .conftest import Grootboek

    _vul(grootboek)
    _vul(Grootboek(andere_organisatie), omgekeerd=True)
    a = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=30, zaad="abc")
    b = steekproef_trekken(organisatie=andere_organisatie, jaar=2024, omvang=30, zaad="abc")
    sleutels = ["crediteurnummer", "factuurnummer", "bedrag"]
    assert [[getattr(r, k) for k in sleutels] for r in a.regels.all()] == \
        [[getattr(r, k) for k in sleutels] for r in b.regels.all()]
    assert a.populatie_kenmerk == b.populatie_kenmerk


def test_the_drawing_itself_is_a_fixed_function_of_its_inputs():
    """A pinned example: if this changes, old samples can no longer be reproduced."""
    from decimal import Decimal

    regels = [Regel(2024, f"C{i}", f"F{i}", 1, Decimal(i * 100)) for i in range(1, 51)]
    getrokken, _strata = trek(jaar=2024, omvang=5, zaad="vast", regels=regels)
    assert [r.factuurnummer for r, _s in getrokken] == ["F12", "F23", "F47", "F40", "F2"]
