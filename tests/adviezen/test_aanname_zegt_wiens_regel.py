"""A rule that rests on an assumption is not presented to the budget holder as sourced: the letter
and the page say it is the afdeling Inkoop's working rule, not adopted policy."""

import pytest

from adviezen.selectors import advies_weergave
from adviezen.views import brief_html


@pytest.mark.django_db
def test_an_assumed_rule_says_whose_rule_it_is(concept, organisatie):
    advies = concept(waarde_totaal="400000.00")
    aangenomen = [m for m in advies_weergave(advies)["motivering"] if m["regel"] in ("P-12", "P-60", "P-61")]
    assert aangenomen, "een advies boven de EU-drempel noemt de Tenderboard (P-60)"
    brief = brief_html(advies)
    for m in aangenomen:
        assert m["bron"].startswith(f"werkwijze van de afdeling Inkoop van {organisatie}, geen vastgesteld beleid")
    assert "(aanname" not in brief and "werkwijze van de afdeling Inkoop" in brief
