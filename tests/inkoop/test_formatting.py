from decimal import Decimal

import pytest

from inkoop.formatting import OngeldigBedrag, euro, parse_bedrag, procent, rond_af


@pytest.mark.parametrize(("waarde", "verwacht"), [
    (Decimal("1234567.49"), "€\u00a01.234.567"),
    (Decimal("1234567.50"), "€\u00a01.234.568"),   # half-up
    (Decimal("-0.50"), "€\u00a0-1"),              # away from zero
    (Decimal("0"), "€\u00a00"),
])
def test_euro_rounds_half_up_and_uses_dutch_separators(waarde, verwacht):
    assert euro(waarde) == verwacht


def test_euro_with_cents():
    assert euro(Decimal("1234.5"), 2) == "€\u00a01.234,50"


def test_percentages_are_whole_and_half_up():
    assert procent(Decimal("16.5")) == "17%"
    assert rond_af(Decimal("-2.5")) == Decimal("-3")


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("25000", "25000.00"), ("25.000", "25000.00"), ("25.000,00", "25000.00"), ("€ 25.000", "25000.00"),
    ("25000,5", "25000.50"), ("25000.50", "25000.50"), ("1.000.000,99", "1000000.99"), ("€ 30.000,-", "30000.00"),
])
def test_dutch_amounts_are_accepted(tekst, verwacht):
    assert parse_bedrag(tekst) == Decimal(verwacht)


@pytest.mark.parametrize("tekst", ["", "abc", "25.00.0", "12,345", "1e5", "25.000,001", "-5", "NaN"])
def test_nonsense_amounts_are_rejected_with_a_reason(tekst):
    with pytest.raises(OngeldigBedrag) as fout:
        parse_bedrag(tekst)
    assert str(fout.value)


@pytest.mark.parametrize(("waarde", "getoond"), [
    ("60.000", "60.000"),          # typed by a person: shown back as typed
    ("221000.00", "221.000"),      # a stored amount
    (Decimal("1234.5"), "1.234,50"),
])
def test_amount_inputs_show_values_the_dutch_way_without_changing_what_was_typed(waarde, getoond):
    from inkoop.forms import BedragInvoer

    assert BedragInvoer().format_value(waarde) == getoond
