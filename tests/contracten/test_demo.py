"""The demo reproduces the published 2024 figures (jaarverslag-2024.json) from records."""

import importlib.util
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from contracten import demo
from contracten.models import Contract, Traject
from contracten.selectors import jaarcijfers, kalender_items
from inkoop.formatting import rond_af
from inkoop.services import gebruiker_met_rol

pytestmark = pytest.mark.django_db

# shared/data/enschede/jaarverslag-2024.json, the sections this app delivers.
GEPUBLICEERD = {
    "afdeling_inkoop": {"procedures_begeleid": 115, "afgerond_meervoudig_onderhands": 42, "afgerond_europees": 23},
    "mvoi": {"afgeronde_aanbestedingen": 46, "pct_met_thema_aantal": 98, "pct_met_thema_volume": 100},
    "sroi": {
        "jaar": {"inkoopwaarde_met_sroi": 226774352, "gemiddeld_pct": 3, "te_realiseren": 6177968,
                 "gerealiseerd": 5280698, "nog_te_realiseren": 897270, "sociale_ondernemingen": 256547},
        "vorig_jaar": {"inkoopwaarde_met_sroi": 193351633, "gemiddeld_pct": 3, "te_realiseren": 5016892,
                       "gerealiseerd": 3507467, "nog_te_realiseren": 1509425, "sociale_ondernemingen": 81885},
        "kandidaten": {"geplaatst": 70, "uit_gemeente": 15, "geplaatst_vorig_jaar": 52, "uit_gemeente_vorig_jaar": 16},
    },
    "werkpakt_keurmerkhouders": 36,
    "integriteit": {"klachten": 0, "bibob_onderzoeken": 33, "bibob_adviezen_lbb": 2},
}


def _grootboek(org, n=90):
    """A small ledger: crediteuren in every pakket the demo uses, with spend over 2021-2024."""
    from uitgaven.models import (
        Crediteur,
        Domein,
        Inkoopcategorie,
        Inkooppakket,
        Jaaromzet,
        Kostenplaats,
    )

    domein = Domein.objects.create(organisatie=org, naam="Fysiek Domein")
    kp = Kostenplaats.objects.create(organisatie=org, code="KP1", omschrijving="Wegen", domein=domein)
    codes = sorted({code for lijst in (demo.WERKEN, demo.LEVERINGEN, demo.DIENSTEN) for _o, code, _p in lijst})
    pakketten = []
    for code in codes:
        cat, _ = Inkoopcategorie.objects.get_or_create(organisatie=org, code=str(int(code[:2])),
                                                       defaults={"naam": f"Categorie {code[:2]}"})
        pakketten.append(Inkooppakket.objects.create(organisatie=org, code=code, naam=f"Pakket {code}", categorie=cat))
    for i in range(n):
        c = Crediteur.objects.create(organisatie=org, nummer=f"{100000 + i}", naam=f"Leverancier {i} B.V.",
                                     inkooppakket=pakketten[i % len(pakketten)],
                                     regio=["Lokaal", "Regio Twente", "Niet regionaal"][i % 3], plaats="ENSCHEDE")
        for jaar in (2021, 2022, 2023, 2024):
            Jaaromzet.objects.create(organisatie=org, boekjaar=jaar, crediteur=c, kostenplaats=kp,
                                     bedrag=Decimal(50_000 + 37_000 * (i % 17) + 9_000 * (jaar - 2021)))


def _gebruikers(org):
    gebruiker_met_rol(organisatie=org, gebruikersnaam="inkoper", rol="inkoper", wachtwoord="x-demo-123456")
    gebruiker_met_rol(organisatie=org, gebruikersnaam="budgethouder", rol="budgethouder",
                      wachtwoord="x-demo-123456", afdeling="Wegen")


def _afgerond(cijfers):
    """Round like the jaarverslag does (half-up, whole euros and percents), for the published keys."""
    def rond(v):
        return int(rond_af(v)) if isinstance(v, Decimal) else v

    uit = {k: cijfers[k] for k in ("afdeling_inkoop", "werkpakt_keurmerkhouders", "integriteit")}
    uit["mvoi"] = {k: rond(cijfers["mvoi"][k]) for k in GEPUBLICEERD["mvoi"]}
    uit["sroi"] = {blok: {k: rond(v) for k, v in cijfers["sroi"][blok].items()} for blok in ("jaar", "vorig_jaar")}
    uit["sroi"]["kandidaten"] = cijfers["sroi"]["kandidaten"]
    return uit


