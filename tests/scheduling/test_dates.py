import datetime as dt

import pytest

from kim.scheduling.dates import iso_week, months_before, parse_iso_week, week_start


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2027, 5, 31), dt.date(2027, 2, 28)),  # month end clamps
        (dt.date(2028, 5, 31), dt.date(2028, 2, 29)),  # leap year
        (dt.date(2027, 5, 30), dt.date(2027, 2, 28)),
        (dt.date(2027, 1, 15), dt.date(2026, 10, 15)),  # over the year boundary
        (dt.date(2027, 3, 31), dt.date(2026, 12, 31)),
        (dt.date(2027, 8, 31), dt.date(2027, 5, 31)),
        (dt.date(2027, 7, 31), dt.date(2027, 4, 30)),
    ],
)
def test_three_months_before_keeps_the_day_number_or_clamps(day, expected):
    assert months_before(day, 3) == expected


def test_iso_weeks():
    assert parse_iso_week("2026-W48") == dt.date(2026, 11, 23)
    assert parse_iso_week("2025-W53") is None  # 2025 has 52 weeks
    assert parse_iso_week("2026-W53") == dt.date(2026, 12, 28)
    assert parse_iso_week("gestern") is None
    assert parse_iso_week(None) is None
    assert iso_week(dt.date(2027, 1, 1)) == "2026-W53"
    assert iso_week(dt.date(2025, 12, 31)) == "2026-W01"
    assert week_start(dt.date(2026, 11, 29)) == dt.date(2026, 11, 23)
