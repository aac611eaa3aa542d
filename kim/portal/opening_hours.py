"""Opening hours as data: regular weekly hours, exceptions, NRW public holidays, and "open now".

Everything is computed in Europe/Berlin wall-clock time, whatever the server's time zone. A day's hours are,
in order of precedence:

1. an exception covering the day (kim.accounts.models.OpeningHoursException): closed, or special hours –
   on the regular opening days of its period, or on its single day even if that is normally closed;
2. a public holiday in North Rhine-Westphalia (the ``holidays`` package): closed;
3. the regular hours of the weekday (kim.accounts.models.OpeningHours), possibly several slots a day.

The module reads nothing by itself except in :func:`schedule_for`; :class:`Schedule` is plain Python and
is what the unit tests drive with hand-made data.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from babel.dates import format_date, format_skeleton, format_time
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

BERLIN = ZoneInfo("Europe/Berlin")
#: How far ahead the next opening is searched (a closure longer than this reads "closed until further notice").
SEARCH_DAYS = 400
#: How far ahead deviations (holidays, exceptions) are listed on the contact page.
UPCOMING_DAYS = 42

# The languages `holidays` names German public holidays in; every other visitor language gets German.
_HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US", "uk": "uk"}


@dataclass(frozen=True)
class Slot:
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class ExceptionRule:
    """The parts of an OpeningHoursException the computation needs."""

    starts_on: dt.date
    ends_on: dt.date
    is_closed: bool
    opens: dt.time | None = None
    closes: dt.time | None = None
    reason: str = ""  # display text (translated reason)
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @property
    def is_single_day(self) -> bool:
        return self.starts_on == self.ends_on


@dataclass(frozen=True)
class Day:
    date: dt.date
    slots: tuple[Slot, ...]
    regular: tuple[Slot, ...]
    holiday: str | None = None
    exception: ExceptionRule | None = None

    @property
    def is_open_day(self) -> bool:
        return bool(self.slots)

    @property
    def deviates(self) -> bool:
        """Whether the day differs from the regular hours of its weekday."""
        return self.slots != self.regular


@dataclass(frozen=True)
class Status:
    now: dt.datetime
    is_open: bool
    today: Day
    closes_at: dt.datetime | None = None  # while open: when the current slot ends
    opens_at: dt.datetime | None = None  # while closed: the next opening (None: none within SEARCH_DAYS)

    @property
    def next_change(self) -> dt.datetime | None:
        return self.closes_at if self.is_open else self.opens_at


def _merge(slots) -> tuple[Slot, ...]:
    """Sorted slots with overlapping or touching ones joined (09–12 and 12–15 is 09–15)."""
    merged: list[Slot] = []
    for slot in sorted(slots, key=lambda s: s.opens):
        if merged and slot.opens <= merged[-1].closes:
            if slot.closes > merged[-1].closes:
                merged[-1] = Slot(merged[-1].opens, slot.closes)
        else:
            merged.append(slot)
    return tuple(merged)


@lru_cache(maxsize=64)
def _holidays_of_year(year: int, language: str) -> dict[dt.date, str]:
    calendar = holidays.Germany(subdiv="NW", years=year, language=language)
    return dict(calendar.items())


def holiday_language(language_code: str) -> str:
    """The `holidays` language for a visitor's language code (public code or locale); German by default."""
    return _HOLIDAY_LANGUAGES.get((language_code or "de").split("-")[0].split("_")[0], "de")


def holiday_name(day: dt.date, language_code: str = "de") -> str | None:
    return _holidays_of_year(day.year, holiday_language(language_code)).get(day)


