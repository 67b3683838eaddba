"""The demo meldingen: the counts of the 2024 report, deterministic and harmless twice."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest

from inkoop.models import Organisatie
from meldingen import demo
from meldingen.models import Inkoopmelding, Statuswijziging
from meldingen.selectors import aantal_meldingen
from uitgaven.models import Domein, Kostenplaats

KOSTENPLAATSEN = """kostenplaats;omschrijving;domein
KP0109;Jeugd;Sociaal Domein
KP0124;Wmo;Sociaal Domein
KP0208;Wegen;Fysiek Domein
KP0216;Groen;Fysiek Domein
KP0315;ICT;Dienstverlening, Financiën en Bestuur
KP0401;Veiligheid;Concernstaf
"""


@pytest.fixture
def enschede(db, maak_gebruiker):
    org = Organisatie.objects.create(naam="Gemeente Enschede", slug="enschede")
    for r in csv.DictReader(io.StringIO(KOSTENPLAATSEN), delimiter=";"):
        d, _ = Domein.objects.get_or_create(organisatie=org, naam=r["domein"])
        Kostenplaats.objects.create(organisatie=org, code=r["kostenplaats"], omschrijving=r["omschrijving"], domein=d)
    maak_gebruiker(org, "budgethouder", naam="budgethouder", afdeling="Wegen")
    maak_gebruiker(org, "inkoper", naam="inkoper")
    return org


@pytest.mark.django_db
def test_the_demo_gives_the_counts_of_the_yearly_report_and_is_harmless_twice(enschede):
    uit = io.StringIO()
    demo.laad(enschede, stdout=uit)
    assert aantal_meldingen(organisatie=enschede, jaar=2023) == 114
    assert aantal_meldingen(organisatie=enschede, jaar=2024) == 141
    aantal, wijzigingen = Inkoopmelding.objects.count(), Statuswijziging.objects.count()
    demo.laad(enschede, stdout=uit)
    assert (Inkoopmelding.objects.count(), Statuswijziging.objects.count()) == (aantal, wijzigingen)
    assert "2023: 114" in uit.getvalue() and "2024: 141" in uit.getvalue()


@pytest.mark.django_db
def test_the_demo_is_spread_and_alive(enschede):
    demo.laad(enschede, stdout=io.StringIO())
    oud = Inkoopmelding.objects.filter(ingediend_op__year__in=[2023, 2024])
    assert oud.values("kostenplaats__domein").distinct().count() == 4
    assert set(oud.values_list("soort", flat=True)) >= {"levering", "dienst", "werk", "sociale_dienst"}
    assert set(oud.values_list("status", flat=True)) >= {"afgerond", "gegund", "traject_gestart",
                                                          "advies_uitgebracht", "ingetrokken", "vervallen"}
    # Meldingen that must not count exist: below 25.000, and concepts never filed.
    assert oud.filter(geraamde_waarde__lt=25000).exists()
    assert Inkoopmelding.objects.filter(ingediend_op__isnull=True).exists()
    # The demo budget holder of afdeling Wegen has meldingen; so do generated colleagues.
    assert Inkoopmelding.objects.filter(budgethouder__username="budgethouder").count() >= 10
    assert Inkoopmelding.objects.exclude(budgethouder__username="budgethouder").values("budgethouder").distinct().count() > 5
    # The queue of today: new, late, waiting on the budget holder, and a concept.
    open_ = Inkoopmelding.objects.filter(ingediend_op__isnull=False).exclude(ingediend_op__year__in=[2023, 2024])
    assert {"ingediend", "in_behandeling", "advies_uitgebracht"} <= set(open_.values_list("status", flat=True))
    assert Inkoopmelding.objects.filter(vragen__beantwoord_op__isnull=True).exists()
    # Every melding that reached an advice has an issued one, dated back then.
    from adviezen.models import Advies

    met_advies = Inkoopmelding.objects.filter(statuswijzigingen__naar="advies_uitgebracht").distinct()
    uitgebracht = Advies.objects.filter(status="uitgebracht", melding__in=met_advies)
    assert uitgebracht.count() == met_advies.count()
    for a in uitgebracht.select_related("melding"):
        assert a.melding.ingediend_op <= a.uitgebracht_op <= a.melding.ingediend_op + timedelta(days=25)


@pytest.mark.django_db
def test_the_demo_is_deterministic(enschede):
    demo.laad(enschede, stdout=io.StringIO())
    eerste = list(Inkoopmelding.objects.filter(ingediend_op__year=2024).order_by("nummer")
                  .values_list("nummer", "omschrijving", "geraamde_waarde", "status"))
    Statuswijziging.objects.all().delete()
    from adviezen.models import Advies

    Advies.objects.all().delete()
    Inkoopmelding.objects.all().delete()
    demo.laad(enschede, stdout=io.StringIO())
    tweede = list(Inkoopmelding.objects.filter(ingediend_op__year=2024).order_by("nummer")
                  .values_list("nummer", "omschrijving", "geraamde_waarde", "status"))
    assert eerste == tweede


def test_the_demo_texts_are_dutch_and_have_no_placeholders_left():
    tekst = Path(demo.__file__).read_text()
    assert "TODO" not in tekst
    for s in demo.SJABLONEN:
        assert s.omschrijving.replace("{wijk}", "").replace("{straat}", "").replace("{periode}", "").count("{") == 0


@pytest.mark.django_db
def test_a_ledger_imported_after_the_demo_fills_in_the_kostenplaatsen(db, maak_gebruiker):
    org = Organisatie.objects.create(naam="Gemeente Enschede", slug="enschede")
    maak_gebruiker(org, "budgethouder", naam="budgethouder", afdeling="Wegen")
    demo.laad(org, stdout=io.StringIO())
    assert not Inkoopmelding.objects.filter(kostenplaats__isnull=False).exists()
    assert Inkoopmelding.objects.filter(afdeling="Wegen").exists()  # the afdeling is there anyway
    d = Domein.objects.create(organisatie=org, naam="Fysiek Domein")
    Kostenplaats.objects.create(organisatie=org, code="KP0208", omschrijving="Wegen", domein=d)
    demo.laad(org, stdout=io.StringIO())
    assert Inkoopmelding.objects.filter(kostenplaats__code="KP0208").exists()
