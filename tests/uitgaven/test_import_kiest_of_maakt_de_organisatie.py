"""--organisatie NAAM creates the organisation when it is new; without it the only organisation,
or on a fresh database one named "Standaardorganisatie" (interfaces.md: migrate, then import)."""

import pytest

from inkoop.models import Organisatie
from uitgaven.models import Crediteur


@pytest.mark.django_db
def test_a_new_organisation_name_creates_the_organisation(stam, importeer):
    assert importeer(stam, "--organisatie", "Gemeente Nieuwstad", org=None).code == 0
    org = Organisatie.objects.get(naam="Gemeente Nieuwstad")
    assert Crediteur.objects.filter(organisatie=org).count() == 5


@pytest.mark.django_db
def test_a_fresh_database_gets_a_default_organisation(stam, importeer):
    assert importeer(stam, org=None).code == 0
    assert list(Organisatie.objects.values_list("naam", flat=True)) == ["Standaardorganisatie"]


@pytest.mark.django_db
def test_without_the_option_the_only_organisation_is_used(stam, importeer, organisatie):
    assert importeer(stam, org=None).code == 0
    assert Crediteur.objects.filter(organisatie=organisatie).count() == 5


@pytest.mark.django_db
def test_with_several_organisations_the_option_is_required(stam, importeer, organisatie, andere_organisatie):
    uitkomst = importeer(stam, org=None)
    assert uitkomst.code == 1
    assert "--organisatie" in uitkomst.fout
    assert not Crediteur.objects.exists()
