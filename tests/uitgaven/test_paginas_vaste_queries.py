"""The spend pages run as many queries for a ledger of ten times the lines, crediteuren,
kostenplaatsen, pakketten, years and import runs as for the small one (conventions.md: list pages
have a fixed number of queries whatever the row count)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from uitgaven.models import Factuurregel, Importrun

from .conftest import FACTUREN, KOP_FACTUREN, schrijf

PAGINAS = [
    ("uitgaven:dashboard", {}, "controller"),
    ("uitgaven:dashboard", {"jaar": 2023}, "inkoper"),
    ("uitgaven:regels", {}, "controller"),
    ("uitgaven:regels", {"domein": "Sociaal Domein", "categorie": "geen"}, "controller"),
    ("uitgaven:pakketten", {}, "inkoper"),
    ("uitgaven:importhistorie", {}, "controller"),
]


def _meer(tmp_path, n):
    """n crediteuren, pakketten and kostenplaatsen more, and 3 × n lines over three years."""
    map_ = tmp_path / f"meer-{n}"
    schrijf(map_ / "inkooppakketten.csv", [
        "pakketcode;pakketnaam;categoriecode;categorienaam",
        *[f"20.{i:02d};Pakket {i};{20 + i % 5};Categorie {i % 5}" for i in range(n)]])
    schrijf(map_ / "kostenplaatsen.csv", [
        "kostenplaats;omschrijving;domein", *[f"KPM{i};Kostenplaats {i};Domein {i % 4}" for i in range(n)]])
    schrijf(map_ / "crediteuren.csv", [
        "crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket",
        *[f"3{i:05d};Leverancier {i};;75{i % 100:02d} AB;PLAATS;NL;{f'20.{i:02d}' if i % 3 else ''}"
          for i in range(n)]])
    schrijf(map_ / "facturen.csv", [
        KOP_FACTUREN,
        *[f"{jaar};01-05-{jaar};M-{i};3{i:05d};KPM{i % n};1;x;{i + 1},00" for i in range(n)
          for jaar in (2022, 2023, 2024)]])
    return map_


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "params", "rol"), PAGINAS)
def test_spend_pages_run_a_fixed_number_of_queries(naam, params, rol, stam, facturen, importeer, organisatie, client_als,
                                                   tmp_path, django_assert_num_queries):
    assert importeer(stam, facturen).code == 0
    client = client_als(rol)
    client.get(reverse(naam), params)  # warm the session
    cache.clear()  # cold: the dashboard computes its figures (the warm page is tested below)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(reverse(naam), params).status_code == 200
    for n in (40, 60):
        assert importeer(_meer(tmp_path, n)).code == 0
    assert Factuurregel.objects.filter(organisatie=organisatie).count() >= 10 * len(FACTUREN)
    assert Importrun.objects.filter(organisatie=organisatie).count() == 3
    cache.clear()
    with django_assert_num_queries(len(weinig.captured_queries)):
        assert client.get(reverse(naam), params).status_code == 200
