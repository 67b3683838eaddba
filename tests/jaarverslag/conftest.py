import json
from pathlib import Path

import pytest
from django.db import transaction
from django.test import TestCase

from inkoop.models import Organisatie

from .grootboek import enschede_map, importeer

ENSCHEDE = "Gemeente Enschede"


def gepubliceerd() -> dict:
    """The published figures of the Enschede 2024 report (shipped next to the test)."""
    return json.loads((Path(__file__).parent / "data" / "jaarverslag-enschede-2024.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def enschede_grootboek(django_db_setup, django_db_blocker):
    """The Enschede ledger imported once per module, rolled back afterwards.

    The import runs inside an outer transaction; every test's own transaction nests in it as a
    savepoint, and the module ends with a rollback so no other test sees the ledger.
    """
    map_ = enschede_map()
    if map_ is None:
        pytest.skip("Het grootboek van Enschede is niet gevonden.")
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            importeer(map_, ENSCHEDE)
        yield Organisatie.objects.get(naam=ENSCHEDE)
        transaction.set_rollback(True)


@pytest.fixture
def klein(organisatie, tmp_path):
    """The tiny ledger of klein_grootboek imported for `organisatie` (Gemeente Testdorp)."""
    from .klein_grootboek import schrijf

    with TestCase.captureOnCommitCallbacks(execute=True):
        importeer(schrijf(tmp_path / "grootboek"), organisatie.naam)
    organisatie.refresh_from_db()
    return organisatie
