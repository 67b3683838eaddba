"""The Enschede ledger shipped with the demo reproduces the published 2024 figures: volume per
year, per category (with "Nog niet beoordeelde inkopen") and per region, rounded half-up only at
the end from exact cent totals (tests/data/jaarverslag-2024.json)."""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from inkoop.formatting import rond_af
from inkoop.models import Organisatie
from uitgaven import selectors
from uitgaven.demo import DEMO_MAP
from uitgaven.models import Factuurregel, Importrun, Jaaromzet

NAAM = "Gemeente Enschede (uitgaventest)"
GEPUBLICEERD = json.loads((Path(__file__).parents[1] / "data" / "jaarverslag-2024.json").read_text("utf-8"))


def _euro(waarde):
    return None if waarde is None else int(rond_af(waarde))


@pytest.fixture(scope="module")
def enschede(django_db_setup, django_db_blocker):
    """The ledger imported once for this module inside a transaction that is rolled back at the
    end; each test's own transaction nests in it as a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        uit = io.StringIO()
        call_command("import_uitgaven", str(DEMO_MAP), "--organisatie", NAAM, stdout=uit)
        yield Organisatie.objects.get(naam=NAAM), uit.getvalue()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_whole_ledger_imports_in_one_command(enschede):
    org, samenvatting = enschede
    assert samenvatting.startswith("Geïmporteerd: 8 bestanden (regio 17, inkooppakketten 40, kostenplaatsen 28, "
                                   "crediteuren 5257, facturen 131256); 136598 nieuw, 0 gewijzigd, 0 ongewijzigd;")
    assert Factuurregel.objects.filter(organisatie=org).count() == 131256


@pytest.mark.django_db
def test_the_volume_per_year_equals_the_published_figures(enschede):
    org, _ = enschede
    volume = {int(r.naam): r for r in selectors.inkoopvolume(organisatie=org)}
    for jaar in GEPUBLICEERD["inkoopvolume"]:
        regel = volume[jaar["jaar"]]
        assert _euro(regel.bedrag) == jaar["bedrag"]
        if "ontwikkeling_euro" in jaar:
            assert _euro(regel.ontwikkeling_euro) == jaar["ontwikkeling_euro"]
            assert _euro(regel.ontwikkeling_pct) == jaar["ontwikkeling_pct"]


@pytest.mark.django_db
def test_the_categories_equal_the_published_figures(enschede):
    org, _ = enschede
    berekend = [{"code": r.code, "naam": r.naam, "vorig_jaar": _euro(r.vorig_jaar), "bedrag": _euro(r.bedrag),
                 "ontwikkeling_euro": _euro(r.ontwikkeling_euro), "ontwikkeling_pct": _euro(r.ontwikkeling_pct)}
                for r in selectors.per_categorie(organisatie=org, jaar=2024)]
    assert sorted(berekend, key=str) == sorted(GEPUBLICEERD["categorieen"], key=str)
    assert [c["naam"] for c in berekend[-2:]] == ["Nog niet beoordeelde inkopen", "Eindtotaal"]


@pytest.mark.django_db
def test_the_regions_equal_the_published_figures(enschede):
    org, _ = enschede
    berekend = [{"regio": r.naam, "bedrag": _euro(r.bedrag), "pct": _euro(r.pct), "leveranciers": r.leveranciers,
                 "leveranciers_pct": _euro(r.leveranciers_pct)}
                for r in selectors.per_regio(organisatie=org, jaar=2024)]
    assert berekend == GEPUBLICEERD["regio"]


@pytest.mark.django_db
def test_the_domains_equal_the_published_percentages(enschede):
    org, _ = enschede
    domeinen = {r.naam: r for r in selectors.per_domein(organisatie=org, jaar=2024)}
    for d in GEPUBLICEERD["domeinen"]:
        assert _euro(domeinen[d["domein"]].pct) == d["pct"]
        if "pct_vorig_jaar" in d:
            assert _euro(domeinen[d["domein"]].pct_vorig_jaar) == d["pct_vorig_jaar"]
        if "bedrag_miljoen_afgerond" in d:
            assert rond_af(domeinen[d["domein"]].bedrag / 1_000_000, 1) == Decimal(str(d["bedrag_miljoen_afgerond"]))


@pytest.mark.django_db
def test_jaaromzet_equals_the_sum_of_the_ledger_to_the_cent(enschede):
    from django.db.models import Count, Sum

    org, _ = enschede
    uit_regels = {(r["boekjaar"]): (r["s"], r["n"]) for r in Factuurregel.objects.filter(organisatie=org)
                  .values("boekjaar").annotate(s=Sum("bedrag"), n=Count("id"))}
    uit_omzet = {(r["boekjaar"]): (r["s"], r["n"]) for r in Jaaromzet.objects.filter(organisatie=org)
                 .values("boekjaar").annotate(s=Sum("bedrag"), n=Sum("regels"))}
    assert {j: (selectors._cent(s), n) for j, (s, n) in uit_regels.items()} == {
        j: (selectors._cent(s), n) for j, (s, n) in uit_omzet.items()}


@pytest.mark.django_db
def test_importing_the_ledger_again_adds_no_rows(enschede):
    org, _ = enschede
    uit = io.StringIO()
    call_command("import_uitgaven", str(DEMO_MAP), "--organisatie", NAAM, stdout=uit)
    assert "; 0 nieuw, 0 gewijzigd, 136598 ongewijzigd;" in uit.getvalue()
    assert Factuurregel.objects.filter(organisatie=org).count() == 131256


@pytest.mark.django_db
def test_the_demo_loads_the_same_ledger_and_is_harmless_twice(enschede):
    from uitgaven import demo

    org, _ = enschede
    uit = io.StringIO()
    demo.laad(org, stdout=uit)
    assert "0 nieuw, 0 gewijzigd, 136598 ongewijzigd" in uit.getvalue()
    assert Importrun.objects.filter(organisatie=org, status=Importrun.Status.GESLAAGD).count() == 2
