"""The beheerder keeps the policy in the application: view, new dated version, history."""

from datetime import date

import pytest
from django.urls import reverse

from adviezen.forms import beleid_initial
from beleid.models import Beleid
from beleid.selectors import beleid_als_dict, beleid_voor

pytestmark = pytest.mark.django_db


def _post_data(**wijzigingen):
    """The policy form as the browser sends it, filled with the default policy."""
    algemeen, drempels, banden = beleid_initial(beleid_als_dict(beleid_voor(None)))
    data = {"geldig_vanaf": "2026-01-01", "toelichting": "Raadsbesluit 12 mei", "naam": "Inkoopbeleid Testdorp"}
    for k, v in algemeen.items():
        if k in ("geldig_vanaf", "toelichting", "naam", "versie", "percelen_max_aandeel", "sroi_soorten",
                 "sroi_maatwerk_soorten"):
            continue
        if isinstance(v, list):
            v = "\n".join(v)
        data[k] = "" if v is None else str(v).replace(".", ",") if k.endswith(("pct", "percentage",
                                                                                 "arbeidsaandeel_onder")) else str(v)
    data["percelen_max_aandeel_pct"] = "20"
    for prefix, rijen, velden in (("drempel", drempels, ["geldig_vanaf", "geldig_tot", "leveringen_diensten", "werken",
                                                         "sociale_diensten", "bron", "regel"]),
                                  ("band", banden, ["soort", "werk_categorie", "vanaf", "procedure"])):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rijen))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rijen))
        for i, rij in enumerate(rijen):
            for veld in velden:
                data[f"{prefix}-{i}-{veld}"] = rij.get(veld) or ""
            if rij.get("altijd_regionaal"):
                data[f"{prefix}-{i}-altijd_regionaal"] = "on"
    data.update(wijzigingen)
    return data


def test_the_beheerder_sees_the_policy_in_force_and_its_history(client_als):
    antwoord = client_als("beheerder").get(reverse("adviezen:beleid"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Nu van kracht" in inhoud and "5.538.000" in inhoud and "3.000.000" in inhoud


def test_saving_the_form_creates_a_new_dated_version_for_the_organisation(client_als, organisatie):
    client = client_als("beheerder")
    antwoord = client.post(reverse("adviezen:beleid_wijzigen"), _post_data(sroi_vanaf="200.000"))
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    nieuw = Beleid.objects.get(organisatie=organisatie)
    assert nieuw.geldig_vanaf == date(2026, 1, 1)
    assert nieuw.sroi_vanaf == 200000
    assert nieuw.eu_drempels.count() == 3
    assert nieuw.banden.filter(werk_categorie="gww", altijd_regionaal=True).count() == 1
    assert Beleid.objects.filter(organisatie__isnull=True).get().sroi_vanaf == 100000  # default untouched
    versie = client.get(reverse("adviezen:beleid_versie", kwargs={"pk": nieuw.pk})).content.decode()
    assert "SROI vanaf" in versie  # the change is named


def test_an_overlapping_period_is_refused_with_a_dutch_reason(client_als, organisatie):
    antwoord = client_als("beheerder").post(reverse("adviezen:beleid_wijzigen"),
                                            _post_data(**{"drempel-1-geldig_vanaf": "2023-06-01"}))
    assert antwoord.status_code == 200
    assert "overlappen" in antwoord.content.decode()
    assert not Beleid.objects.filter(organisatie=organisatie).exists()


def test_a_malformed_amount_says_what_and_where(client_als, organisatie):
    antwoord = client_als("beheerder").post(reverse("adviezen:beleid_wijzigen"), _post_data(melding_vanaf="€ 25.000,-x"))
    assert antwoord.status_code == 200
    assert "Inkoopmelding verplicht vanaf" in antwoord.content.decode()
    assert not Beleid.objects.filter(organisatie=organisatie).exists()


def test_new_2028_thresholds_let_the_advice_work_in_2028(client_als, organisatie):
    data = _post_data(**{"drempel-TOTAL_FORMS": "4", "drempel-3-geldig_vanaf": "2028-01-01",
                         "drempel-3-geldig_tot": "2029-12-31", "drempel-3-leveringen_diensten": "220.000",
                         "drempel-3-werken": "5.500.000", "drempel-3-sociale_diensten": "750.000"})
    assert client_als("beheerder").post(reverse("adviezen:beleid_wijzigen"), data).status_code == 302
    from adviezen.engine import advies_als_json
    from beleid.selectors import beleidsregels

    code, antwoord = advies_als_json({"soort": "dienst", "datum": "2028-03-01", "waarde_totaal": 220000},
                                     beleidsregels(beleid_voor(organisatie)))
    assert code == 0 and antwoord["procedure"] == "europees_openbaar"


def test_a_policy_change_applies_to_new_advice_only(client_als, organisatie, concept):
    oud = concept()
    assert oud.procedure == "meervoudig_onderhands"
    data = _post_data(**{"band-1-vanaf": "100.000"})  # dienst meervoudig only from 100.000
    assert client_als("beheerder").post(reverse("adviezen:beleid_wijzigen"), data).status_code == 302
    oud.refresh_from_db()
    assert oud.procedure == "meervoudig_onderhands" and oud.beleid.organisatie is None
    nieuw = concept()
    assert nieuw.procedure == "enkelvoudig"
    assert nieuw.beleid.organisatie == organisatie


def test_another_organisations_version_is_not_found(client_als, andere_organisatie):
    from adviezen.engine import STANDAARDBELEID
    from beleid.services import beleid_versie_opslaan

    vreemd = beleid_versie_opslaan(organisatie=andere_organisatie, gegevens=STANDAARDBELEID,
                                   geldig_vanaf=date(2024, 1, 1), toelichting="", door=None)
    assert client_als("beheerder").get(reverse("adviezen:beleid_versie", kwargs={"pk": vreemd.pk})).status_code == 404
