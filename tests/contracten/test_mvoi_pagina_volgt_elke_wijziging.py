"""The MVOI page keeps its figures per (organisation, year) until a traject, lot, award or MVOI
application changes: a warm page runs fewer queries, and a change shows at once."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contracten.models import MvoiThema

from . import factories as f

pytestmark = pytest.mark.django_db


def _pagina(client):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(reverse("contracten:zelfevaluatie"), {"jaar": 2024})
    assert antwoord.status_code == 200
    return antwoord.context["alle"], len(queries.captured_queries)


def test_an_mvoi_application_shows_on_the_warm_page_at_once(client_als, organisatie):
    client = client_als("inkoper")
    traject = f.traject(organisatie, gegunde_waarde=Decimal("400000"))
    koud, n_koud = _pagina(client)
    warm, n_warm = _pagina(client)
    assert warm == koud and koud.afgeronde_aanbestedingen == 1 and koud.met_thema == 0
    assert n_warm < n_koud

    data = {f"{th.value}__reden": "Niet relevant voor deze opdracht" for th in MvoiThema}
    data["klimaat__als_minimumeis"] = "on"
    assert client.post(reverse("contracten:traject_mvoi", args=[traject.pk]), data).status_code == 302
    na, _ = _pagina(client)
    assert na.met_thema == 1 and na.pct_met_thema_volume == Decimal(100)


def test_an_award_and_its_withdrawal_show_at_once(client_als, organisatie):
    from contracten import services

    client = client_als("inkoper")
    traject = f.traject(organisatie, gegunde_waarde=None, geraamde_waarde=Decimal("500000"))
    f.mvoi(traject, "klimaat", minimumeis=True)
    voor, _ = _pagina(client)
    assert voor.volume == Decimal("500000.00")
    inschrijving = services.inschrijving_toevoegen(traject=traject, naam="Bouwer B.V.", bedrag=Decimal("450000"))
    services.gunnen(inschrijving=inschrijving, door=None)
    gegund, _ = _pagina(client)
    assert gegund.volume == Decimal("450000.00")
    services.gunning_intrekken(inschrijving=inschrijving, door=None)
    ingetrokken, _ = _pagina(client)
    assert ingetrokken.volume == Decimal("500000.00")
