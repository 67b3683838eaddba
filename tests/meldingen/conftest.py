import pytest

from inkoop.models import Rol

from .factories import MeldingFactory


@pytest.fixture
def maak_melding(organisatie, budgethouder):
    def maak(**kw):
        kw.setdefault("organisatie", organisatie)
        kw.setdefault("budgethouder", budgethouder)
        return MeldingFactory(**kw)

    return maak


@pytest.fixture
def collega(maak_gebruiker, organisatie):
    """Another budget holder of the same afdeling (Wegen)."""
    return maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="collega-wegen", afdeling="Wegen")


@pytest.fixture
def anders(maak_gebruiker, organisatie):
    """A budget holder of another afdeling."""
    return maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bh-cultuur", afdeling="Cultuur")


def als(gebruiker, organisatie=None):
    """The user as the middleware sets it (role and organisation), for rules and services."""
    from inkoop.models import Lidmaatschap

    lid = Lidmaatschap.objects.select_related("organisatie").get(
        gebruiker=gebruiker, **({"organisatie": organisatie} if organisatie else {}))
    gebruiker.lidmaatschap = lid
    gebruiker.organisatie = lid.organisatie
    return gebruiker
