"""Two people saving the same melding get a clear conflict, never a lost update."""

import pytest
from django.test import Client
from django.urls import reverse

from meldingen.models import Inkoopmelding
from meldingen.services import MeldingConflict, melding_opslaan


@pytest.mark.django_db
def test_the_second_of_two_saves_from_the_same_version_is_refused(maak_melding, budgethouder, collega, organisatie):
    m = maak_melding()
    bram = Inkoopmelding.objects.get(pk=m.pk)
    carla = Inkoopmelding.objects.get(pk=m.pk)  # both opened versie 1
    melding_opslaan(organisatie=organisatie, door=budgethouder, melding=bram, versie=1,
                    gegevens={"omschrijving": "Versie van Bram"})
    with pytest.raises(MeldingConflict) as conflict:
        melding_opslaan(organisatie=organisatie, door=collega, melding=carla, versie=1,
                        gegevens={"omschrijving": "Versie van Carla"})
    assert str(budgethouder) in str(conflict.value)
    assert "Uw wijzigingen zijn niet opgeslagen" in str(conflict.value)
    opgeslagen = Inkoopmelding.objects.get(pk=m.pk)
    assert (opgeslagen.omschrijving, opgeslagen.versie) == ("Versie van Bram", 2)


def _formulier(melding, **wijziging):
    data = {"omschrijving": melding.omschrijving, "soort": melding.soort, "prijsvorm": melding.prijsvorm,
            "waarde_totaal": "80.000", "looptijd_maanden": "24", "afdeling": "Wegen",
            "kostenplaats": melding.kostenplaats_id, "branche": "overig", "versie": str(melding.versie),
            "actie": "opslaan"}
    data.update(wijziging)
    return data


@pytest.mark.django_db
def test_two_people_editing_in_the_browser_see_the_conflict_and_what_differs(maak_melding, budgethouder, collega):
    m = maak_melding()
    bram, carla = Client(), Client()
    bram.force_login(budgethouder)
    carla.force_login(collega)
    url = reverse("meldingen:bewerken", kwargs={"pk": m.pk})
    assert bram.get(url).status_code == carla.get(url).status_code == 200

    assert bram.post(url, _formulier(m, waarde_totaal="90.000")).status_code == 302
    antwoord = carla.post(url, _formulier(m, looptijd_maanden="36"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 409
    assert "Iemand anders heeft deze melding intussen gewijzigd" in tekst
    assert "Totale waarde" in tekst and "€\xa090.000,00" in tekst  # what Bram stored ...
    assert "€\xa080.000,00" in tekst  # ... against what Carla typed
    m.refresh_from_db()
    assert (m.waarde_totaal, m.looptijd_maanden, m.versie) == (90000, 24, 2)  # Bram's save is intact

    # Carla looked at the differences and saves again on purpose: now it is a deliberate overwrite.
    assert 'name="versie" value="2"' in tekst
    assert carla.post(url, _formulier(m, looptijd_maanden="36", versie="2")).status_code == 302
    m.refresh_from_db()
    assert (m.looptijd_maanden, m.versie, m.gewijzigd_door) == (36, 3, collega)


@pytest.mark.django_db
def test_a_status_change_also_invalidates_an_open_edit_form(maak_melding, budgethouder, organisatie):
    from meldingen.services import melding_indienen

    m = maak_melding()
    open_formulier = Inkoopmelding.objects.get(pk=m.pk)
    melding_indienen(melding=m, door=budgethouder)
    from meldingen.workflow import OngeldigeOvergang

    with pytest.raises(OngeldigeOvergang, match="al ingediend"):
        melding_opslaan(organisatie=organisatie, door=budgethouder, melding=Inkoopmelding.objects.get(pk=m.pk),
                        versie=open_formulier.versie, gegevens={"omschrijving": "Te laat"})
    with pytest.raises(MeldingConflict):
        open_formulier.status = "concept"
        melding_opslaan(organisatie=organisatie, door=budgethouder, melding=open_formulier,
                        versie=open_formulier.versie, gegevens={"omschrijving": "Te laat"})
    assert Inkoopmelding.objects.get(pk=m.pk).omschrijving != "Te laat"
