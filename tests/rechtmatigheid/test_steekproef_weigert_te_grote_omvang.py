"""A sample larger than the population (or smaller than 1) is refused with a clear sentence."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rechtmatigheid.models import Steekproef

pytestmark = pytest.mark.django_db


@pytest.fixture
def drie_regels(grootboek):
    c = grootboek.crediteur("100001")
    for bedrag in ("10.00", "20.00", "30.00"):
        grootboek.regel(c, bedrag)


def _trek(omvang):
    call_command("steekproef", "2024", "--omvang", str(omvang), "--zaad", "1", stdout=StringIO(), stderr=StringIO())


def test_more_lines_than_the_population_is_refused(organisatie, drie_regels):
    with pytest.raises(CommandError, match="heeft maar 3 factuurregels"):
        _trek(4)
    assert not Steekproef.objects.exists()


def test_exactly_the_population_takes_every_line(organisatie, drie_regels):
    _trek(3)
    assert Steekproef.objects.get().regels.count() == 3


def test_a_size_below_one_is_refused(organisatie, drie_regels):
    with pytest.raises(CommandError, match="minstens 1"):
        _trek(0)


def test_the_command_exits_with_status_1_and_a_sentence(organisatie, drie_regels, capsys):
    from django.core.management import execute_from_command_line

    with pytest.raises(SystemExit) as afloop:
        execute_from_command_line(["manage.py", "steekproef", "2024", "--omvang", "10", "--zaad", "1"])
    assert afloop.value.code == 1
    assert "Kies een omvang van hoogstens 3." in capsys.readouterr().err
