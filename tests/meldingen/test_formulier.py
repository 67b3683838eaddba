"""The melding form as a budget holder uses it: save at any step, submit, and what stops a submit."""

import pytest
from django.urls import reverse

from meldingen.models import Inkoopmelding

from .factories import KostenplaatsFactory


def _volledig(kp, **kw):
    data = {"omschrijving": "Onderhoud verkeerslichten", "soort": "dienst", "prijsvorm": "periodiek",
            "waarde_per_jaar": "40.000", "looptijd_maanden": "36", "verlengingen_aantal": "1",
            "verlenging_maanden": "12", "afdeling": "Wegen", "kostenplaats": kp.pk,
            "gewenste_startdatum": "01-03-2027", "branche": "overig", "mvoi_themas": ["klimaat", "circulair"],
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
def test_below_the_threshold_the_melding_is_kept_as_concept_and_not_submitted(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    antwoord = client.post(reverse("meldingen:nieuw"), _volledig(kp, waarde_per_jaar="5.000"))
    tekst = antwoord.content.decode().replace("\xa0", " ")
    assert antwoord.status_code == 200
    assert "geen inkoopmelding nodig" in tekst and "€ 20.000, lager dan € 25.000" in tekst
    assert Inkoopmelding.objects.get().status == "concept"


@pytest.mark.django_db
def test_submitting_an_incomplete_melding_saves_it_and_says_what_is_missing(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    antwoord = client.post(reverse("meldingen:nieuw"), _volledig(kp, gewenste_startdatum="", branche=""))
    tekst = antwoord.content.decode()
    assert "Vul de gewenste startdatum in." in tekst and "Kies de branche" in tekst
    assert 'href="#id_gewenste_startdatum"' in tekst  # the summary links to the field
    m = Inkoopmelding.objects.get()
    assert m.status == "concept"
    # The form that comes back carries the new version: saving it again is no conflict.
    assert f'name="versie" value="{m.versie}"' in tekst
    tweede = client.post(reverse("meldingen:bewerken", kwargs={"pk": m.pk}),
                         _volledig(kp, versie=str(m.versie)))
    assert tweede.status_code == 302
    assert Inkoopmelding.objects.get().status == "ingediend"


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
