"""Calendar arithmetic: months back (BGB style), ISO weeks and the local day boundaries of a week."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.utils import timezone

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day number ``months`` months earlier; a day the month lacks becomes its last day
    (§ 188 Abs. 3 BGB reasoning: 31 May minus three months is 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def parse_iso_week(value: str | None) -> dt.date | None:
    """``2026-W48`` → Monday of that week; None for anything else (also for week 53 of a 52-week year)."""
    match = _ISO_WEEK.match((value or "").strip())
    if not match:
        return None
    try:
        return dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_bounds(first: dt.date, days: int = 1) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes of the local midnight starting ``first`` and the one ``days`` later."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(first + dt.timedelta(days=days), dt.time.min, tzinfo=tz)
    return start, end
