"""The inkoper's crediteuren page: search, filters, sorted by spend, paginated, bulk assignment of an
inkooppakket that survives later imports; a fixed number of queries whatever the row count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from uitgaven.models import Crediteur, Inkooppakket

from .conftest import KOP_FACTUREN, schrijf


@pytest.fixture
def ledger(stam, facturen, importeer, organisatie):
    assert importeer(stam, facturen).code == 0
    return organisatie


def _nummers(antwoord):
    return [c.nummer for c in antwoord.context["pagina"]]


@pytest.mark.django_db
def test_crediteuren_are_sorted_by_their_spend_in_the_year(ledger, client_als):
    antwoord = client_als("inkoper").get(reverse("uitgaven:crediteuren"), {"jaar": 2024})
    assert _nummers(antwoord) == ["100001", "100003", "100004", "100005", "100002"]


@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "verwacht"), [
    ({"zoek": "zorg"}, ["100001", "100005"]),
    ({"zoek": "12345678"}, ["100001"]),
    ({"pakket": "geen"}, ["100003", "100005"]),
    ({"regio": "Buitenland"}, ["100004"]),
    ({"jaar": 2023, "minimaal": "50"}, ["100003"]),
    ({"jaar": 2024, "minimaal": "1.000,00"}, ["100001"]),
])
def test_filters_narrow_the_list(filters, verwacht, ledger, client_als):
    if "pakket" in filters and filters["pakket"] != "geen":
        filters["pakket"] = str(Inkooppakket.objects.get(organisatie=ledger, code=filters["pakket"]).pk)
    antwoord = client_als("inkoper").get(reverse("uitgaven:crediteuren"), filters)
    assert _nummers(antwoord) == verwacht


@pytest.mark.django_db
def test_a_filter_on_one_pakket(ledger, client_als):
    pakket = Inkooppakket.objects.get(organisatie=ledger, code="08.01")
    antwoord = client_als("inkoper").get(reverse("uitgaven:crediteuren"), {"pakket": pakket.pk})
    assert _nummers(antwoord) == ["100002"]


@pytest.mark.django_db
def test_a_bad_minimum_says_what_is_wrong(ledger, client_als):
    antwoord = client_als("inkoper").get(reverse("uitgaven:crediteuren"), {"minimaal": "veel"})
    assert "is geen bedrag" in antwoord.content.decode()


@pytest.mark.django_db
def test_bulk_assignment_sets_the_pakket_and_marks_it_as_made_by_hand(ledger, client_als):
    pakket = Inkooppakket.objects.get(organisatie=ledger, code="01.01")
    ids = list(Crediteur.objects.filter(organisatie=ledger, nummer__in=["100003", "100005"]).values_list("pk", flat=True))
    antwoord = client_als("inkoper").post(reverse("uitgaven:crediteuren"),
                                          {"crediteur": ids, "nieuw_pakket": pakket.pk, "terug": "pakket=geen"})
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("uitgaven:crediteuren") + "?pakket=geen"
    for c in Crediteur.objects.filter(pk__in=ids):
        assert c.inkooppakket == pakket and c.classificatie_handmatig


@pytest.mark.django_db
def test_bulk_assignment_cannot_touch_another_organisations_crediteuren(ledger, client_als, andere_organisatie,
                                                                         importeer, stam):
    assert importeer(stam, org=andere_organisatie).code == 0
    vreemd = Crediteur.objects.get(organisatie=andere_organisatie, nummer="100003")
    eigen_pakket = Inkooppakket.objects.get(organisatie=ledger, code="01.01")
    vreemd_pakket = Inkooppakket.objects.get(organisatie=andere_organisatie, code="10.01")
    client = client_als("inkoper")
    client.post(reverse("uitgaven:crediteuren"), {"crediteur": [vreemd.pk], "nieuw_pakket": eigen_pakket.pk})
    client.post(reverse("uitgaven:crediteuren"), {"crediteur": [vreemd.pk], "nieuw_pakket": vreemd_pakket.pk})
    vreemd.refresh_from_db()
    assert vreemd.inkooppakket is None and not vreemd.classificatie_handmatig


@pytest.mark.django_db
def test_no_pakket_makes_crediteuren_not_yet_assessed_again(ledger, client_als):
    cred = Crediteur.objects.get(organisatie=ledger, nummer="100001")
    client_als("inkoper").post(reverse("uitgaven:crediteuren"), {"crediteur": [cred.pk], "nieuw_pakket": "geen"})
    cred.refresh_from_db()
    assert cred.inkooppakket is None and cred.classificatie_handmatig


@pytest.mark.django_db
def test_the_page_costs_the_same_number_of_queries_for_many_crediteuren(
        ledger, client_als, importeer, tmp_path, django_assert_num_queries):
    client = client_als("inkoper")
    client.get(reverse("uitgaven:crediteuren"))  # warm the session
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("uitgaven:crediteuren"))
    assert len(weinig.captured_queries) <= 14
    veel = schrijf(tmp_path / "meer" / "crediteuren.csv", [
        "crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket",
        *[f"2{i:05d};Leverancier {i};;7532 AB;ENSCHEDE;NL;{'10.01' if i % 2 else ''}" for i in range(120)]])
    regels = schrijf(tmp_path / "meer" / "facturen.csv", [
        KOP_FACTUREN, *[f"2024;01-05-2024;M-{i};2{i:05d};KP01;1;x;{i + 1},00" for i in range(120)]])
    assert importeer(veel, regels).code == 0
    with django_assert_num_queries(len(weinig.captured_queries)):
        antwoord = client.get(reverse("uitgaven:crediteuren"))
    assert len(antwoord.context["pagina"]) == 50
