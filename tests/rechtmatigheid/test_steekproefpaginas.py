"""Drawing, reading, assessing and exporting a steekproef in the browser."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rechtmatigheid.models import Steekproef
from rechtmatigheid.services import steekproef_trekken

pytestmark = pytest.mark.django_db


@pytest.fixture
def grootboek_2024(grootboek):
    for i in range(40):
        c = grootboek.crediteur(f"1000{i:02d}", naam="+Gevaarlijke naam" if i == 0 else None)
        grootboek.regel(c, f"{(i + 1) * 750}.25", boekdatum=date(2024, 1 + i % 12, 1 + i % 28))
    return grootboek


def test_the_controller_draws_a_sample_with_the_suggested_seed(client_als, organisatie, grootboek_2024):
    client = client_als("controller")
    pagina = client.get(reverse("rechtmatigheid:steekproeven")).content.decode()
    assert 'name="zaad"' in pagina and 'value="' in pagina
    antwoord = client.post(reverse("rechtmatigheid:steekproef_trekken"), {"jaar": 2024, "omvang": 10, "zaad": "4711"})
    sp = Steekproef.objects.get(organisatie=organisatie)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("rechtmatigheid:steekproef", args=[sp.pk])
    assert (sp.zaad, sp.omvang, sp.getrokken_door.username) == ("4711", 10, "controller-testdorp")


def test_a_size_larger_than_the_population_is_explained_on_the_form(client_als, organisatie, grootboek_2024):
    antwoord = client_als("controller").post(reverse("rechtmatigheid:steekproef_trekken"),
                                             {"jaar": 2024, "omvang": 41, "zaad": "1"})
    assert antwoord.status_code == 400
    assert "heeft maar 40 factuurregels" in antwoord.content.decode()
    assert not Steekproef.objects.exists()


def test_bad_input_gives_dutch_errors(client_als, grootboek_2024):
    antwoord = client_als("controller").post(reverse("rechtmatigheid:steekproef_trekken"),
                                             {"jaar": 2024, "omvang": "tien", "zaad": ""})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Vul een heel getal in" in html and "Vul een zaad in" in html


def test_the_inkoper_reads_samples_but_draws_none(client_als, organisatie, grootboek_2024):
    sp = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=5, zaad="1")
    client = client_als("inkoper")
    assert 'name="zaad"' not in client.get(reverse("rechtmatigheid:steekproeven")).content.decode()
    assert client.get(reverse("rechtmatigheid:steekproef", args=[sp.pk])).status_code == 200
    assert client.post(reverse("rechtmatigheid:steekproef", args=[sp.pk]), {}).status_code == 403


def test_the_list_needs_the_same_number_of_queries_for_1_or_8_samples(client_als, organisatie, grootboek_2024,
                                                                     django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_als("inkoper")
    steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=5, zaad="0")
    client.get(reverse("rechtmatigheid:steekproeven"))
    with CaptureQueriesContext(connection) as een:
        client.get(reverse("rechtmatigheid:steekproeven"))
    for zaad in range(1, 8):
        steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=5, zaad=str(zaad))
    with CaptureQueriesContext(connection) as acht:
        html = client.get(reverse("rechtmatigheid:steekproeven")).content.decode()
    assert len(acht.captured_queries) == len(een.captured_queries)
    assert html.count("Steekproef 2024</a>") == 8


def test_the_controller_records_an_outcome_per_line(client_als, organisatie, grootboek_2024):
    sp = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=3, zaad="1")
    eerste, tweede, _derde = sp.regels.order_by("volgnummer")
    client = client_als("controller")
    antwoord = client.post(reverse("rechtmatigheid:steekproef", args=[sp.pk]), {
        f"uitkomst-{eerste.pk}": "rechtmatig", f"toelichting-{eerste.pk}": "Contract C-12",
        f"uitkomst-{tweede.pk}": "onrechtmatig", f"toelichting-{tweede.pk}": "Geen offertes"})
    assert antwoord.status_code == 302
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert (eerste.uitkomst, eerste.uitkomst_toelichting) == ("rechtmatig", "Contract C-12")
    assert tweede.uitkomst == "onrechtmatig"
    assert client.post(reverse("rechtmatigheid:steekproef", args=[sp.pk]),
                       {f"uitkomst-{eerste.pk}": "misschien"}).status_code == 400


def test_the_export_for_the_accountant_holds_seed_method_and_lines(client_als, organisatie, grootboek_2024):
    sp = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=40, zaad="99")
    client = client_als("controller")
    antwoord = client.get(reverse("rechtmatigheid:steekproef_export", args=[sp.pk]), {"formaat": "xlsx"})
    ws = load_workbook(io.BytesIO(antwoord.content)).active
    tekst = [c.value for rij in ws.iter_rows() for c in rij if isinstance(c.value, str)]
    assert any("zaad 99" in t for t in tekst) and any(t.startswith("Gestratificeerde steekproef") for t in tekst)
    assert "'+Gevaarlijke naam" in tekst
    csv = client.get(reverse("rechtmatigheid:steekproef_export", args=[sp.pk]), {"formaat": "csv"})
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert len(regels) == 41 and regels[0].startswith("Volgnummer;Stratum;Crediteurnummer")
