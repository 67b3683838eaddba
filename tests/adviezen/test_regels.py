"""Single rules of adviesregels.md beyond the worked examples, one test per behaviour."""

from decimal import Decimal

import pytest

from adviezen.engine import Samenhang, adviseer, feiten_uit_dict, standaardbeleid

from .hulp import advies, basis

BELEID = standaardbeleid()


def regels(antwoord, veld="motivering"):
    return {m["regel"] for m in antwoord[veld]}


# Value estimation (L-20..L-24): (what, input overrides, expected value, expected months)
RAMINGEN = [
    # L-20: options count in the total
    ("opties tellen mee", {"waarde_totaal": 20000, "waarde_opties": 10000}, "30000", 12),
    # L-22: indefinite services count 48 months
    ("onbepaald 48", {"prijsvorm": "periodiek", "waarde_totaal": None, "waarde_per_jaar": 12000,
                      "looptijd_maanden": None, "onbepaalde_looptijd": True}, "48000", 48),
    # L-22 / O2: a service of 60 months with a periodic price counts 48
    ("dienst 60 mnd wordt 48", {"prijsvorm": "periodiek", "waarde_totaal": None, "waarde_per_jaar": 12000,
                                "looptijd_maanden": 48, "opties_verlenging_maanden": 12}, "48000", 48),
    # L-22: social services are capped too
    ("sociale dienst 72 mnd wordt 48", {"soort": "sociale_dienst", "prijsvorm": "periodiek", "waarde_totaal": None,
                                        "waarde_per_jaar": 100000, "looptijd_maanden": 72}, "400000", 48),
    # L-23: a lease of supplies counts the whole fixed term, no cap
    ("levering 72 mnd volle looptijd", {"soort": "levering", "prijsvorm": "periodiek", "waarde_totaal": None,
                                        "waarde_per_jaar": 10000, "looptijd_maanden": 72}, "60000", 72),
    # L-23: indefinite supplies count 48 months
    ("levering onbepaald 48", {"soort": "levering", "prijsvorm": "periodiek", "waarde_totaal": None,
                               "waarde_per_jaar": 10000, "looptijd_maanden": None, "onbepaalde_looptijd": True},
     "40000", 48),
    # a total price without a term has no counted months
    ("totaal zonder looptijd", {"looptijd_maanden": None, "waarde_totaal": 50000}, "50000", None),
    # a periodic price is exact to the cent
    ("centen", {"prijsvorm": "periodiek", "waarde_totaal": None, "waarde_per_jaar": "1000.01",
                "looptijd_maanden": 7}, "583.34", 7),
]


@pytest.mark.parametrize(("wat", "extra", "waarde", "maanden"), RAMINGEN, ids=[r[0] for r in RAMINGEN])
def test_the_value_is_estimated_by_the_rules_of_the_aanbestedingswet(wat, extra, waarde, maanden):
    antwoord = advies(basis(**extra))
    assert Decimal(antwoord["geraamde_waarde"]) == Decimal(waarde)
    assert antwoord["gerekende_maanden"] == maanden


def test_lots_are_summed_and_have_no_counted_months():
    antwoord = advies(basis(waarde_totaal=None, percelen=["100000.50", 50000]))
    assert antwoord["geraamde_waarde"] == "150000.50"
    assert antwoord["gerekende_maanden"] is None


def test_a_social_service_between_the_general_and_the_social_threshold_stays_national():
    antwoord = advies(basis(soort="sociale_dienst", waarde_totaal=500000, branche="zorg"))
    assert antwoord["procedure"] == "meervoudig_onderhands"
    assert antwoord["eu_drempel"] == "750000.00"
    assert "L-30" in regels(antwoord)
    assert "L-30" in regels(antwoord, "waarschuwingen")  # Wmo/Jeugdwet routes are outside the engine


@pytest.mark.parametrize(("gegadigden", "procedure"), [("een", "didam_enige_serieuze_gegadigde"),
                                                       ("meerdere", "didam_openbare_selectie"),
                                                       (None, "didam_openbare_selectie")])
def test_land_sales_follow_didam_whatever_the_value(gegadigden, procedure):
    for waarde in (1, 50000, 10000000):
        antwoord = advies(basis(soort="verkoop_grond", waarde_totaal=waarde, serieuze_gegadigden=gegadigden,
                                branche="bouw", looptijd_maanden=None))
        assert antwoord["procedure"] == procedure
        assert antwoord["melding_verplicht"] is None
        assert antwoord["eu_drempel"] is None
        assert antwoord["europees"] is False
        assert antwoord["sroi_verplicht"] is False and antwoord["sroi_percentage"] is None
        assert antwoord["bibob"] is False
        assert antwoord["uit_te_nodigen_min"] is None and antwoord["min_regionaal"] == 0


def test_a_land_sale_needs_no_thresholds_so_2028_is_fine():
    antwoord = advies(basis(soort="verkoop_grond", datum="2030-01-01", waarde_totaal=400000))
    assert antwoord["procedure"] == "didam_openbare_selectie"


@pytest.mark.parametrize("branche", ["bouw", "milieu", "ict", "ICT", "vervoer", "beveiliging", "veiligheid",
                                     "openbare_orde", "openbare orde"])
