import pytest

from tests.meldingen.factories import InkooppakketFactory, MeldingFactory


@pytest.fixture
def maak_melding(organisatie, budgethouder):
    """A submitted melding (a dienst of € 80.000 unless told otherwise)."""

    def maak(**kw):
        kw.setdefault("organisatie", organisatie)
        kw.setdefault("budgethouder", budgethouder)
        kw.setdefault("ingediend", True)
        return MeldingFactory(**kw)

    return maak


@pytest.fixture
def concept(maak_melding):
    """A melding with its computed draft advice."""
    from adviezen.services import concept_advies_maken_uitvoeren

    def maak(**kw):
        return concept_advies_maken_uitvoeren(melding_id=maak_melding(**kw).pk)

    return maak


@pytest.fixture
def pakket(organisatie):
    return InkooppakketFactory(organisatie=organisatie)
