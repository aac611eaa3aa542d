"""BGB period and age arithmetic (RULES.md 1.2, 1.3; §§ 187, 188 BGB)."""

from datetime import date

import pytest

from kim.residence.precheck.dates import add_months, age_on, birthday, period_end, reaches_age_months


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2017, 10, 31), 60, date(2022, 10, 31)),  # RULES 1.2: met on the Chancen cut-off day
    (date(2017, 11, 1), 60, date(2022, 11, 1)),  # RULES 1.2: not met on 31.10.2022
    (date(2016, 2, 29), 72, date(2022, 2, 28)),  # § 188 Abs. 3 BGB: 29 Feb → last day of February
    (date(2016, 2, 29), 48, date(2020, 2, 29)),  # leap year to leap year keeps the 29th
    (date(2021, 1, 31), 1, date(2021, 2, 28)),  # month end, § 188 Abs. 3 BGB
    (date(2023, 1, 31), 13, date(2024, 2, 29)),  # month end into a leap February
    (date(2020, 8, 31), 3, date(2020, 11, 30)),
])
def test_period_end_section_187_1_188_2_and_3_bgb(start, months, end):
    assert period_end(start, months) == end


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2017, 11, 1), 60, date(2022, 10, 31)),  # U-04: § 187 Abs. 2 BGB – start 1.11.2017 meets the cut-off
    (date(2017, 10, 31), 60, date(2022, 10, 30)),
    (date(2016, 2, 29), 72, date(2022, 2, 28)),  # no corresponding day: end of February either way
])
def test_period_end_counting_start_day_section_187_2_bgb(start, months, end):
    assert period_end(start, months, count_start_day=True) == end


def test_counting_start_day_never_ends_later():
    for day in range(1, 400):
        start = date.fromordinal(date(2016, 1, 1).toordinal() + day)
        for months in (3, 12, 36, 60, 72):
            assert period_end(start, months, True) <= period_end(start, months)


@pytest.mark.parametrize(("birth", "on", "age"), [
    (date(2000, 5, 17), date(2027, 5, 16), 26),  # § 187 Abs. 2 S. 2 BGB: day before the birthday
    (date(2000, 5, 17), date(2027, 5, 17), 27),  # aged 27 from 00:00 on the birthday
    (date(2004, 2, 29), date(2031, 2, 28), 26),  # born 29 Feb: year completed at the end of 28 Feb
    (date(2004, 2, 29), date(2031, 3, 1), 27),  # birthday treated as 1 March in non-leap years
    (date(2004, 2, 29), date(2032, 2, 29), 28),  # leap year: birthday on 29 Feb
])
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_birthday_29_february():
    assert birthday(date(2004, 2, 29), 27) == date(2031, 3, 1)
    assert birthday(date(2004, 2, 29), 28) == date(2032, 2, 29)


def test_add_months_backwards_clamps():
    assert add_months(date(2024, 8, 31), -6) == date(2024, 2, 29)
    assert add_months(date(2025, 8, 31), -6) == date(2025, 2, 28)


def test_retirement_age_from_months_of_life():
    assert reaches_age_months(date(1960, 2, 29), 12) == date(1961, 3, 1)
    assert reaches_age_months(date(1960, 5, 10), 67 * 12) == date(2027, 5, 10)
