"""The week calendar's layout: days as columns, hours as rows, entries in time order (presentation only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

FIRST_HOUR = 8
LAST_HOUR = 17


@dataclass
class Day:
    date: dt.date
    is_today: bool
    appointments: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)


@dataclass
class HourRow:
    hour: int
    cells: list  # one list of appointments per day

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00"


def build_week(week_start: dt.date, appointments, deadlines, today: dt.date) -> dict:
    """Place appointments (already time-ordered) on the day and hour they start in local time; an entry
    that began in the previous week shows at the start of Monday. Hours 8–17 are always shown."""
    days = [
        Day(date=week_start + dt.timedelta(days=i), is_today=week_start + dt.timedelta(days=i) == today)
        for i in range(7)
    ]
    placed = []
    for appointment in appointments:
        start = timezone.localtime(appointment.starts_at)
        index = max(0, (start.date() - week_start).days)
        hour = start.hour if index == (start.date() - week_start).days else 0
        days[index].appointments.append(appointment)
        placed.append((index, hour, appointment))
    for deadline in deadlines:
        days[(deadline.due_on - week_start).days].deadlines.append(deadline)
    hours = [hour for _index, hour, _a in placed]
    first = min([FIRST_HOUR, *hours])
    last = max([LAST_HOUR, *hours])
    rows = [HourRow(hour=h, cells=[[] for _ in range(7)]) for h in range(first, last + 1)]
    for index, hour, appointment in placed:
        rows[hour - first].cells[index].append(appointment)
    today_index = (today - week_start).days if 0 <= (today - week_start).days < 7 else -1
    return {
        "days": days,
        "rows": rows,
        "has_deadlines": any(day.deadlines for day in days),
        "today_index": today_index,
    }
