"""Read side: the yearly count, the queue's tabs and its working days."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from meldingen.models import Inkoopmelding, Vraag
from meldingen.selectors import aantal_meldingen, werkdagen_terug, werkdagen_tussen, werkvoorraad

from .conftest import als
from .factories import MeldingFactory


def _op(jaar, maand, dag, uur=12):
    return timezone.make_aware(datetime(jaar, maand, dag, uur))


@pytest.mark.django_db
def test_the_yearly_count_takes_submitted_meldingen_from_25000(organisatie, budgethouder, andere_organisatie):
    def melding(ingediend_op, waarde="30000", status="afgerond", org=organisatie):
        MeldingFactory(organisatie=org, budgethouder=budgethouder, status=status, ingediend_op=ingediend_op,
                       waarde_totaal=Decimal(waarde))

    melding(_op(2024, 1, 1, 0))                      # Amsterdam midnight: 2024
    melding(_op(2024, 12, 31, 23))                   # still 2024 in Amsterdam (22:00 UTC)
    melding(_op(2024, 6, 1), waarde="25000")         # exactly the threshold counts
    melding(_op(2024, 6, 1), status="ingetrokken")   # received, later withdrawn: counts
    melding(_op(2024, 6, 1), waarde="24999.99")      # below: no melding needed
    melding(None, status="concept")                  # never filed
    melding(_op(2023, 12, 31, 23))                   # the year before
    melding(_op(2024, 6, 1), org=andere_organisatie)  # another organisation
    assert aantal_meldingen(organisatie=organisatie, jaar=2024) == 4
    assert aantal_meldingen(organisatie=organisatie, jaar=2023) == 1


def test_working_days_skip_the_weekend():
    vrijdag = _op(2026, 11, 27)
    assert werkdagen_terug(vrijdag, 5).date().isoformat() == "2026-11-20"
    assert werkdagen_terug(_op(2026, 11, 30), 1).date().isoformat() == "2026-11-27"  # Monday -> Friday
    assert werkdagen_tussen(_op(2026, 11, 20), vrijdag) == 5
    assert werkdagen_tussen(_op(2026, 11, 27), _op(2026, 11, 30)) == 1


@pytest.mark.django_db
def test_the_queue_tabs(organisatie, budgethouder, inkoper, maak_gebruiker):
    nu = _op(2026, 11, 27)
    collega = maak_gebruiker(organisatie, "inkoper", naam="andere-inkoper")

    def m(**kw):
        kw.setdefault("ingediend_op", nu - timedelta(days=1))
        return MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, nummer=f"N{Inkoopmelding.objects.count()}",
                              **kw)

    nieuw = m(status="ingediend")
    laat = m(status="ingediend", ingediend_op=nu - timedelta(days=20))
    mijn = m(status="in_behandeling", inkoper=inkoper)
    van_collega = m(status="in_behandeling", inkoper=collega)
    wacht = m(status="in_behandeling", inkoper=collega)
    Vraag.objects.create(melding=wacht, tekst="?")
    beantwoord = m(status="in_behandeling", inkoper=inkoper)
    Vraag.objects.create(melding=beantwoord, tekst="?", antwoord="!", beantwoord_op=nu)
    advies = m(status="advies_uitgebracht", inkoper=inkoper, ingediend_op=nu - timedelta(days=40))
    afgerond = m(status="afgerond", ingediend_op=nu - timedelta(days=40))
    m(status="concept", ingediend_op=None)
    gebruiker = als(inkoper, organisatie)

    def tab(naam):
        return set(werkvoorraad(gebruiker=gebruiker, organisatie=organisatie, tab=naam, nu=nu).meldingen)

    assert tab("nieuw") == {nieuw, laat}
    assert tab("mijn") == {mijn, beantwoord}
    assert tab("wacht") == {wacht}
    assert tab("te_laat") == {laat}
    assert tab("open") == {nieuw, laat, mijn, van_collega, wacht, beantwoord, advies}
    assert tab("alle") == tab("open") | {afgerond}
    aantallen = werkvoorraad(gebruiker=gebruiker, organisatie=organisatie, nu=nu).aantallen
    assert aantallen == {"nieuw": 2, "mijn": 2, "wacht": 1, "te_laat": 1, "open": 7, "alle": 8}


@pytest.mark.django_db
def test_the_queue_filters_and_sorts(organisatie, budgethouder, inkoper):
    a = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True, omschrijving="Asfalt",
                       waarde_totaal=Decimal("50000"))
    b = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True, omschrijving="Laptops",
                       soort="levering", waarde_totaal=Decimal("90000"))
    gebruiker = als(inkoper, organisatie)

    def lijst(**kw):
        return list(werkvoorraad(gebruiker=gebruiker, organisatie=organisatie, tab="alle", **kw).meldingen)

    assert lijst(sortering="waarde") == [b, a]
    assert lijst(zoek="asf") == [a]
    assert lijst(soort="levering") == [b]
    assert lijst(domein=a.kostenplaats.domein_id, sortering="waarde") == [b, a]
