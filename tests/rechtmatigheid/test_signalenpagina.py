"""The signaleringslijst in the browser: filters, a fixed number of queries, recompute."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from rechtmatigheid.models import Signaal

pytestmark = pytest.mark.django_db


def _signalen(org, n, soort="leverancier_zonder_pakket", jaar=2024, **kw):
    return Signaal.objects.bulk_create([
        Signaal(organisatie=org, jaar=jaar, soort=soort, sleutel=f"{soort}:{i}", crediteurnummer=f"1{i:05d}",
                crediteurnaam=f"Leverancier {i}", bedrag=Decimal("16000.00") + i, drempel=Decimal("15000.00"),
                toelichting=f"Toelichting {i}.", berekend_op=timezone.now(), **kw)
        for i in range(n)])


def test_the_list_needs_the_same_number_of_queries_for_3_or_30_signals(client_als, organisatie, controller,
                                                                      django_assert_num_queries):
    client = client_als("controller")
    url = reverse("rechtmatigheid:signalen") + "?jaar=2024"
    _signalen(organisatie, 3)
    client.get(url)  # warm up (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url).status_code == 200
    Signaal.objects.all().delete()
    _signalen(organisatie, 30, beoordeeld_door=controller, beoordeling="terecht")
    with django_assert_num_queries(len(weinig.captured_queries)):
        antwoord = client.get(url)
    assert antwoord.content.decode().count("Toelichting ") >= 30


def test_the_list_filters_by_soort_year_and_assessment(client_als, organisatie):
    client = client_als("inkoper")
    _signalen(organisatie, 2)
    _signalen(organisatie, 1, soort="uitgaven_zonder_contract", beoordeling="onterecht")
    _signalen(organisatie, 1, jaar=2023, soort="contract_verlopen")
    html = client.get(reverse("rechtmatigheid:signalen"), {"jaar": 2024, "soort": "uitgaven_zonder_contract"}).content.decode()
    assert html.count("Toelichting 0.") == 1 and "Toelichting 1." not in html
    html = client.get(reverse("rechtmatigheid:signalen"), {"jaar": 2024, "beoordeling": "open"}).content.decode()
    assert "Toelichting 1." in html and "Onterecht</span>" not in html
    html = client.get(reverse("rechtmatigheid:signalen"), {"jaar": 2023}).content.decode()
    assert "Contract verlopen" in html and "Toelichting 1." not in html


def test_the_controller_recomputes_the_list_and_the_inkoper_may_not(client_als, organisatie, grootboek):
    grootboek.regel(grootboek.crediteur("100001", None), "15000.00")
    inkoper = client_als("inkoper")
    assert inkoper.post(reverse("rechtmatigheid:signalen_berekenen"), {"jaar": 2024}).status_code == 403
    assert "Opnieuw berekenen" not in inkoper.get(reverse("rechtmatigheid:signalen")).content.decode()
    controller = client_als("controller")
    antwoord = controller.post(reverse("rechtmatigheid:signalen_berekenen"), {"jaar": 2024})
    assert antwoord.status_code == 302
    assert Signaal.objects.filter(organisatie=organisatie, jaar=2024).count() == 1
    assert controller.post(reverse("rechtmatigheid:signalen_berekenen"), {"jaar": 1999}).status_code == 400
