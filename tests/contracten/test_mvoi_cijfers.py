"""The MVOI self-evaluation: share of completed tenders and of their volume with a theme."""

from datetime import date
from decimal import Decimal

import pytest

from contracten.selectors import jaarcijfers, mvoi_cijfers

from . import factories as f

pytestmark = pytest.mark.django_db


def test_it_counts_completed_tenders_with_at_least_one_theme_by_number_and_by_volume(organisatie):
    met = f.traject(organisatie, gegunde_waarde=Decimal("900000"))
    f.mvoi(met, "klimaat", minimumeis=True)
    zonder = f.traject(organisatie, gegunde_waarde=Decimal("100000"), procedure="meervoudig_onderhands")
    f.alle_themas_niet(zonder)

    c = mvoi_cijfers(organisatie=organisatie, jaar=2024)

    assert c.afgeronde_aanbestedingen == 2
    assert c.met_thema == 1
    assert c.pct_met_thema_aantal == Decimal(50)
    assert c.volume == Decimal("1000000.00")
    assert c.pct_met_thema_volume == Decimal(90)


def test_only_tenders_of_the_organisation_itself_guided_by_inkoop_and_completed_in_the_year_count(organisatie):
    f.traject(organisatie)  # counts
    f.traject(organisatie, verbonden_partij="Sportaal")  # for a verbonden partij
    f.traject(organisatie, begeleid=False)  # not guided by Inkoop
    f.traject(organisatie, procedure="enkelvoudig")  # a single quote is no tender
    f.traject(organisatie, procedure="biedingsprocedure", soort="verkoop")  # a sale of land
    f.traject(organisatie, afgerond_op=date(2023, 12, 31), startdatum=date(2023, 1, 1))  # other year
    f.traject(organisatie, status="lopend")  # not completed

    assert mvoi_cijfers(organisatie=organisatie, jaar=2024).afgeronde_aanbestedingen == 1


def test_a_theme_in_one_lot_counts_the_tender_once_and_only_that_lots_volume(organisatie):
    t = f.traject(organisatie, gegunde_waarde=Decimal("1000000"))
    p1 = f.perceel(t, 1, "350000", gegund="300000")
    p2 = f.perceel(t, 2, "650000", gegund="700000")
    f.mvoi(t, "klimaat", perceel=p1, gunning=True)
    f.mvoi(t, "circulair", perceel=p1, minimumeis=True)
    f.mvoi(t, "circulair", perceel=p2, minimumeis=True, contract=True)

    c = mvoi_cijfers(organisatie=organisatie, jaar=2024)
    klimaat = next(x for x in c.per_thema if x.thema == "klimaat")
    circulair = next(x for x in c.per_thema if x.thema == "circulair")
    milieu = next(x for x in c.per_thema if x.thema == "milieu")

    assert c.met_thema == 1 and c.pct_met_thema_volume == Decimal(100)
    assert (klimaat.aantal, klimaat.pct_aantal, klimaat.pct_volume) == (1, Decimal(100), Decimal(30))
    assert (klimaat.als_minimumeis, klimaat.als_gunningscriterium, klimaat.als_contractvoorwaarde) == (0, 1, 0)
    assert (circulair.aantal, circulair.pct_volume) == (1, Decimal(100))
    assert (circulair.als_minimumeis, circulair.als_contractvoorwaarde) == (1, 1)
    assert (milieu.aantal, milieu.pct_volume) == (0, Decimal(0))


def test_the_volume_is_the_estimate_while_no_award_value_is_recorded(organisatie):
    t = f.traject(organisatie, geraamde_waarde=Decimal("250000"), gegunde_waarde=None)
    f.mvoi(t, "milieu", minimumeis=True)
    f.traject(organisatie, geraamde_waarde=Decimal("750000"))
    c = mvoi_cijfers(organisatie=organisatie, jaar=2024)
    assert c.volume == Decimal("1000000.00")
    assert c.pct_met_thema_volume == Decimal(25)


def test_leveringen_and_werken_can_be_seen_apart_from_diensten(organisatie):
    f.mvoi(f.traject(organisatie, soort="werk"), "klimaat", minimumeis=True)
    f.traject(organisatie, soort="dienst")
    assert mvoi_cijfers(organisatie=organisatie, jaar=2024, soorten=("levering", "werk")).pct_met_thema_aantal == 100
    assert mvoi_cijfers(organisatie=organisatie, jaar=2024).pct_met_thema_aantal == 50


def test_without_tenders_the_percentages_are_empty_not_zero(organisatie):
    m = jaarcijfers(organisatie=organisatie, jaar=2024)["mvoi"]
    assert m["afgeronde_aanbestedingen"] == 0
    assert m["pct_met_thema_aantal"] is None and m["pct_met_thema_volume"] is None


def test_98_percent_by_number_and_100_percent_by_volume_as_in_the_2024_report(organisatie):
    from inkoop.formatting import rond_af

    for _ in range(45):
        f.mvoi(f.traject(organisatie, gegunde_waarde=Decimal("2000000")), "social_return", minimumeis=True)
    f.alle_themas_niet(f.traject(organisatie, gegunde_waarde=Decimal("60000"), soort="dienst"))
    m = jaarcijfers(organisatie=organisatie, jaar=2024)["mvoi"]
    assert m["afgeronde_aanbestedingen"] == 46
    assert rond_af(m["pct_met_thema_aantal"]) == 98
    assert rond_af(m["pct_met_thema_volume"]) == 100


def test_other_organisations_records_are_not_counted(organisatie, andere_organisatie):
    f.mvoi(f.traject(andere_organisatie), "klimaat", minimumeis=True)
    assert mvoi_cijfers(organisatie=organisatie, jaar=2024).afgeronde_aanbestedingen == 0


def test_a_contract_clause_alone_is_its_own_column_not_applied_under_the_published_definition(organisatie):
    # inkoopjaarverslag 2024 §2: "toegepast in de vorm van minimumeisen of gunningscriteria".
    alleen_clausule = f.traject(organisatie, gegunde_waarde=Decimal("500000"))
    f.mvoi(alleen_clausule, "social_return", contract=True)
    eis = f.traject(organisatie, gegunde_waarde=Decimal("500000"))
    f.mvoi(eis, "klimaat", gunning=True)

    c = mvoi_cijfers(organisatie=organisatie, jaar=2024)

    assert (c.afgeronde_aanbestedingen, c.met_thema, c.met_contractvoorwaarde) == (2, 1, 1)
    assert c.pct_met_thema_aantal == Decimal(50) and c.pct_met_thema_volume == Decimal(50)
    sroi = next(t for t in c.per_thema if t.thema == "social_return")
    assert (sroi.aantal, sroi.als_contractvoorwaarde) == (0, 1)
