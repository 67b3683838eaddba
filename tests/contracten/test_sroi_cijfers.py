"""SROI per year: inkoopwaarde, te realiseren, gerealiseerd (cumulative), nog te realiseren,
inkoop bij sociale ondernemingen (in the year), and candidates placed."""

from datetime import date
from decimal import Decimal

import pytest

from contracten.models import SroiKandidaat, SroiRealisatie, SroiVerplichting
from contracten.selectors import jaarcijfers, sroi_stand

from . import factories as f

pytestmark = pytest.mark.django_db


def _sroi(contract, grondslag, pct):
    return SroiVerplichting.objects.create(organisatie=contract.organisatie, contract=contract, percentage=pct,
                                           grondslag=Decimal(grondslag), bedrag=Decimal(grondslag) * pct / 100)


def _real(v, datum, bedrag, wijze="plaatsing"):
    SroiRealisatie.objects.create(organisatie=v.organisatie, verplichting=v, datum=datum, bedrag=Decimal(bedrag),
                                  wijze=wijze)


@pytest.fixture
def portefeuille(organisatie):
    a = _sroi(f.contract(organisatie, startdatum=date(2022, 1, 1), einddatum=date(2025, 12, 31), waarde=1_000_000),
              1_000_000, 5)
    _real(a, date(2022, 5, 1), 10_000)
    _real(a, date(2023, 5, 1), 10_000)
    _real(a, date(2023, 9, 1), 5_000, "sociale_onderneming")
    _real(a, date(2024, 2, 1), 12_000)
    _real(a, date(2024, 11, 1), 8_000, "sociale_onderneming")
    _real(a, date(2025, 3, 1), 4_000)  # after the year: never in the 2024 figures
    b = _sroi(f.contract(organisatie, startdatum=date(2021, 1, 1), einddatum=date(2023, 6, 30), waarde=200_000,
                         crediteur=f.crediteur(organisatie, "100002", "Groen B.V.")), 200_000, 2)
    _real(b, date(2023, 3, 1), 3_000)
    c = _sroi(f.contract(organisatie, startdatum=date(2024, 3, 1), einddatum=date(2027, 2, 28), waarde=500_000,
                         crediteur=f.crediteur(organisatie, "100003", "Schoon B.V.")), 500_000, 5)
    _real(c, date(2024, 6, 1), 2_000, "sociale_onderneming")
    _sroi(f.contract(organisatie, startdatum=date(2025, 1, 1), einddatum=date(2026, 12, 31), waarde=300_000,
                     crediteur=f.crediteur(organisatie, "100004", "Later B.V.")), 300_000, 5)
    for datum, uit_gemeente in [(date(2024, 1, 5), True), (date(2024, 4, 5), False), (date(2024, 12, 31), False),
                                (date(2023, 6, 1), True), (date(2023, 7, 1), True), (date(2025, 1, 1), True)]:
        SroiKandidaat.objects.create(organisatie=organisatie, verplichting=a, geplaatst_op=datum, uit_gemeente=uit_gemeente)
    return a, b, c


def test_the_year_counts_the_obligations_of_contracts_running_in_it(organisatie, portefeuille):
    jaar = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]["jaar"]
    assert jaar["inkoopwaarde_met_sroi"] == Decimal("1500000.00")  # A and C; B ended in 2023, D starts 2025
    assert jaar["te_realiseren"] == Decimal("75000.00")
    assert jaar["gemiddeld_pct"] == Decimal(5)


def test_realised_is_cumulative_up_to_the_end_of_the_year_and_the_rest_is_still_to_realise(organisatie, portefeuille):
    jaar = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]["jaar"]
    # A: 10.000 (2022) + 15.000 (2023) + 20.000 (2024); C: 2.000. Not A's 2025 realisation.
    assert jaar["gerealiseerd"] == Decimal("47000.00")
    assert jaar["nog_te_realiseren"] == Decimal("28000.00")


def test_purchases_at_social_enterprises_count_in_their_own_year_only(organisatie, portefeuille):
    s = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]
    assert s["jaar"]["sociale_ondernemingen"] == Decimal("10000.00")
    assert s["vorig_jaar"]["sociale_ondernemingen"] == Decimal("5000.00")


def test_the_year_before_is_computed_the_same_way(organisatie, portefeuille):
    vorig = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]["vorig_jaar"]
    assert vorig["inkoopwaarde_met_sroi"] == Decimal("1200000.00")  # A and B
    assert vorig["te_realiseren"] == Decimal("54000.00")
    assert vorig["gemiddeld_pct"] == Decimal("4.5")  # weighted by value, not the mean of 5 and 2
    assert vorig["gerealiseerd"] == Decimal("28000.00")
    assert vorig["nog_te_realiseren"] == Decimal("26000.00")


def test_candidates_are_counted_by_the_date_they_were_placed(organisatie, portefeuille):
    k = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]["kandidaten"]
    assert k == {"geplaatst": 3, "uit_gemeente": 1, "geplaatst_vorig_jaar": 2, "uit_gemeente_vorig_jaar": 2}


def test_a_contract_shows_to_realise_realised_and_remaining_per_year(organisatie, portefeuille):
    a, _b, _c = portefeuille
    stand = sroi_stand(a.contract)
    assert (stand["te_realiseren"], stand["gerealiseerd"], stand["nog_te_realiseren"]) == (
        Decimal("50000"), Decimal("49000"), Decimal("1000"))
    assert [(j["jaar"], j["bedrag"], j["nog_te_realiseren"]) for j in stand["per_jaar"]] == [
        (2022, Decimal("10000"), Decimal("40000")), (2023, Decimal("15000"), Decimal("25000")),
        (2024, Decimal("20000"), Decimal("5000")), (2025, Decimal("4000"), Decimal("1000"))]
    assert stand["kandidaten"] == {"n": 6, "n_gemeente": 4}


def test_without_obligations_everything_is_zero_and_the_percentage_empty(organisatie):
    jaar = jaarcijfers(organisatie=organisatie, jaar=2024)["sroi"]["jaar"]
    assert jaar["te_realiseren"] == Decimal("0.00") and jaar["gemiddeld_pct"] is None
