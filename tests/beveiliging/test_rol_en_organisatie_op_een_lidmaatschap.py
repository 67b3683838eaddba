"""A role counts only in the organisation it was given in: role and organisation are matched
on one and the same membership."""

import pytest

from contracten.forms import TrajectForm
from inkoop.models import Rol
from inkoop.services import gebruiker_met_rol


@pytest.mark.django_db
def test_an_inkoper_of_another_organisation_cannot_be_a_trajects_inkoper_here(organisatie, andere_organisatie):
    elders = gebruiker_met_rol(organisatie=andere_organisatie, gebruikersnaam="dubbel", rol=Rol.INKOPER,
                               wachtwoord="x-geheim-123")
    # The same person is only a budget holder here.
    gebruiker_met_rol(organisatie=organisatie, gebruikersnaam="dubbel", rol=Rol.BUDGETHOUDER,
                      wachtwoord="x-geheim-123")
    hier = gebruiker_met_rol(organisatie=organisatie, gebruikersnaam="echte-inkoper", rol=Rol.INKOPER,
                             wachtwoord="x-geheim-123")
    keuzes = list(TrajectForm(organisatie=organisatie).fields["inkoper"].queryset)
    assert keuzes == [hier]
    form = TrajectForm({"inkoper": elders.pk}, organisatie=organisatie)
    form.is_valid()
    assert "inkoper" in form.errors
