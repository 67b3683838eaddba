"""Every threshold one cent below, at and above it (L-05: `waarde >= drempel` is the heavier side).

Rows: (what, input overrides, key, value one cent below, value at and above).
"""

from decimal import Decimal

import pytest

from .hulp import advies, basis

CENT = Decimal("0.01")


def _drie(grens) -> list[tuple[str, Decimal]]:
    g = Decimal(grens)
    return [("onder", g - CENT), ("op", g), ("boven", g + CENT)]


GRENZEN = [
    # P-01 melding from 25.000 (levering)
    ("meldgrens", {"soort": "levering"}, "25000", "melding_verplicht", False, True),
    # P-10 enkelvoudig < 30.000 <= meervoudig (levering)
    ("levering meervoudig", {"soort": "levering"}, "30000", "procedure", "enkelvoudig_onderhands",
     "meervoudig_onderhands"),
    # P-10 enkelvoudig < 30.000 <= meervoudig (dienst)
    ("dienst meervoudig", {"soort": "dienst"}, "30000", "procedure", "enkelvoudig_onderhands",
     "meervoudig_onderhands"),
    # P-10 via L-30: social services below 750.000 use the services bands
    ("sociale dienst meervoudig", {"soort": "sociale_dienst", "branche": "zorg"}, "30000", "procedure",
     "enkelvoudig_onderhands", "meervoudig_onderhands"),
    # P-11 works: enkelvoudig < 50.000 <= meervoudig
    ("werk meervoudig", {"soort": "werk", "werk_categorie": "bouw"}, "50000", "procedure",
     "enkelvoudig_onderhands", "meervoudig_onderhands"),
    # P-11 works (bouw): meervoudig < 1.500.000 <= nationaal
    ("werk bouw nationaal", {"soort": "werk", "werk_categorie": "bouw"}, "1500000", "procedure",
     "meervoudig_onderhands", "nationaal_openbaar"),
    # P-12 / A1 GWW: meervoudig < 3.000.000 <= nationaal
    ("werk gww nationaal", {"soort": "werk", "werk_categorie": "gww"}, "3000000", "procedure",
     "meervoudig_onderhands", "nationaal_openbaar"),
    # P-12 / A1 cultuurtechnisch: meervoudig < 3.000.000 <= nationaal
    ("werk cultuurtechnisch nationaal", {"soort": "werk", "werk_categorie": "cultuurtechnisch"}, "3000000",
     "procedure", "meervoudig_onderhands", "nationaal_openbaar"),
    # P-11 works without a category use the general works bands (1.500.000)
    ("werk zonder categorie", {"soort": "werk"}, "1500000", "procedure", "meervoudig_onderhands",
     "nationaal_openbaar"),
    # P-30 SROI from 100.000
    ("SROI", {"soort": "dienst"}, "100000", "sroi_verplicht", False, True),
    # L-01 supplies 2024-2025: 221.000
    ("EU levering 2025", {"soort": "levering", "datum": "2025-06-01"}, "221000", "procedure",
     "meervoudig_onderhands", "europees_openbaar"),
    # L-01 services 2024-2025: 221.000
    ("EU dienst 2025", {"soort": "dienst", "datum": "2025-06-01"}, "221000", "procedure",
     "meervoudig_onderhands", "europees_openbaar"),
    # L-00 services 2022-2023: 215.000
    ("EU dienst 2023", {"soort": "dienst", "datum": "2023-06-01"}, "215000", "procedure",
     "meervoudig_onderhands", "europees_openbaar"),
    # L-02 services 2026-2027: 216.000
    ("EU dienst 2026", {"soort": "dienst", "datum": "2026-06-01"}, "216000", "procedure",
     "meervoudig_onderhands", "europees_openbaar"),
    # L-00 works 2022-2023: 5.382.000
    ("EU werk 2023", {"soort": "werk", "werk_categorie": "bouw", "datum": "2023-06-01"}, "5382000",
     "procedure", "nationaal_openbaar", "europees_openbaar"),
    # L-01 works 2024-2025: 5.538.000
    ("EU werk 2025", {"soort": "werk", "werk_categorie": "bouw", "datum": "2025-06-01"}, "5538000",
     "procedure", "nationaal_openbaar", "europees_openbaar"),
    # L-02 works 2026-2027: 5.404.000
    ("EU werk 2026", {"soort": "werk", "werk_categorie": "gww", "datum": "2026-06-01"}, "5404000",
     "procedure", "nationaal_openbaar", "europees_openbaar"),
    # L-03 / L-30 social services: 750.000 in every period
    ("EU sociale dienst 2025", {"soort": "sociale_dienst", "datum": "2025-06-01"}, "750000", "procedure",
     "meervoudig_onderhands", "europees_sociaal_verlicht"),
    ("EU sociale dienst 2027", {"soort": "sociale_dienst", "datum": "2027-12-31"}, "750000", "procedure",
     "meervoudig_onderhands", "europees_sociaal_verlicht"),
    # L-05: the europees flag flips with the procedure
    ("europees vlag", {"soort": "levering", "datum": "2026-03-01"}, "216000", "europees", False, True),
]


@pytest.mark.parametrize(("wat", "extra", "grens", "sleutel", "onder", "vanaf"), GRENZEN,
                         ids=[g[0] for g in GRENZEN])
def test_each_threshold_switches_exactly_at_its_value(wat, extra, grens, sleutel, onder, vanaf):
    for kant, waarde in _drie(grens):
        antwoord = advies(basis(waarde_totaal=str(waarde), **extra))
        verwacht = onder if kant == "onder" else vanaf
        assert antwoord[sleutel] == verwacht, (wat, kant, str(waarde), antwoord[sleutel])