@dataclass
class Schedule:
    """Regular hours per weekday (0 = Monday) plus exceptions, and the holiday calendar of NRW."""

    regular: dict[int, tuple[Slot, ...]]
    exceptions: list[ExceptionRule] = field(default_factory=list)
    language: str = "de"  # visitor language for holiday names

    def __post_init__(self):
        self.regular = {weekday: _merge(slots) for weekday, slots in self.regular.items()}
        self.exceptions = sorted(self.exceptions, key=lambda e: e.starts_on)

    @property
    def has_hours(self) -> bool:
        return any(self.regular.values()) or any(not e.is_closed for e in self.exceptions)

    def exception_on(self, day: dt.date) -> ExceptionRule | None:
        return next((e for e in self.exceptions if e.covers(day)), None)

    def day(self, day: dt.date) -> Day:
        regular = self.regular.get(day.weekday(), ())
        holiday = holiday_name(day, self.language)
        exception = self.exception_on(day)
        if exception is not None:
            if exception.is_closed:
                slots: tuple[Slot, ...] = ()
            elif exception.is_single_day or (regular and holiday is None):
                slots = (Slot(exception.opens, exception.closes),)
            else:
                slots = ()
        elif holiday is not None:
            slots = ()
        else:
            slots = regular
        return Day(date=day, slots=slots, regular=regular, holiday=holiday, exception=exception)

    def status(self, now: dt.datetime | None = None) -> Status:
        now = (now or timezone.now()).astimezone(BERLIN)
        today = self.day(now.date())
        clock = now.time().replace(tzinfo=None)
        for slot in today.slots:
            if slot.opens <= clock < slot.closes:
                closes_at = _at(today.date, slot.closes)
                return Status(now=now, is_open=True, today=today, closes_at=closes_at)
        for slot in today.slots:
            if slot.opens > clock:
                return Status(now=now, is_open=False, today=today, opens_at=_at(today.date, slot.opens))
        for offset in range(1, SEARCH_DAYS + 1):
            day = self.day(today.date + dt.timedelta(days=offset))
            if day.slots:
                return Status(now=now, is_open=False, today=today, opens_at=_at(day.date, day.slots[0].opens))
        return Status(now=now, is_open=False, today=today)

    def upcoming(self, start: dt.date, days: int = UPCOMING_DAYS) -> list[Day]:
        """Days from ``start`` on that differ from the regular hours: holidays on opening days, exceptions."""
        result = []
        for offset in range(days):
            day = self.day(start + dt.timedelta(days=offset))
            if day.deviates:
                result.append(day)
        return result

    def week(self) -> list[tuple[int, tuple[Slot, ...]]]:
        return [(weekday, self.regular.get(weekday, ())) for weekday in range(7)]


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=BERLIN)


def public_reason_label(code: str) -> str:
    """The reason of an exception in the active (public) language. The same message ids as
    kim.accounts.models.OpeningExceptionReason, repeated here so that they are extracted into the catalogues of
    the public languages (which leave the staff apps out)."""
    labels = {
        "team_day": _("team day"),
        "training": _("staff training"),
        "between_holidays": _("closed between the holidays"),
        "bridge_day": _("bridge day"),
        "event": _("event"),
        "building": _("building closed"),
        "staff_shortage": _("staff shortage"),
        "other": _("other reason"),
    }
    return labels.get(code, "")


def schedule_for(contact_point, *, language: str = "de", reason_label=None) -> Schedule:
    """The schedule of a ContactPoint (regular hours and exceptions that have not ended yet)."""
    from kim.accounts.models import OpeningExceptionReason

    label = reason_label or public_reason_label
    regular: dict[int, list[Slot]] = defaultdict(list)
    for hours in contact_point.opening_hours.all():
        regular[hours.weekday].append(Slot(hours.opens, hours.closes))
    today = timezone.now().astimezone(BERLIN).date()
    exceptions = [
        ExceptionRule(
            starts_on=e.starts_on,
            ends_on=e.ends_on,
            is_closed=e.is_closed,
            opens=e.opens,
            closes=e.closes,
            reason=label(e.reason) if e.reason in OpeningExceptionReason.values else "",
            note=e.note,
        )
        for e in contact_point.exceptions.filter(ends_on__gte=today - dt.timedelta(days=1)).order_by(
            "starts_on"
        )
    ]
    return Schedule(
        regular={k: tuple(v) for k, v in regular.items()}, exceptions=exceptions, language=language
    )


# Wording -------------------------------------------------------------------------------------------------


def format_clock(time: dt.time | dt.datetime, locale: str) -> str:
    return format_time(time, "HH:mm", locale=locale)


