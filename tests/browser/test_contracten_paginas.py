"""Every contracten page, filled with the demo records, passes axe (WCAG 2.1 AA), for the inkoper
and, where they may look, the budgethouder."""

import io

import pytest

from tests.conftest import WACHTWOORD


@pytest.fixture
def demo_enschede(transactional_db, maak_gebruiker):
    from contracten import demo
    from inkoop.models import Organisatie
    from tests.contracten.test_demo import _grootboek

    org = Organisatie.objects.create(naam="Gemeente Enschede", slug="enschede")
    maak_gebruiker(org, "inkoper", naam="inkoper")
    maak_gebruiker(org, "budgethouder", naam="budgethouder", afdeling="Wegen")
    _grootboek(org)
    demo.laad(org, stdout=io.StringIO())
    return org


def _paginas(org):
    from contracten.models import BibobToets, Contract, Klacht, Traject, WerkpaktKeurmerkhouder

    traject = Traject.objects.filter(organisatie=org, percelen__isnull=False, status="afgerond").first()
    contract = Contract.objects.filter(organisatie=org, sroi__isnull=False, afdeling="Wegen").first()
    return [
        "/contracten/register/", "/contracten/register/?status=&sroi=ja", "/contracten/trajecten/?jaar=2024",
        f"/contracten/trajecten/{traject.pk}/", f"/contracten/trajecten/{traject.pk}/historie/",
        f"/contracten/trajecten/{traject.pk}/mvoi/", f"/contracten/trajecten/{traject.pk}/wijzigen/",
        f"/contracten/contract/{contract.pk}/", f"/contracten/contract/{contract.pk}/historie/",
        f"/contracten/contract/{contract.pk}/wijzigen/", "/contracten/kalender/", "/contracten/kalender/maand/",
        "/contracten/kalender/abonnement/", "/contracten/werkpakt/", "/contracten/werkpakt/nieuw/",
        f"/contracten/werkpakt/{WerkpaktKeurmerkhouder.objects.filter(organisatie=org).first().pk}/wijzigen/",
        "/contracten/mvoi-sroi/?jaar=2024", "/contracten/contract/nieuw/", f"/contracten/contract/nieuw/?traject={traject.pk}",
        "/contracten/trajecten/nieuw/",
        *(f"/contracten/trajecten/{k.traject_id}/klachten/{k.pk}/" for k in Klacht.objects.filter(organisatie=org)[:1]),
        *(f"/contracten/trajecten/{b.traject_id}/bibob/{b.pk}/" for b in BibobToets.objects.filter(organisatie=org)[:1]),
    ]


@pytest.mark.parametrize("rol", ["inkoper", "budgethouder"])
def test_every_contracten_page_is_accessible(rol, demo_enschede, inloggen, axe_controle, live_server):
    page = inloggen(rol, WACHTWOORD)
    bezocht = 0
    for pad in _paginas(demo_enschede):
        antwoord = page.goto(live_server.url + pad)
        if rol == "budgethouder" and antwoord.status == 403:
            continue
        assert antwoord.status == 200, pad
        page.wait_for_load_state("networkidle")
        axe_controle(page)
        bezocht += 1
    assert bezocht >= (22 if rol == "inkoper" else 8)