@pytest.mark.parametrize("kant", ["onder", "op", "boven"])
def test_gww_works_always_invite_two_regional_firms_even_without_a_regional_market(kant):
    waarde = dict(_drie("3000000"))[kant]
    antwoord = advies(basis(soort="werk", werk_categorie="gww", waarde_totaal=str(waarde),
                            regionale_markt_beschikbaar=False))
    assert antwoord["min_regionaal"] == (2 if kant == "onder" else 0)


# (datum, soort, expected EU threshold or None when none is configured)
DATUMWISSELS = [
    ("2021-12-31", "dienst", None),  # before the first configured period: refuse (L-07)
    ("2022-01-01", "dienst", "215000"),
    ("2023-12-31", "dienst", "215000"),  # last day of 2022-2023
    ("2024-01-01", "dienst", "221000"),  # first day of 2024-2025
    ("2025-12-31", "dienst", "221000"),
    ("2026-01-01", "dienst", "216000"),  # first day of 2026-2027
    ("2027-12-31", "dienst", "216000"),
    ("2028-01-01", "dienst", None),  # 2028-2029 not yet published: refuse, never fall back
    ("2023-12-31", "werk", "5382000"),
    ("2024-01-01", "werk", "5538000"),
    ("2025-12-31", "werk", "5538000"),
    ("2026-01-01", "werk", "5404000"),
    ("2027-12-31", "werk", "5404000"),
    ("2028-01-01", "werk", None),
    ("2023-12-31", "sociale_dienst", "750000"),
    ("2024-01-01", "sociale_dienst", "750000"),
    ("2026-01-01", "sociale_dienst", "750000"),
    ("2028-01-01", "sociale_dienst", None),
]


@pytest.mark.parametrize(("datum", "soort", "drempel"), DATUMWISSELS, ids=[f"{d[1]}-{d[0]}" for d in DATUMWISSELS])
def test_the_thresholds_follow_the_reference_date(datum, soort, drempel):
    from adviezen.engine import advies_als_json, standaardbeleid

    code, antwoord = advies_als_json(basis(soort=soort, datum=datum, waarde_totaal=100000), standaardbeleid())
    if drempel is None:
        assert code == 3
        assert antwoord["fout"] == "drempels_onbekend"
        assert antwoord["melding"].startswith("Geen EU-drempels geconfigureerd voor deze datum")
    else:
        assert code == 0
        assert Decimal(antwoord["eu_drempel"]) == Decimal(drempel)


def test_the_same_contract_becomes_european_when_the_lower_2026_threshold_applies():
    # TC14-like: 218.000 is below 221.000 (2025) but reaches 216.000 (2026).
    assert advies(basis(datum="2025-12-31", waarde_totaal=218000))["procedure"] == "meervoudig_onderhands"
    assert advies(basis(datum="2026-01-01", waarde_totaal=218000))["procedure"] == "europees_openbaar"


def test_the_error_for_2028_names_the_missing_period():
    from adviezen.engine import advies_als_json, standaardbeleid

    _, antwoord = advies_als_json(basis(datum="2029-07-01"), standaardbeleid())
    assert "2028-2029" in antwoord["melding"]


# Percelenregeling (L-25): lots below 80.000 (supplies/services) or 1.000.000 (works), together <= 20 %.
PERCEELGRENZEN = [
    # (what, soort, lots, expected exempt flags)
    ("perceel 1 cent onder 80.000", "dienst", ["79999.99", "320000.04"], [True, False]),
    ("perceel op 80.000 is niet klein", "dienst", ["80000", "320000"], [False, False]),
    ("precies 20 % mag", "dienst", ["50000", "200000"], [True, False]),
    ("1 cent boven 20 % niet", "dienst", ["50000.01", "200000"], [False, False]),
    ("werk perceel onder 1.000.000", "werk", ["999999.99", "5000000"], [True, False]),
    ("werk perceel op 1.000.000", "werk", ["1000000", "5000000"], [False, False]),
    # greedy largest first: 40k fits (budget 50k), then 30k does not fit, 10k does
    ("grootste eerst", "dienst", ["40000", "30000", "10000", "170000"], [True, False, True, False]),
]


@pytest.mark.parametrize(("wat", "soort", "percelen", "vrij"), PERCEELGRENZEN, ids=[p[0] for p in PERCEELGRENZEN])
def test_the_lot_exemption_respects_its_limits(wat, soort, percelen, vrij):
    extra = {"werk_categorie": "bouw"} if soort == "werk" else {}
    antwoord = advies(basis(soort=soort, waarde_totaal=None, percelen=percelen, **extra))
    assert antwoord["europees"] is True
    assert [p["vrijgesteld_percelenregeling"] for p in antwoord["percelen"]] == vrij


def test_an_exempted_lot_gets_the_national_band_of_its_own_value():
    antwoord = advies(basis(soort="werk", werk_categorie="bouw", waarde_totaal=None,
                            percelen=[5000000, 900000, 40000]))
    procedures = [(p["procedure"], p["vrijgesteld_percelenregeling"]) for p in antwoord["percelen"]]
    assert procedures == [("europees_openbaar", False), ("meervoudig_onderhands", True),
                          ("enkelvoudig_onderhands", True)]


def test_lots_below_the_threshold_all_follow_the_procedure_of_their_total():
    antwoord = advies(basis(waarde_totaal=None, percelen=[20000, 20000]))
    assert antwoord["procedure"] == "meervoudig_onderhands"
    assert [p["procedure"] for p in antwoord["percelen"]] == ["meervoudig_onderhands"] * 2
    assert not any(p["vrijgesteld_percelenregeling"] for p in antwoord["percelen"])
