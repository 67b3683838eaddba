"""The report pages: the figures next to the narrative, exports, and an empty year."""

import json

from django.core.management import call_command


def test_the_report_page_shows_tables_charts_and_texts(klein, client_als):
    html = client_als("controller").get("/jaarverslag/?jaar=2024").content.decode()
    assert "Inkoopjaarverslag 2024" in html
    assert "Regio Achterhoek" in html and "€\u00a02.000" in html and "1.229%" in html
    assert html.count('src="data:image/svg+xml;base64,') == 4  # volume, domains, categories, regions
    assert 'id="tekst-voorwoord"' in html
    assert "Tekst bewerken" not in html  # a controller reads, afdeling Inkoop writes


def test_a_year_without_spend_says_what_to_do(klein, client_als):
    html = client_als("inkoper").get("/jaarverslag/?jaar=2019").content.decode()
    assert "Er zijn nog geen uitgaven over 2019 geïmporteerd" in html


def test_nonsense_in_the_year_falls_back_to_the_latest_year(klein, client_als):
    antwoord = client_als("inkoper").get("/jaarverslag/?jaar=abc")
    assert antwoord.status_code == 200 and "Inkoopjaarverslag 2024" in antwoord.content.decode()


def test_the_json_download_equals_the_command(klein, client_als, capsys):
    web = json.loads(client_als("controller").get("/jaarverslag/export/json/?jaar=2024").content)
    call_command("jaarverslag", "2024")
    assert web == json.loads(capsys.readouterr().out)


def test_the_xlsx_download(klein, client_als):
    antwoord = client_als("inkoper").get("/jaarverslag/export/xlsx/?jaar=2024")
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    assert antwoord.content[:2] == b"PK"


def test_another_organisations_version_is_not_found(klein, andere_organisatie, client_als):
    from jaarverslag.models import Rapportversie

    vreemd = Rapportversie.objects.create(organisatie=andere_organisatie, jaar=2024)
    assert client_als("controller").get(f"/jaarverslag/versies/{vreemd.pk}/voortgang/").status_code == 404
