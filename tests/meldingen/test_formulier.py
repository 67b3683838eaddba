"""The melding form as a budget holder uses it: save at any step, submit, and what stops a submit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Inkoopmelding

from .factories import KostenplaatsFactory


def _volledig(kp, **kw):
    data = {"omschrijving": "Onderhoud verkeerslichten", "soort": "dienst", "prijsvorm": "periodiek",
            "waarde_per_jaar": "40.000", "looptijd_maanden": "36", "verlengingen_aantal": "1",
            "verlenging_maanden": "12", "afdeling": "Wegen", "kostenplaats": kp.pk,
            "gewenste_startdatum": (timezone.localdate() + timedelta(days=90)).strftime("%d-%m-%Y"), "branche": "overig", "mvoi_themas": ["klimaat", "circulair"],
            "regionale_markt_beschikbaar": "on", "actie": "indienen"}
    data.update(kw)
    return data


@pytest.mark.django_db
def test_the_empty_form_explains_itself(client_als):
    tekst = client_als("budgethouder", afdeling="Wegen").get(reverse("meldingen:nieuw")).content.decode()
    for stap in ("Wat wilt u inkopen?", "Voor wie?", "Wanneer en hoe lang?", "Hoeveel gaat het kosten?",
                 "Duurzaam en sociaal inkopen", "Bijlagen", "Opslaan als concept", "Melding indienen"):
        assert stap in tekst
    assert 'value="Wegen"' in tekst  # the afdeling is filled in from the user's membership


@pytest.mark.django_db
def test_a_concept_can_be_saved_with_only_a_description(client_als):
    client = client_als("budgethouder")
    antwoord = client.post(reverse("meldingen:nieuw"), {"omschrijving": "Nieuwe printers", "prijsvorm": "totaal",
                                                         "actie": "opslaan"})
    m = Inkoopmelding.objects.get()
    assert antwoord["Location"] == reverse("meldingen:bewerken", kwargs={"pk": m.pk})
    assert (m.status, m.geraamde_waarde, m.statuswijzigingen.get().naar) == ("concept", None, "concept")


@pytest.mark.django_db
def test_a_complete_melding_is_submitted_in_one_go(client_als, organisatie):
    client = client_als("budgethouder", afdeling="Wegen")
    kp = KostenplaatsFactory(organisatie=organisatie)
    antwoord = client.post(reverse("meldingen:nieuw"), _volledig(kp))
    m = Inkoopmelding.objects.get()
    assert antwoord["Location"] == reverse("meldingen:detail", kwargs={"pk": m.pk})
    assert m.status == "ingediend" and m.nummer.endswith("-0001")
    assert m.geraamde_waarde == 160000  # 40.000 a year over 36 + 12 months
    assert m.mvoi_themas == ["klimaat", "circulair"]
    detail = client.get(antwoord["Location"]).content.decode()
    assert "is ingediend" in detail and "Concept → Ingediend" in detail


@pytest.mark.django_db
def test_below_the_threshold_submitting_stores_nothing_and_says_what_to_do_instead(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    antwoord = client.post(reverse("meldingen:nieuw"), _volledig(kp, waarde_per_jaar="5.000"))
    tekst = antwoord.content.decode().replace("\xa0", " ")
    assert antwoord.status_code == 200
    assert "geen inkoopmelding nodig" in tekst and "€ 20.000, lager dan € 25.000" in tekst
    assert "vraag zelf een of meer offertes op" in tekst
    assert not Inkoopmelding.objects.exists()  # no concept that can never be submitted


@pytest.mark.django_db
def test_submitting_an_incomplete_melding_names_every_problem_at_once_and_stores_nothing(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    # A typing error (amount), an implausible term and two missing facts: one round shows all four.
    antwoord = client.post(reverse("meldingen:nieuw"), _volledig(kp, gewenste_startdatum="", branche="",
                                                                 looptijd_maanden="600", waarde_per_jaar="12,345,00"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Vul de gewenste startdatum in." in tekst and "Kies de branche" in tekst
    assert "Een looptijd van 600 maanden" in tekst and "Waarde per jaar:" in tekst
    assert 'href="#id_gewenste_startdatum"' in tekst  # the summary links to the field
    assert 'href="#id_looptijd_maanden"' in tekst
    assert not Inkoopmelding.objects.exists()
    tweede = client.post(reverse("meldingen:nieuw"), _volledig(kp))
    assert tweede.status_code == 302
    assert Inkoopmelding.objects.get().status == "ingediend"


@pytest.mark.django_db
def test_an_incomplete_concept_stays_as_it_was_when_submitting_fails(client_als, organisatie, budgethouder):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    client.post(reverse("meldingen:nieuw"), {"omschrijving": "Printers", "prijsvorm": "totaal", "actie": "opslaan"})
    m = Inkoopmelding.objects.get()
    antwoord = client.post(reverse("meldingen:bewerken", kwargs={"pk": m.pk}),
                           _volledig(kp, versie=str(m.versie), branche=""))
    assert "Kies de branche" in antwoord.content.decode()
    m2 = Inkoopmelding.objects.get()
    assert (m2.versie, m2.status, m2.kostenplaats_id) == (m.versie, "concept", None)


@pytest.mark.django_db
def test_an_inkoper_files_on_behalf_of_a_budget_holder(client_als, organisatie, budgethouder):
    client = client_als("inkoper")
    kp = KostenplaatsFactory(organisatie=organisatie)
    tekst = client.get(reverse("meldingen:nieuw")).content.decode()
    assert "u meldt namens deze persoon" in tekst
    client.post(reverse("meldingen:nieuw"), _volledig(kp, budgethouder=budgethouder.pk, afdeling=""))
    m = Inkoopmelding.objects.get()
    assert m.budgethouder == budgethouder and m.aangemaakt_door.username.startswith("inkoper")
    assert m.afdeling == "Wegen"  # taken from the budget holder's membership
    client.force_login(budgethouder)
    assert m.omschrijving in client.get(reverse("meldingen:mijn")).content.decode()


@pytest.mark.django_db
def test_an_inkoper_moves_the_workflow_by_hand_with_a_reason_where_needed(maak_melding, budgethouder, inkoper,
                                                                         client):
    from meldingen.services import melding_indienen, melding_status_wijzigen, melding_toewijzen

    m = maak_melding()
    melding_indienen(melding=m, door=budgethouder)
    melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    melding_status_wijzigen(melding=m, naar="advies_uitgebracht", door=inkoper)
    client.force_login(inkoper)
    url = reverse("meldingen:status", kwargs={"pk": m.pk})
    assert "Zet op traject gestart" in client.get(reverse("meldingen:detail", kwargs={"pk": m.pk})).content.decode()
    client.post(url, {"naar": "traject_gestart"})
    client.post(url, {"naar": "vervallen"})  # no reason: refused
    m.refresh_from_db()
    assert m.status == "traject_gestart"
    assert client.post(url, {"naar": "advies_uitgebracht"}).status_code == 403  # not a button
