"""The spend dashboard for controller and inkoper: per year, domain, category, region and top
crediteuren, with SVG charts and links down to the ledger lines."""

import re

import pytest
from django.urls import reverse


@pytest.fixture
def ledger(stam, facturen, importeer, organisatie):
    assert importeer(stam, facturen).code == 0
    return organisatie


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["controller", "inkoper"])
def test_the_dashboard_shows_each_table_of_the_year(rol, ledger, client_als):
    html = client_als(rol).get(reverse("uitgaven:dashboard"), {"jaar": 2024}).content.decode()
    assert "Uitgaven 2024" in html
    # 1234,56 + 100,00 - 250,50 in 2024; 99,99 in 2023
    assert "€\xa01.084" in html and "€\xa0100" in html
    for kop in ("Per domein", "Per inkoopcategorie", "Per regio", "Grootste crediteuren 2024"):
        assert kop in html
    assert "Sociaal Domein" in html and "Regio Twente" in html and "Nog niet beoordeelde inkopen" in html


@pytest.mark.django_db
def test_the_charts_are_inline_svg_without_style_attributes(ledger, client_als):
    html = client_als("controller").get(reverse("uitgaven:dashboard")).content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 4
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "style=" not in svg


@pytest.mark.django_db
def test_a_cell_leads_to_its_ledger_lines(ledger, client_als):
    client = client_als("controller")
    antwoord = client.get(reverse("uitgaven:regels"), {"jaar": 2024, "regio": "Lokaal"})
    html = antwoord.content.decode()
    assert "2 regels, samen €\xa01.334,56" in html
    assert "F-001" in html and "W-17" not in html


@pytest.mark.django_db
def test_the_lines_of_a_crediteur_of_another_organisation_are_not_found(ledger, client_als, andere_organisatie,
                                                                         importeer, stam):
    from uitgaven.models import Crediteur

    assert importeer(stam, org=andere_organisatie).code == 0
    vreemd = Crediteur.objects.get(organisatie=andere_organisatie, nummer="100001")
    antwoord = client_als("controller").get(reverse("uitgaven:regels"), {"jaar": 2024, "crediteur": vreemd.pk})
    assert antwoord.status_code == 404


@pytest.mark.django_db
def test_without_spend_the_dashboard_says_so(client_als, organisatie):
    html = client_als("controller").get(reverse("uitgaven:dashboard")).content.decode()
    assert "Er zijn nog geen uitgaven geïmporteerd." in html


@pytest.mark.django_db
def test_the_dashboard_costs_a_fixed_number_of_queries(ledger, client_als, django_assert_max_num_queries):
    client = client_als("inkoper")
    client.get(reverse("uitgaven:dashboard"))  # warm the session
    with django_assert_max_num_queries(16):
        client.get(reverse("uitgaven:dashboard"))