@pytest.fixture
def enschede(organisatie):
    _gebruikers(organisatie)
    if importlib.util.find_spec("uitgaven.demo"):
        # The real ledger, as `python manage.py demo` loads it before this app's demo.
        importlib.import_module("uitgaven.demo").laad(organisatie, stdout=io.StringIO())
    else:
        _grootboek(organisatie)
    return organisatie


def test_the_demo_gives_exactly_the_published_figures(enschede):
    demo.laad(enschede, stdout=io.StringIO())
    cijfers = jaarcijfers(organisatie=enschede, jaar=2024)
    assert _afgerond(cijfers) == GEPUBLICEERD
    # Exact amounts, not only after rounding.
    assert cijfers["sroi"]["jaar"]["te_realiseren"] == Decimal("6177968.00")


def test_the_demo_runs_without_a_ledger_too(organisatie):
    _gebruikers(organisatie)
    demo.laad(organisatie, stdout=io.StringIO())
    assert _afgerond(jaarcijfers(organisatie=organisatie, jaar=2024)) == GEPUBLICEERD


def test_running_the_demo_twice_changes_nothing(enschede):
    demo.laad(enschede, stdout=io.StringIO())
    aantallen = (Traject.objects.count(), Contract.objects.count())
    uit = io.StringIO()
    demo.laad(enschede, stdout=uit)
    assert (Traject.objects.count(), Contract.objects.count()) == aantallen
    assert "staan er al" in uit.getvalue()


def test_the_demo_puts_contracts_on_the_calendar_of_the_coming_months(enschede):
    demo.laad(enschede, stdout=io.StringIO())
    from inkoop.models import Gebruiker

    inkoper = Gebruiker.objects.get(username="inkoper")
    inkoper.lidmaatschap = inkoper.lidmaatschappen.get()
    vandaag = timezone.localdate()
    items = kalender_items(gebruiker=inkoper, organisatie=enschede, van=vandaag, tot=vandaag + timedelta(days=365))
    assert len({(i.datum.year, i.datum.month) for i in items}) >= 10


def test_most_large_crediteuren_of_the_ledger_have_a_contract_in_2024(enschede):
    from django.db.models import Sum

    from uitgaven.models import Jaaromzet

    demo.laad(enschede, stdout=io.StringIO())
    grootste = [r["crediteur"] for r in Jaaromzet.objects.filter(organisatie=enschede, boekjaar=2024)
                .values("crediteur").annotate(s=Sum("bedrag")).order_by("-s")[:50]]
    met_contract = set(Contract.objects.filter(organisatie=enschede, crediteur__in=grootste,
                                               startdatum__lte=date(2024, 12, 31), einddatum__gte=date(2024, 1, 1))
                       .values_list("crediteur", flat=True))
    assert len(met_contract) >= 0.8 * len(grootste)


def test_the_demo_is_deterministic(enschede, andere_organisatie):
    demo.laad(enschede, stdout=io.StringIO())
    _gebruikers(andere_organisatie)
    if importlib.util.find_spec("uitgaven.demo"):
        importlib.import_module("uitgaven.demo").laad(andere_organisatie, stdout=io.StringIO())
    else:
        _grootboek(andere_organisatie)
    demo.laad(andere_organisatie, stdout=io.StringIO())
    def kenmerken(org):
        return list(Contract.objects.filter(organisatie=org).order_by("nummer")
                    .values_list("nummer", "omschrijving", "waarde_totaal", "startdatum", "einddatum"))
    assert kenmerken(enschede) == kenmerken(andere_organisatie)
    assert jaarcijfers(organisatie=enschede, jaar=2024) == jaarcijfers(organisatie=andere_organisatie, jaar=2024)
    assert date(2024, 1, 1) <= Traject.objects.get(organisatie=enschede, nummer=demo.MARKER).startdatum
