"""Working days: Monday to Friday without the Dutch public holidays (Algemene termijnenwet)."""

from datetime import date

import pytest

from inkoop.werkdagen import feestdagen, pasen, werkdagen_tussen


@pytest.mark.parametrize(("jaar", "paasdag"), [
    (2024, date(2024, 3, 31)),
    (2025, date(2025, 4, 20)),
    (2026, date(2026, 4, 5)),
])
def test_easter_sunday(jaar, paasdag):
    assert pasen(jaar) == paasdag


def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday():
    assert date(2025, 4, 26) in feestdagen(2025)  # 27 April 2025 is a Sunday
    assert date(2024, 4, 27) in feestdagen(2024)


@pytest.mark.parametrize(("van", "tot", "aantal"), [
    (date(2024, 3, 4), date(2024, 3, 4), 0),    # same day
    (date(2024, 3, 8), date(2024, 3, 11), 1),   # Friday -> Monday
    (date(2024, 12, 24), date(2024, 12, 27), 1),  # Christmas and Boxing Day
    (date(2024, 5, 8), date(2024, 5, 10), 1),   # Ascension Day 9 May 2024
    (date(2024, 3, 11), date(2024, 3, 4), 0),   # backwards
])
def test_working_days_between_two_dates(van, tot, aantal):
    assert werkdagen_tussen(van, tot) == aantal
