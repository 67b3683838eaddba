"""After `python manage.py demo`, `jaarverslag 2024 --json` equals every published figure."""

import importlib.util
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from inkoop.models import Organisatie

from .conftest import ENSCHEDE, gepubliceerd
from .vergelijk import verschillen

pytestmark = pytest.mark.skipif(importlib.util.find_spec("uitgaven.demo") is None,
                                reason="uitgaven.demo (het grootboek in de demo) bestaat nog niet")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`demo` once for this module, inside a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("demo", "--wachtwoord", "demo-wachtwoord-1", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield Organisatie.objects.get(naam=ENSCHEDE)
        transaction.set_rollback(True)


@pytest.fixture
def export(demo, db, tmp_path):
    pad = tmp_path / "jaarverslag-2024.json"
    call_command("jaarverslag", "2024", "--json", str(pad), "--organisatie", ENSCHEDE)
    return json.loads(pad.read_text("utf-8"))


@pytest.mark.parametrize("sectie", [k for k in gepubliceerd() if not k.startswith("_")])
def test_every_published_field_is_reproduced(export, sectie):
    assert verschillen({sectie: gepubliceerd()[sectie]}, export) == []


def test_running_demo_twice_changes_no_figure(demo, db, export):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("demo", "--wachtwoord", "demo-wachtwoord-1", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from jaarverslag.selectors import bereken_json

    assert bereken_json(organisatie=demo, jaar=2024) == export


def test_the_demo_loads_the_narrative_of_the_report(demo, db):
    from jaarverslag.models import Verhaaltekst

    teksten = dict(Verhaaltekst.objects.filter(organisatie=demo, jaar=2024).values_list("hoofdstuk", "tekst"))
    assert len(teksten) == 7
    assert "Manifest MVOI" in teksten["mvoi"]
