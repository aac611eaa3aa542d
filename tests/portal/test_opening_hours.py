"""Opening hours: regular hours, exceptions, NRW public holidays, "open now" in Europe/Berlin time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from kim.portal.opening_hours import (
    BERLIN,
    ExceptionRule,
    Schedule,
    Slot,
    holiday_name,
    seconds_until_change,
    status_sentence,
    today_note,
    upcoming_notices,
)

T = dt.time
UTC = ZoneInfo("UTC")
# The demo hours: Monday–Thursday 09:00–15:00, Friday 09:00–12:00.
DEMO = {d: (Slot(T(9), T(15)),) for d in range(4)} | {4: (Slot(T(9), T(12)),)}


def berlin(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def schedule(exceptions=(), regular=None, language="de") -> Schedule:
    return Schedule(
        regular=dict(DEMO if regular is None else regular), exceptions=list(exceptions), language=language
    )


def closed(start, end=None, reason="Teamtag", note=""):
    return ExceptionRule(starts_on=start, ends_on=end or start, is_closed=True, reason=reason, note=note)


def special(start, end, opens, closes, reason="Veranstaltung"):
    return ExceptionRule(
        starts_on=start, ends_on=end, is_closed=False, opens=opens, closes=closes, reason=reason
    )


# Regular days ---------------------------------------------------------------------------------------------


def test_open_during_the_slot_closes_at_its_end():
    status = schedule().status(berlin(2026, 11, 25, 10, 30))  # Wednesday
    assert status.is_open
    assert status.closes_at == berlin(2026, 11, 25, 15, 0)


def test_closing_minute_itself_is_closed_and_opening_minute_open():
    s = schedule()
    assert not s.status(berlin(2026, 11, 25, 15, 0)).is_open
    assert s.status(berlin(2026, 11, 25, 9, 0)).is_open


def test_before_opening_opens_today():
    status = schedule().status(berlin(2026, 11, 25, 7, 45))
    assert not status.is_open
    assert status.opens_at == berlin(2026, 11, 25, 9, 0)


def test_friday_afternoon_opens_on_monday():
    status = schedule().status(berlin(2026, 11, 27, 12, 5))  # Friday after 12:00
    assert not status.is_open
    assert status.opens_at == berlin(2026, 11, 30, 9, 0)


def test_weekend_opens_on_monday():
    assert schedule().status(berlin(2026, 11, 28, 11, 0)).opens_at == berlin(2026, 11, 30, 9, 0)
    assert schedule().status(berlin(2026, 11, 29, 23, 59)).opens_at == berlin(2026, 11, 30, 9, 0)


def test_lunch_break_between_two_slots():
    hours = {2: (Slot(T(9), T(12)), Slot(T(13), T(15)))}
    s = schedule(regular=hours)
    morning = s.status(berlin(2026, 11, 25, 11, 0))
    assert morning.is_open and morning.closes_at == berlin(2026, 11, 25, 12, 0)
    lunch = s.status(berlin(2026, 11, 25, 12, 30))
    assert not lunch.is_open and lunch.opens_at == berlin(2026, 11, 25, 13, 0)


def test_touching_slots_are_one_opening():
    s = schedule(regular={0: (Slot(T(13), T(15)), Slot(T(9), T(13)))})
    assert s.regular[0] == (Slot(T(9), T(15)),)
    assert s.status(berlin(2026, 11, 30, 12, 59)).closes_at == berlin(2026, 11, 30, 15, 0)


def test_computed_in_berlin_time_whatever_the_given_zone():
    # 08:30 UTC on a winter Wednesday is 09:30 in Berlin (CET, UTC+1): open.
    assert schedule().status(dt.datetime(2026, 11, 25, 8, 30, tzinfo=UTC)).is_open
    # 07:30 UTC is 08:30 in Berlin: still closed.
    assert not schedule().status(dt.datetime(2026, 11, 25, 7, 30, tzinfo=UTC)).is_open


def test_daylight_saving_time_change():
    # 30 March 2026 is the Monday after the switch to CEST (UTC+2): 07:30 UTC is 09:30 in Berlin.
    status = schedule().status(dt.datetime(2026, 3, 30, 7, 30, tzinfo=UTC))
    assert status.is_open
    assert status.closes_at.utcoffset() == dt.timedelta(hours=2)
    # From the Saturday before (CET) the next opening is that Monday 09:00 CEST = 07:00 UTC.
    saturday = schedule().status(dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert saturday.opens_at.astimezone(UTC) == dt.datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    # (Easter Monday 2027 falls on the Monday after the switch, 29 March 2027: closed.)
    assert not schedule().status(dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC)).is_open


# Public holidays ------------------------------------------------------------------------------------------


def test_good_friday_and_easter_monday_are_closed():
    # Thursday 2 April 2026 after closing → Good Friday, weekend, Easter Monday closed → Tuesday 7 April.
    status = schedule().status(berlin(2026, 4, 2, 16, 0))
    assert status.opens_at == berlin(2026, 4, 7, 9, 0)
    friday = schedule().status(berlin(2026, 4, 3, 10, 0))
    assert not friday.is_open
    assert friday.today.holiday == "Karfreitag"


def test_nrw_only_holiday_corpus_christi_is_closed():
    # Fronleichnam (4 June 2026) is a public holiday in NRW, not everywhere in Germany.
    assert not schedule().status(berlin(2026, 6, 4, 10, 0)).is_open
    assert schedule().status(berlin(2026, 6, 3, 10, 0)).is_open


def test_turn_of_the_year():
    # Thursday 31 December 2026 16:00 → New Year (Friday) closed, weekend → Monday 4 January 2027.
    status = schedule().status(berlin(2026, 12, 31, 16, 0))
    assert status.opens_at == berlin(2027, 1, 4, 9, 0)
    assert schedule().day(dt.date(2027, 1, 1)).holiday == "Neujahr"


def test_closed_between_christmas_and_new_year_by_exception():
    between = closed(dt.date(2026, 12, 24), dt.date(2027, 1, 1), reason="closed between the holidays")
    status = schedule([between]).status(berlin(2026, 12, 23, 15, 30))
    assert status.opens_at == berlin(2027, 1, 4, 9, 0)
    assert not schedule([between]).status(berlin(2026, 12, 28, 10, 0)).is_open


def test_holiday_names_in_the_visitors_language():
    christmas = dt.date(2026, 12, 25)
    assert holiday_name(christmas, "de") == "Erster Weihnachtstag"
    assert holiday_name(christmas, "en") == "Christmas Day"
    assert holiday_name(christmas, "uk") == "Перший день Різдва"
    # Languages the holidays package does not name German holidays in fall back to German.
    assert holiday_name(christmas, "ar") == "Erster Weihnachtstag"
    assert holiday_name(christmas, "einfach") == "Erster Weihnachtstag"
    assert holiday_name(dt.date(2026, 12, 24), "de") is None


# Exceptions -----------------------------------------------------------------------------------------------


def test_closed_day_exception_on_a_regular_day():
    team_day = closed(dt.date(2026, 11, 25))
    s = schedule([team_day])
    status = s.status(berlin(2026, 11, 25, 10, 0))
    assert not status.is_open
    assert status.opens_at == berlin(2026, 11, 26, 9, 0)
    with translation.override("en"):
        assert today_note(status.today) == "Closed today: Teamtag."


def test_special_hours_on_a_single_normally_closed_day():
    open_saturday = special(dt.date(2026, 11, 28), dt.date(2026, 11, 28), T(10), T(14))
    s = schedule([open_saturday])
    assert s.status(berlin(2026, 11, 28, 11, 0)).is_open
    assert s.status(berlin(2026, 11, 27, 13, 0)).opens_at == berlin(2026, 11, 28, 10, 0)


def test_special_hours_of_a_period_apply_only_on_regular_opening_days():
    summer = special(dt.date(2027, 7, 19), dt.date(2027, 7, 30), T(9), T(11))
    s = schedule([summer])
    assert s.day(dt.date(2027, 7, 20)).slots == (Slot(T(9), T(11)),)  # Tuesday
    assert s.day(dt.date(2027, 7, 24)).slots == ()  # Saturday stays closed
    assert s.status(berlin(2027, 7, 20, 10, 30)).closes_at == berlin(2027, 7, 20, 11, 0)


def test_exception_wins_over_a_public_holiday():
    open_on_holiday = special(dt.date(2026, 10, 3), dt.date(2026, 10, 3), T(10), T(13))  # Saturday, Unity Day
    s = schedule([open_on_holiday])
    assert s.status(berlin(2026, 10, 3, 11, 0)).is_open
    # A period of special hours does not open a holiday inside it.
    period = special(dt.date(2026, 5, 11), dt.date(2026, 5, 15), T(9), T(11))  # contains Ascension (14 May)
    assert schedule([period]).day(dt.date(2026, 5, 14)).slots == ()


def test_closed_until_further_notice_when_nothing_opens_within_the_search_window():
    s = schedule([closed(dt.date(2026, 1, 1), dt.date(2027, 12, 31))])
    status = s.status(berlin(2026, 3, 2, 10, 0))
    assert not status.is_open and status.opens_at is None
    with translation.override("en"):
        assert status_sentence(status, "en") == "Closed now – closed until further notice"


def test_no_hours_at_all_means_never_open():
    s = schedule(regular={})
    assert not s.has_hours
    assert s.status(berlin(2026, 11, 25, 10, 0)).opens_at is None


# Wording --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (berlin(2026, 11, 25, 10, 0), "Open now – closes at 15:00"),
        (berlin(2026, 11, 25, 8, 0), "Closed now – opens today at 09:00"),
        (berlin(2026, 11, 25, 16, 0), "Closed now – opens tomorrow (Thursday) at 09:00"),
        (berlin(2026, 11, 27, 14, 0), "Closed now – opens on Monday at 09:00"),
        (berlin(2026, 12, 23, 16, 0), "Closed now – opens on Monday, January 4 at 09:00"),
    ],
)
def test_status_sentence_in_english(now, expected):
    between = closed(dt.date(2026, 12, 24), dt.date(2027, 1, 1))
    with translation.override("en"):
        assert status_sentence(schedule([between]).status(now), "en") == expected


def test_status_sentence_weekday_in_the_visitors_language():
    with translation.override("de"):
        status = schedule().status(berlin(2026, 11, 27, 14, 0))
        assert "Montag" in status_sentence(status, "de")
        assert "понеділок" in status_sentence(status, "uk")


def test_upcoming_notices_join_a_period_and_list_holidays_on_opening_days():
    between = closed(dt.date(2026, 12, 24), dt.date(2027, 1, 1), reason="closed between the holidays")
    notices = upcoming_notices(schedule([between]), dt.date(2026, 12, 1), days=42)
    assert [(n.first, n.last) for n in notices] == [(dt.date(2026, 12, 24), dt.date(2027, 1, 1))]
    plain = upcoming_notices(schedule(), dt.date(2026, 12, 1), days=42)
    assert [(n.first, n.holiday) for n in plain] == [
        (dt.date(2026, 12, 25), "Erster Weihnachtstag"),
        (dt.date(2027, 1, 1), "Neujahr"),
    ]
    # Boxing Day 2026 is a Saturday: no change to the regular hours, so no notice.


def test_seconds_until_change_is_the_next_opening_or_closing_or_midnight():
    s = schedule()
    assert seconds_until_change(s.status(berlin(2026, 11, 25, 14, 0))) == 3600
    assert seconds_until_change(s.status(berlin(2026, 11, 25, 8, 59, 30))) == 30
    # Saturday: the next opening is on Monday, but the page changes at midnight (today's note, upcoming list).
    saturday = s.status(berlin(2026, 11, 28, 23, 0))
    assert seconds_until_change(saturday) == 3600


# The database side --------------------------------------------------------------------------------------


@pytest.fixture
def contact_point(db, city):
    from kim.accounts.models import ContactPoint, OpeningHours

    point = ContactPoint.objects.create(
        organisation=city,
        name="Zentrale Anlaufstelle",
        street="Mülheimer Straße 200",
        postcode="46045",
        is_central=True,
        phone="0208 825-0",
        email="kim@oberhausen.example",
    )
    for weekday, slots in DEMO.items():
        for slot in slots:
            OpeningHours.objects.create(
                contact_point=point, weekday=weekday, opens=slot.opens, closes=slot.closes
            )
    return point


def test_schedule_for_reads_hours_and_exceptions_that_have_not_ended(contact_point):
    from kim.accounts.models import OpeningExceptionReason, OpeningHoursException
    from kim.portal.opening_hours import schedule_for

    OpeningHoursException.objects.create(
        contact_point=contact_point,
        starts_on=dt.date(2026, 11, 2),
        ends_on=dt.date(2026, 11, 2),
        reason=OpeningExceptionReason.TEAM_DAY,
    )
    OpeningHoursException.objects.create(
        contact_point=contact_point,
        starts_on=dt.date(2026, 12, 2),
        ends_on=dt.date(2026, 12, 2),
        reason=OpeningExceptionReason.TEAM_DAY,
        note="Bitte rufen Sie an.",
    )
    with time_machine.travel(berlin(2026, 12, 1, 10, 0), tick=False), translation.override("en"):
        s = schedule_for(contact_point, language="en")
    assert [e.starts_on for e in s.exceptions] == [dt.date(2026, 12, 2)]
    assert s.exceptions[0].reason == "team day"
    assert s.day(dt.date(2026, 12, 2)).slots == ()
    assert s.day(dt.date(2026, 12, 1)).slots == (Slot(T(9), T(15)),)