def test_bibob_for_the_listed_branches_from_the_melding_threshold(branche):
    assert advies(basis(branche=branche, waarde_totaal=25000))["bibob"] is True
    assert advies(basis(branche=branche, waarde_totaal="24999.99"))["bibob"] is False


@pytest.mark.parametrize("branche", ["zorg", "overig", "vastgoed", None])
def test_no_bibob_for_other_branches(branche):
    assert advies(basis(branche=branche, waarde_totaal=5000000))["bibob"] is False


def test_a_bibob_risk_category_gives_a_warning_only():
    antwoord = advies(basis(branche="horeca", waarde_totaal=50000))
    assert antwoord["bibob"] is False
    assert "P-40" in regels(antwoord, "waarschuwingen")


def test_sroi_is_five_percent_with_an_indicative_amount():
    antwoord = advies(basis(waarde_totaal=200000))
    assert antwoord["sroi_percentage"] == 5
    assert antwoord["sroi_bedrag"] == "10000.00"


def test_sroi_is_two_percent_when_labour_is_a_small_share():
    antwoord = advies(basis(waarde_totaal=200000, arbeidsaandeel_pct=20))
    assert antwoord["sroi_percentage"] == 2


def test_works_get_sroi_but_case_by_case():
    antwoord = advies(basis(soort="werk", werk_categorie="bouw", waarde_totaal=200000, branche="bouw"))
    assert antwoord["sroi_verplicht"] is True
    assert any("per opdracht" in m["tekst"] for m in antwoord["motivering"] if m["regel"] == "P-30")


def test_without_a_regional_market_no_regional_invitees_are_required():
    assert advies(basis(waarde_totaal=50000, regionale_markt_beschikbaar=False))["min_regionaal"] == 0
    assert advies(basis(waarde_totaal=50000))["min_regionaal"] == 2


def test_public_procedures_invite_nobody():
    antwoord = advies(basis(soort="werk", werk_categorie="bouw", waarde_totaal=2000000))
    assert (antwoord["uit_te_nodigen_min"], antwoord["uit_te_nodigen_max"], antwoord["min_regionaal"]) == (None, None, 0)


def test_lots_are_advised_unless_the_contract_is_already_divided():
    assert advies(basis(waarde_totaal=50000))["percelen_overwegen"] is True
    assert advies(basis(waarde_totaal=5000))["percelen_overwegen"] is False  # enkelvoudig
    assert advies(basis(waarde_totaal=None, percelen=[30000, 30000]))["percelen_overwegen"] is False


def test_mvoi_themes_are_always_listed_and_the_melding_themes_are_named():
    antwoord = advies(basis(waarde_totaal=50000, mvoi_themas=["klimaat"]))
    assert antwoord["mvoi_themas"] == ["klimaat", "circulair", "ketenverantwoordelijkheid", "diversiteit_inclusie",
                                       "social_return", "milieu"]
    assert any("Klimaat" in m["tekst"] for m in antwoord["motivering"] if m["regel"] == "P-50")


def test_the_tenderboard_is_advised_from_the_eu_threshold():
    assert advies(basis(waarde_totaal=220999))["tenderboard"] is False
    assert advies(basis(waarde_totaal=221000))["tenderboard"] is True


def test_a_value_just_below_the_threshold_is_flagged():
    assert "L-26" in regels(advies(basis(waarde_totaal=200000)), "waarschuwingen")
    assert "L-26" not in regels(advies(basis(waarde_totaal=100000)), "waarschuwingen")


def test_cross_border_interest_below_the_threshold_gives_a_warning():
    antwoord = advies(basis(waarde_totaal=100000, grensoverschrijdend_belang=True))
    assert any("grensoverschrijdend" in m["tekst"] for m in antwoord["waarschuwingen"])


def test_a_cpv_code_outside_annex_xiv_questions_the_social_service_label():
    antwoord = advies(basis(soort="sociale_dienst", waarde_totaal=100000, cpv_code="30200000-1"))
    assert any("bijlage XIV" in m["tekst"] for m in antwoord["waarschuwingen"])


def test_related_purchases_that_together_cross_a_band_warn_of_splitting():
    feiten = feiten_uit_dict(basis(waarde_totaal=25000))
    from dataclasses import replace

    met = replace(feiten, samenhangend=(Samenhang("melding", "Melding 2026-0003 schoonmaak", Decimal(10000)),))
    uitkomst = adviseer(met, BELEID)
    assert uitkomst.procedure == "enkelvoudig"
    tekst = " ".join(m.tekst for m in uitkomst.waarschuwingen if m.regel == "L-26")
    assert "splitsing" in tekst and "meervoudig onderhands" in tekst and "2026-0003" in tekst


def test_related_purchases_that_cross_no_band_give_no_splitting_warning():
    from dataclasses import replace

    feiten = replace(feiten_uit_dict(basis(waarde_totaal=40000)),
                     samenhangend=(Samenhang("uitgaven", "Uitgaven", Decimal(10000)),))
    assert not [m for m in adviseer(feiten, BELEID).waarschuwingen if "splitsing" in m.tekst]
