"""Calendar arithmetic for periods and ages under §§ 187, 188 BGB (RULES.md 1.2, 1.3).

Periods ("seit N Jahren", "seit mindestens zwölf Monaten") start with an event (entry, grant of a Duldung).
By default the day of the event is not counted (§ 187 Abs. 1 BGB) and the period ends at the end of the day
that corresponds to the start day N months/years later (§ 188 Abs. 2 Alt. 1 BGB); where that day does not
exist (29 February, the 31st) the period ends on the last day of that month (§ 188 Abs. 3 BGB).
With the switch ``count_start_day`` (uncertainty U-04) the start day is counted (§ 187 Abs. 2 BGB) and the
period ends one day earlier (§ 188 Abs. 2 Alt. 2 BGB).

Ages follow § 187 Abs. 2 S. 2 BGB: a person is "aged X" from 00:00 on the X-th birthday; a person born on
29 February has the birthday on 1 March in non-leap years.
"""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def add_months(d: date, months: int) -> date:
    """Same calendar day ``months`` later (or earlier); clamped to the month end (§ 188 Abs. 3 BGB)."""
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    month = m + 1
    last = month_length(year, month)
    return date(year, month, d.day if d.day <= last else last)


_PERIOD_ENDS: dict[tuple[date, int, bool], date] = {}


def period_end(start: date, months: int, count_start_day: bool = False) -> date:
    """Last day of a period of ``months`` months (years = 12 months) that begins with an event on ``start``.

    A requirement "seit N Monaten/Jahren" is met on a reference day R exactly when ``period_end(...) <= R``.
    Cached: the same starts and periods recur across the routes of a person and across persons.
    """
    key = (start, months, count_start_day)
    hit = _PERIOD_ENDS.get(key)
    if hit is None:
        if len(_PERIOD_ENDS) >= 100_000:
            _PERIOD_ENDS.clear()
        hit = _PERIOD_ENDS[key] = _period_end(start, months, count_start_day)
    return hit


def _period_end(start: date, months: int, count_start_day: bool) -> date:
    if not count_start_day:
        return add_months(start, months)
    y, m = divmod(start.month - 1 + months, 12)
    year = start.year + y
    month = m + 1
    last = month_length(year, month)
    if start.day <= last:
        return date(year, month, start.day) - ONE_DAY
    # The corresponding day does not exist: the day before the following month's first day (cf. § 188 Abs. 3).
    return date(year, month, last)


def birthday(birth: date, age: int) -> date:
    """The day from which a person is ``age`` years old (29 February → 1 March in non-leap years)."""
    year = birth.year + age
    if birth.month == 2 and birth.day == 29 and not is_leap(year):
        return date(year, 3, 1)
    return date(year, birth.month, birth.day)


def age_on(birth: date, on: date) -> int:
    """Completed years of life on ``on`` (negative ages are returned as -1)."""
    years = on.year - birth.year
    if on < birthday(birth, years):
        years -= 1
    return years


def statutory_retirement_age_months(birth: date) -> int:
    """Regelaltersgrenze in months of age under §§ 35, 235 SGB VI."""
    year = birth.year
    if year < 1947:
        return 65 * 12
    if year <= 1958:
        return 65 * 12 + (year - 1946)
    if year <= 1963:
        return 66 * 12 + 2 * (year - 1958)
    return 67 * 12


def reaches_age_months(birth: date, months: int) -> date:
    """Day from which a person has completed ``months`` months of life (used for the Regelaltersgrenze)."""
    if birth.month == 2 and birth.day == 29:
        d = add_months(birth, months)
        if d.month == 2 and d.day == 28:
            return date(d.year, 3, 1)
        return d
    return add_months(birth, months)


def fmt(d: date | None) -> str:
    """German date format (TT.MM.JJJJ) without strftime, which is slow and locale dependent."""
    if d is None:
        return "–"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def parse_iso_date(value: object) -> date | None:
    """Strict JJJJ-MM-TT parser; returns None for anything else (no other ISO 8601 forms are accepted)."""
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.isascii():
        return None
    if not (value[:4].isdigit() and value[5:7].isdigit() and value[8:].isdigit()):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
