"""The policy in the database: seeded by the data migration, dated versions, per organisation."""

from dataclasses import fields
from datetime import date, timedelta

import pytest
from django.utils import timezone

from adviezen.engine import STANDAARDBELEID, OngeldigBeleid, advies_als_json, standaardbeleid
from beleid.models import Beleid
from beleid.selectors import beleid_als_dict, beleid_voor, beleidsregels
from beleid.services import beleid_versie_opslaan

from .gevallen import GEVALLEN


@pytest.mark.django_db
def test_migrate_seeds_exactly_one_global_default_policy():
    standaard = Beleid.objects.filter(organisatie__isnull=True)
    assert standaard.count() == 1
    assert standaard.get().eu_drempels.count() == 3


@pytest.mark.django_db
def test_the_seeded_policy_equals_the_engine_default():
    uit_db, uit_code = beleidsregels(beleid_voor(None)), standaardbeleid()
    for veld in fields(uit_code):
        if veld.compare and veld.name not in ("versie", "banden"):
            assert getattr(uit_db, veld.name) == getattr(uit_code, veld.name), veld.name
    # The bands are stored one row per werk category; they must decide the same.
    tekst = {"motivering", "waarschuwingen", "beleid"}
    for _, invoer, _ in GEVALLEN:
        (c1, a1), (c2, a2) = (advies_als_json(invoer, beleidsregels(beleid_voor(None))),
                              advies_als_json(invoer, standaardbeleid()))
        assert c1 == c2
        assert {k: v for k, v in a1.items() if k not in tekst} == {k: v for k, v in a2.items() if k not in tekst}


@pytest.mark.django_db
def test_the_seeded_policy_holds_the_facts_of_the_seed_report():
    b = beleid_voor(None)
    assert b.melding_vanaf == 25000
    assert b.sroi_vanaf == 100000 and b.sroi_percentage == 5
    assert (b.uitnodigen_meervoudig_min, b.uitnodigen_meervoudig_max, b.min_regionaal_meervoudig) == (3, 5, 2)
    assert {"bouw", "milieu", "ict", "vervoer", "beveiliging", "openbare_orde"} <= set(b.bibob_branches)
    gww = b.banden.filter(soort="werk", werk_categorie="gww", procedure="nationaal_openbaar").get()
    assert gww.vanaf == 3000000


@pytest.mark.django_db
def test_an_organisation_uses_the_default_until_it_has_its_own(organisatie):
    assert beleid_voor(organisatie).organisatie is None
    eigen = beleid_versie_opslaan(organisatie=organisatie, gegevens=STANDAARDBELEID, geldig_vanaf=date(2020, 1, 1),
                                  toelichting="Eigen versie", door=None)
    assert beleid_voor(organisatie) == eigen


@pytest.mark.django_db
def test_a_version_dated_in_the_future_applies_from_that_date(organisatie):
    morgen = timezone.localdate() + timedelta(days=1)
    gegevens = {**STANDAARDBELEID, "melding_vanaf": "30000"}
    beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf=morgen, toelichting="", door=None)
    assert beleid_voor(organisatie).melding_vanaf == 25000
    assert beleid_voor(organisatie, op=morgen).melding_vanaf == 30000


@pytest.mark.django_db
def test_a_new_version_leaves_the_old_one_untouched(organisatie):
    oud = beleid_versie_opslaan(organisatie=organisatie, gegevens=STANDAARDBELEID, geldig_vanaf=date(2020, 1, 1),
                                toelichting="", door=None)
    beleid_versie_opslaan(organisatie=organisatie, gegevens={**STANDAARDBELEID, "sroi_vanaf": "200000"},
                          geldig_vanaf=date(2021, 1, 1), toelichting="Zwolle-grens", door=None)
    oud.refresh_from_db()
    assert oud.sroi_vanaf == 100000
    assert beleid_voor(organisatie).sroi_vanaf == 200000


@pytest.mark.django_db
def test_another_organisations_policy_is_never_used(organisatie, andere_organisatie):
    beleid_versie_opslaan(organisatie=andere_organisatie, gegevens={**STANDAARDBELEID, "melding_vanaf": "1"},
                          geldig_vanaf=date(2020, 1, 1), toelichting="", door=None)
    assert beleid_voor(organisatie).organisatie is None


@pytest.mark.django_db
def test_an_inconsistent_policy_is_refused_and_nothing_is_stored(organisatie):
    gegevens = beleid_als_dict(beleid_voor(None))
    gegevens["eu_drempels"][1]["geldig_vanaf"] = "2023-06-01"  # overlaps 2022-2023
    with pytest.raises(OngeldigBeleid) as fout:
        beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf=date(2020, 1, 1),
                              toelichting="", door=None)
    assert "overlappen" in str(fout.value)
    assert not Beleid.objects.filter(organisatie=organisatie).exists()


@pytest.mark.django_db
def test_a_flushed_default_policy_is_restored_instead_of_failing():
    Beleid.objects.filter(organisatie__isnull=True).delete()
    hersteld = beleid_voor(None)
    assert hersteld is not None and hersteld.melding_vanaf == 25000
    assert Beleid.objects.filter(organisatie__isnull=True).count() == 1
