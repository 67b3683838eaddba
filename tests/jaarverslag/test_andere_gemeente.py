"""For any other ledger the spend tables follow from the data alone (nothing about Enschede)."""

from decimal import Decimal

from jaarverslag.selectors import als_json, jaarverslag_gegevens


def _json(org, jaar=2024):
    return als_json(jaarverslag_gegevens(organisatie=org, jaar=jaar))


def test_the_volume_table_rounds_exact_cents_half_up_at_the_end(klein):
    assert _json(klein)["inkoopvolume"] == [
        {"jaar": 2023, "bedrag": 151},  # 150,50
        {"jaar": 2024, "bedrag": 2000, "ontwikkeling_euro": 1850, "ontwikkeling_pct": 1229},  # 1849,50; 1228,9%
    ]


def test_domains_come_from_the_kostenplaatsen_of_this_ledger(klein):
    assert [(d["domein"], d["bedrag"], d["pct"], d["pct_vorig_jaar"]) for d in _json(klein)["domeinen"]] == [
        ("Ruimte", 1400, 70, 66),  # 1399,75 of 2000; 100 of 150,50
        ("Mens", 600, 30, 34),
    ]


def test_categories_are_ordered_like_the_published_table_and_end_with_the_two_totals(klein):
    rijen = [(c["code"], c["naam"], c["vorig_jaar"], c["bedrag"], c["ontwikkeling_euro"], c["ontwikkeling_pct"])
             for c in _json(klein)["categorieen"]]
    assert rijen == [
        ("C1", "Categorie Een", 100, 1100, 1000, 1000),
        ("C2", "Categorie Twee", 51, 500, 450, 890),  # 50,50 -> 500: +449,50 rounds half-up to 450
        (None, "Nog niet beoordeelde inkopen", 0, 400, 400, None),
        (None, "Eindtotaal", 151, 2000, 1850, 1229),
    ]


def test_regions_use_this_municipalitys_regional_name_and_count_suppliers_with_a_non_zero_total(klein):
    regio = {r["regio"]: (r["bedrag"], r["pct"], r["leveranciers"], r["leveranciers_pct"])
             for r in _json(klein)["regio"]}
    assert list(regio) == ["Lokaal", "Regio Achterhoek", "Niet regionaal", "Buitenland", "Onbekend", "Eindtotaal"]
    assert regio["Lokaal"] == (1001, 50, 1, 20)  # Nul BV nets to zero: no supplier
    assert regio["Regio Achterhoek"] == (500, 25, 1, 20)
    assert regio["Niet regionaal"] == (300, 15, 1, 20)
    assert regio["Buitenland"] == (100, 5, 1, 20)  # 99,50
    assert regio["Onbekend"] == (100, 5, 1, 20)
    assert regio["Eindtotaal"] == (2000, 100, 5, 100)


def test_local_and_regional_together(klein):
    lr = _json(klein)["lokaal_en_regionaal"]
    assert (lr["bedrag"], lr["pct"], lr["pct_vorig_jaar"], lr["toename"]) == (1501, 75, 100, 1350)


def test_the_dataclass_keeps_exact_cents(klein):
    g = jaarverslag_gegevens(organisatie=klein, jaar=2024)
    assert g.totaal == Decimal("2000.00")
    assert g.lokaal_en_regionaal.bedrag == Decimal("1500.50")
    assert g.domeinen[0].pct == Decimal("69.9875")


def test_a_year_without_an_earlier_year_has_no_development(klein):
    j = _json(klein, 2023)
    assert j["inkoopvolume"] == [{"jaar": 2023, "bedrag": 151}]
    assert j["categorieen"][-1]["ontwikkeling_pct"] is None
    assert j["lokaal_en_regionaal"]["pct_vorig_jaar"] is None


def test_another_organisations_ledger_is_not_counted(klein, andere_organisatie):
    assert _json(andere_organisatie)["inkoopvolume"] == []
    assert _json(klein)["regio"][-1]["bedrag"] == 2000
