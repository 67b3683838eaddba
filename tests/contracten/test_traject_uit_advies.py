"""After the budget holder accepts the advice, the traject starts from it, prefilled.

Who starts it follows the policy the advice was computed with (Beleid.traject_door_budgethouder):
the budget holder runs a single-quote procedure themselves, Inkoop starts every other one.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from adviezen.services import advies_accepteren, advies_uitbrengen, concept_advies_maken_uitvoeren
from contracten.models import Traject
from contracten.services import traject_starten_uit_advies
from inkoop.models import Notificatie
from meldingen.models import Inkoopmelding
from meldingen.selectors import tijdlijn
from tests.meldingen.factories import MeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def geaccepteerd(organisatie, budgethouder, inkoper):
    """An advice the budget holder accepted (a dienst: € 28.000 is enkelvoudig, € 80.000 meervoudig)."""

    def maak(waarde="80000", accepteren=True):
        melding = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True,
                                 waarde_totaal=Decimal(waarde), omschrijving="Onderhoud fietspaden")
        advies = advies_uitbrengen(advies=concept_advies_maken_uitvoeren(melding_id=melding.pk), door=inkoper)
        if accepteren:
            advies = advies_accepteren(advies=advies, door=budgethouder)
        return advies

    return maak


def _start_url(advies):
    return reverse("contracten:traject_uit_advies", kwargs={"advies_pk": advies.pk})


def test_the_inkoper_starts_the_traject_from_a_prefilled_form(geaccepteerd, client, inkoper, budgethouder):
    advies = geaccepteerd()
    client.force_login(inkoper)
    pagina = client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk})).content.decode()
    assert "Volgende stap: het traject starten" in pagina and _start_url(advies) in pagina
    form = client.get(_start_url(advies)).context["form"]
    assert form.initial["procedure"] == "meervoudig_onderhands"
    assert form.initial["omschrijving"] == "Onderhoud fietspaden"
    assert form.initial["geraamde_waarde"] == Decimal("80000.00")
    assert form.initial["inkoper"] == advies.melding.inkoper_id == inkoper.pk
    assert "meldingnummer" not in form.fields  # the melding is given by the advice
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["startdatum"] = form.initial["startdatum"].strftime("%d-%m-%Y")
    data["geraamde_waarde"] = "80.000"
    antwoord = client.post(_start_url(advies), data)
    traject = Traject.objects.get()
    assert antwoord["Location"] == reverse("contracten:traject", kwargs={"pk": traject.pk})
    assert (traject.melding_id, traject.procedure, traject.begeleid_door_inkoop) == (
        advies.melding_id, "meervoudig_onderhands", True)
    assert Inkoopmelding.objects.get(pk=advies.melding_id).status == "traject_gestart"
    laatste = [g for g in tijdlijn(advies.melding) if g.soort == "traject_gestart"]
    assert [g.url for g in laatste] == [reverse("contracten:traject", kwargs={"pk": traject.pk})]
    assert Notificatie.objects.filter(ontvanger=budgethouder, onderwerp__contains="traject gestart").exists()


def test_before_acceptance_there_is_no_start(geaccepteerd, client, inkoper):
    advies = geaccepteerd(accepteren=False)
    client.force_login(inkoper)
    assert "Volgende stap" not in client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk})).content.decode()
    assert client.get(_start_url(advies)).status_code == 403
    with pytest.raises(ValidationError):
        traject_starten_uit_advies(advies=advies, door=inkoper, omschrijving="x", procedure="meervoudig_onderhands",
                                   soort="dienst", startdatum=advies.peildatum)
    assert not Traject.objects.exists()


def test_the_budget_holder_starts_a_single_quote_traject_themselves(geaccepteerd, client, budgethouder, inkoper):
    advies = geaccepteerd(waarde="28000")
    assert advies.procedure == "enkelvoudig"
    client.force_login(budgethouder)
    melding_pagina = client.get(reverse("meldingen:detail", kwargs={"pk": advies.melding_id})).content.decode()
    assert "voert u deze procedure zelf uit" in melding_pagina and _start_url(advies) in melding_pagina
    form = client.get(_start_url(advies)).context["form"]
    assert "inkoper" not in form.fields and "begeleid_door_inkoop" not in form.fields
    assert [k for k, _v in form.fields["procedure"].choices] == ["enkelvoudig"]
    antwoord = client.post(_start_url(advies), {
        "omschrijving": "Onderhoud fietspaden", "procedure": "enkelvoudig", "soort": "dienst",
        "startdatum": form.initial["startdatum"].strftime("%d-%m-%Y"), "afdeling": "Wegen",
        "geraamde_waarde": "28.000"})
    traject = Traject.objects.get()
    assert antwoord.status_code == 302
    assert (traject.begeleid_door_inkoop, traject.melding_id, traject.inkoper) == (False, advies.melding_id, inkoper)
    assert Notificatie.objects.filter(ontvanger=inkoper, onderwerp__startswith=f"Traject {traject.nummer}").exists()


def test_the_budget_holder_leaves_a_guided_procedure_to_inkoop(geaccepteerd, client, budgethouder):
    advies = geaccepteerd()
    client.force_login(budgethouder)
    pagina = client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk})).content.decode()
    assert "Inkoop start nu het traject" in pagina and _start_url(advies) not in pagina
    assert client.post(_start_url(advies), {"omschrijving": "x"}).status_code == 403


def test_the_policy_decides_who_starts(geaccepteerd, client, budgethouder):
    advies = geaccepteerd(waarde="28000")
    advies.beleid.traject_door_budgethouder = []  # this policy: Inkoop guides every procedure
    advies.beleid.save()
    client.force_login(budgethouder)
    assert client.get(_start_url(advies)).status_code == 403
    assert "Inkoop start nu het traject" in client.get(
        reverse("adviezen:advies", kwargs={"pk": advies.pk})).content.decode()


def test_a_melding_gets_one_traject(geaccepteerd, client, inkoper):
    advies = geaccepteerd()
    velden = {"omschrijving": "Onderhoud", "procedure": "meervoudig_onderhands", "soort": "dienst",
              "startdatum": advies.peildatum}
    eerste = traject_starten_uit_advies(advies=advies, door=inkoper, **velden)
    with pytest.raises(ValidationError, match=f"traject {eerste.nummer} al gestart"):
        traject_starten_uit_advies(advies=advies, door=inkoper, **velden)
    client.force_login(inkoper)
    antwoord = client.get(_start_url(advies))
    assert antwoord["Location"] == reverse("contracten:traject", kwargs={"pk": eerste.pk})
    pagina = client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk})).content.decode()
    assert f"Traject {eerste.nummer}" in pagina and "Het traject is gestart" in pagina
