"""The light regime only for the services of Annex XIV (Directive 2014/24/EU; Aw 2012 art. 2.38),
from the list shipped with its source."""

import pytest

from adviezen.engine.bijlage_xiv import BESTAND, OngeldigeCpv, bijlage_xiv_groep, vermeldingen


@pytest.mark.parametrize(("cpv", "onder_bijlage"), [
    ("85311000-2", True),    # maatschappelijk werk met huisvesting: gezondheidszorg en maatschappelijke dienstverlening
    ("85000000-9", True),    # begin van de reeks 85000000 tot 85323000
    ("85323000-9", True),    # einde van die reeks
    ("80000000-4", True),    # onderwijs en opleiding
    ("55520000-1", True),    # catering
    ("79710000-4", True),    # beveiligingsdiensten (opsporings- en beveiligingsdiensten)
    ("79100000-5", True),    # juridische dienstverlening
    ("64110000-0", True),    # postdiensten
    ("90910000-9", False),   # schoonmaakdiensten: niet in de bijlage
    ("72000000-5", False),   # IT-diensten
    ("45000000-7", False),   # bouwwerkzaamheden
    ("79410000-1", False),   # advies inzake bedrijfsvoering
    ("85400000", False),     # buiten de reeks 85000000-85323000
])
def test_a_service_is_under_the_light_regime_only_when_its_cpv_is_in_annex_xiv(cpv, onder_bijlage):
    assert (bijlage_xiv_groep(cpv) is not None) is onder_bijlage


@pytest.mark.parametrize("fout", ["", "8531100", "85311000-", "schoonmaak", "85311000-22"])
def test_what_is_not_a_cpv_code_is_refused_with_a_dutch_reason(fout):
    with pytest.raises(OngeldigeCpv, match="geen CPV-code"):
        bijlage_xiv_groep(fout)


def test_the_list_names_its_source_and_every_range_is_ordered():
    assert "Richtlijn 2014/24/EU" in BESTAND.read_text(encoding="utf-8")
    assert len(vermeldingen()) > 40
    assert all(v.van <= v.tot and len(v.van) == len(v.tot) == 8 for v in vermeldingen())
