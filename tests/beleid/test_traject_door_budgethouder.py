"""The policy says which procedures the budget holder runs themselves after the advice."""

import pytest
from django.urls import reverse

from adviezen.engine import OngeldigBeleid
from beleid.models import Beleid
from beleid.selectors import beleid_als_dict, beleid_voor
from beleid.services import beleid_versie_opslaan
from tests.adviezen.test_beleid_pagina import _post_data

pytestmark = pytest.mark.django_db


def test_by_default_the_budget_holder_asks_a_single_quote_themselves():
    assert beleid_voor(None).traject_door_budgethouder == ["enkelvoudig"]


@pytest.mark.parametrize(("gekozen", "opgeslagen"), [
    (["enkelvoudig", "meervoudig_onderhands"], ["enkelvoudig", "meervoudig_onderhands"]),
    ([], []),  # Inkoop guides every procedure
])
def test_the_beheerder_sets_it_in_a_new_version(client_als, organisatie, gekozen, opgeslagen):
    client = client_als("beheerder")
    data = _post_data()
    data["traject_door_budgethouder"] = gekozen
    assert 'name="traject_door_budgethouder"' in client.get(reverse("adviezen:beleid_wijzigen")).content.decode()
    antwoord = client.post(reverse("adviezen:beleid_wijzigen"), data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    nieuw = Beleid.objects.get(organisatie=organisatie)
    assert nieuw.traject_door_budgethouder == opgeslagen
    versie = client.get(reverse("adviezen:beleid_versie", kwargs={"pk": nieuw.pk})).content.decode()
    if gekozen != ["enkelvoudig"]:
        assert "Traject door budgethouder" in versie  # the change is named
    assert ("altijd de inkoper" in versie) == (not opgeslagen)


def test_a_public_procedure_stays_with_inkoop(organisatie, beheerder):
    gegevens = {**beleid_als_dict(beleid_voor(None)), "traject_door_budgethouder": ["europees_openbaar"]}
    with pytest.raises(OngeldigBeleid, match="Inkoop altijd"):
        beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf="2026-01-01",
                              toelichting="", door=beheerder)
    assert not Beleid.objects.filter(organisatie=organisatie).exists()
