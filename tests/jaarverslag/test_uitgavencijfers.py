"""The spend tables of the report equal the published Enschede 2024 figures."""

import pytest

from jaarverslag.selectors import als_json, jaarverslag_gegevens

from .conftest import gepubliceerd
from .vergelijk import verschillen

UITGAVENTABELLEN = ("jaar", "inkoopvolume", "domeinen", "categorieen", "regio", "lokaal_en_regionaal")


@pytest.fixture
def export(enschede_grootboek, db):
    return als_json(jaarverslag_gegevens(organisatie=enschede_grootboek, jaar=2024))


@pytest.mark.parametrize("tabel", UITGAVENTABELLEN)
def test_each_spend_table_equals_the_published_report(export, tabel):
    assert verschillen({tabel: gepubliceerd()[tabel]}, export) == []


def test_the_categories_end_with_not_yet_classified_and_the_grand_total(export):
    laatste = export["categorieen"][-2:]
    assert [(c["code"], c["naam"]) for c in laatste] == [(None, "Nog niet beoordeelde inkopen"),
                                                          (None, "Eindtotaal")]
    assert sum(c["bedrag"] for c in export["categorieen"][:-1]) == pytest.approx(laatste[1]["bedrag"], abs=12)


def test_the_export_also_gives_what_the_published_report_leaves_out(export):
    concernstaf = next(d for d in export["domeinen"] if d["domein"] == "Concernstaf")
    assert concernstaf["pct"] == 2
    assert export["domeinen"][1]["bedrag_miljoen_afgerond"] == 106.4
    # the sum of exact cents, rounded once: within a euro of the sum of the rounded rows
    assert abs(export["lokaal_en_regionaal"]["bedrag"] - (161526947 + 106209186)) <= 1


def test_development_is_computed_from_cents_and_rounded_half_up_at_the_end(export):
    hulpverlening = next(c for c in export["categorieen"] if c["code"] == "9")
    # 3.936.405,60 - 6.555.157,40 = -2.618.751,80: rounded away from zero
    assert hulpverlening["ontwikkeling_euro"] == -2618752
    assert hulpverlening["bedrag"] == 3936406


def test_each_spend_table_is_one_query(enschede_grootboek, db, django_assert_num_queries, monkeypatch):
    from jaarverslag import selectors

    # Only the spend tables: the other apps' selectors count their own queries.
    monkeypatch.setattr(selectors, "_contractcijfers", lambda *a: {})
    monkeypatch.setattr(selectors, "_aantal_meldingen", lambda *a: None)
    monkeypatch.setattr(selectors, "_signalen", lambda *a: None)
    # source check, volume, regio (two-level aggregate), regional names, domains, categories
    with django_assert_num_queries(6):
        selectors.jaarverslag_gegevens(organisatie=enschede_grootboek, jaar=2024, met_prestaties=False)