def format_weekday(day: dt.date, locale: str) -> str:
    return format_date(day, "EEEE", locale=locale)


def format_day(day: dt.date, locale: str, *, with_weekday: bool = True) -> str:
    date_text = format_skeleton("MMMMd", dt.datetime.combine(day, dt.time()), locale=locale)
    if not with_weekday:
        return date_text
    return pgettext("weekday and date", "%(weekday)s, %(date)s") % {
        "weekday": format_weekday(day, locale),
        "date": date_text,
    }


def weekday_name(weekday: int, locale: str) -> str:
    # 2024-01-01 was a Monday.
    return format_weekday(dt.date(2024, 1, 1) + dt.timedelta(days=weekday), locale)


def status_sentence(status: Status, locale: str) -> str:
    """The one-line answer: "Open now – closes at 15:00" / "Closed now – opens on Monday, 5 January at 09:00"."""
    if status.is_open:
        return _("Open now – closes at %(time)s") % {"time": format_clock(status.closes_at, locale)}
    if status.opens_at is None:
        return _("Closed now – closed until further notice")
    opens = status.opens_at
    today = status.now.date()
    time_text = format_clock(opens, locale)
    if opens.date() == today:
        return _("Closed now – opens today at %(time)s") % {"time": time_text}
    if opens.date() == today + dt.timedelta(days=1):
        return _("Closed now – opens tomorrow (%(weekday)s) at %(time)s") % {
            "weekday": format_weekday(opens.date(), locale),
            "time": time_text,
        }
    if opens.date() - today < dt.timedelta(days=7):
        return _("Closed now – opens on %(weekday)s at %(time)s") % {
            "weekday": format_weekday(opens.date(), locale),
            "time": time_text,
        }
    return _("Closed now – opens on %(day)s at %(time)s") % {
        "day": format_day(opens.date(), locale),
        "time": time_text,
    }


def today_note(day: Day) -> str:
    """Why today differs from the regular hours, or "" if it does not."""
    if not day.deviates:
        return ""
    if day.exception is not None:
        if day.exception.is_closed or not day.slots:
            return _("Closed today: %(reason)s.") % {"reason": day.exception.reason}
        return _("Special opening hours today: %(reason)s.") % {"reason": day.exception.reason}
    if day.holiday:
        return _("Closed today: public holiday (%(name)s).") % {"name": day.holiday}
    return ""


def describe_slots(slots, locale: str) -> str:
    """ "09:00–12:00, 13:00–15:00", or "closed"."""
    if not slots:
        return pgettext("opening hours", "closed")
    return ", ".join(f"{format_clock(s.opens, locale)}–{format_clock(s.closes, locale)}" for s in slots)


@dataclass(frozen=True)
class Notice:
    """A coming deviation from the regular hours: one holiday, or the days of one exception."""

    first: dt.date
    last: dt.date
    slots: tuple[Slot, ...]
    holiday: str | None
    exception: ExceptionRule | None


def upcoming_notices(schedule: Schedule, start: dt.date, days: int = UPCOMING_DAYS) -> list[Notice]:
    """The coming deviations within ``days``: every exception once with its whole period, and every public
    holiday that closes a regular opening day outside an exception."""
    end = start + dt.timedelta(days=days - 1)
    notices = []
    for exception in schedule.exceptions:
        if exception.ends_on < start or exception.starts_on > end:
            continue
        slots = () if exception.is_closed else (Slot(exception.opens, exception.closes),)
        notices.append(Notice(max(exception.starts_on, start), exception.ends_on, slots, None, exception))
    for day in schedule.upcoming(start, days):
        if day.exception is None and day.holiday:
            notices.append(Notice(day.date, day.date, (), day.holiday, None))
    return sorted(notices, key=lambda n: n.first)


def seconds_until_change(status: Status) -> int:
    """How long what the contact page says stays true: until the next opening or closing, or midnight."""
    midnight = dt.datetime.combine(status.now.date() + dt.timedelta(days=1), dt.time(), tzinfo=BERLIN)
    moments = [midnight]
    if status.next_change is not None:
        moments.append(status.next_change)
    return max(1, int((min(moments) - status.now).total_seconds()))
