"""The department's KPIs: lead time melding -> advice, filed in time, deviations with reasons."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jaarverslag.selectors import prestaties

adviezen_models = pytest.importorskip("adviezen.models")


def _moment(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def maak(organisatie, budgethouder, inkoper):
    from meldingen.models import Inkoopmelding

    def melding(nummer, ingediend, start=None, advies_na_dagen=None, berekend="meervoudig_onderhands",
                uitgebracht="meervoudig_onderhands", reden=""):
        m = Inkoopmelding.objects.create(organisatie=organisatie, nummer=nummer, omschrijving=f"Inkoop {nummer}",
                                         soort="dienst", budgethouder=budgethouder, status="advies_uitgebracht",
                                         ingediend_op=ingediend, gewenste_startdatum=start,
                                         geraamde_waarde=Decimal("50000"))
        if advies_na_dagen is not None:
            adviezen_models.Advies.objects.create(
                organisatie=organisatie, melding=m, peildatum=ingediend.date(), berekend={"procedure": berekend},
                procedure=uitgebracht, afwijking_motivering=reden, status="uitgebracht",
                uitgebracht_op=ingediend + timedelta(days=advies_na_dagen), uitgebracht_door=inkoper)
        return m

    return melding


def test_lead_time_median_and_90th_percentile(organisatie, maak):
    for i, dagen in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 30], start=1):
        maak(f"2024-{i:04d}", _moment(2024, 3, i, 9), advies_na_dagen=dagen)
    maak("2024-0099", _moment(2024, 4, 1, 9))  # no advice yet: not in the lead time
    p = prestaties(organisatie=organisatie, jaar=2024)
    assert (p.meldingen, p.met_advies) == (11, 10)
    assert p.doorlooptijd_mediaan_dagen == Decimal("5.5")
    assert p.doorlooptijd_p90_dagen == Decimal(9)  # nearest rank: the 9th of 10


def test_filed_in_time_uses_the_configured_number_of_weeks(organisatie, maak):
    ingediend = _moment(2024, 1, 10, 9)
    maak("a", ingediend, start=date(2024, 3, 6))   # exactly 8 weeks
    maak("b", ingediend, start=date(2024, 3, 5))   # one day short
    maak("c", ingediend, start=None)               # no desired start: not counted
    p = prestaties(organisatie=organisatie, jaar=2024)
    assert (p.tijdig, p.met_startdatum, p.tijdig_pct) == (1, 2, Decimal(50))
    assert prestaties(organisatie=organisatie, jaar=2024, weken=4).tijdig == 2


def test_deviating_advice_is_counted_with_its_reason(organisatie, maak):
    maak("x", _moment(2024, 5, 1, 9), advies_na_dagen=3)
    maak("y", _moment(2024, 5, 2, 9), advies_na_dagen=3, berekend="meervoudig_onderhands",
         uitgebracht="europees_openbaar", reden="Marktconsultatie: Europese belangstelling verwacht")
    p = prestaties(organisatie=organisatie, jaar=2024)
    assert (p.adviezen_uitgebracht, p.afwijkend, p.afwijkend_pct) == (2, 1, Decimal(50))
    afwijking = p.afwijkingen[0]
    assert afwijking.reden == "Marktconsultatie: Europese belangstelling verwacht"
    assert afwijking.melding.startswith("y")


def test_the_dashboard_shows_the_kpis(organisatie, maak, client_als):
    maak("z", _moment(2024, 6, 3, 9), start=date(2024, 12, 1), advies_na_dagen=4,
         uitgebracht="enkelvoudig", reden="Spoed")
    html = client_als("controller").get("/jaarverslag/dashboard/?jaar=2024").content.decode()
    assert "4,0 dagen" in html and "100%" in html and "Spoed" in html


def test_the_inkoper_sets_the_weeks(organisatie, client_als):
    client = client_als("inkoper")
    assert client.post("/jaarverslag/dashboard/instelling/", {"tijdig_weken": "12", "jaar": "2024"}).status_code == 302
    assert prestaties(organisatie=organisatie, jaar=2024).tijdig_weken == 12
    client.post("/jaarverslag/dashboard/instelling/", {"tijdig_weken": "99"})
    assert prestaties(organisatie=organisatie, jaar=2024).tijdig_weken == 12
