"""The iCalendar (RFC 5545) feed of one person's appointments and open deadlines.

Calendar apps copy subscribed feeds into third-party clouds, so the feed carries no client names and no free
text typed by staff (titles, places, notes): each event says only its kind, the case number and a link
back to KIM, where the details are behind the login.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar, Event

from kim.scheduling.models import Appointment, Deadline

PRODID = "-//KIM Kommunales Integrationsmanagement//Kalender//DE"


def _uid(kind: str, pk: int, host: str) -> str:
    return f"kim-{kind}-{pk}@{host or 'kim'}"


def _summary(label: str, case) -> str:
    return f"{label} · {case.number}" if case is not None else label


def build_feed(*, appointments: list[Appointment], deadlines: list[Deadline], detail_url, host: str) -> bytes:
    """``detail_url(kind, pk)`` returns the absolute KIM address of an entry."""
    now = timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    with translation.override(settings.LANGUAGE_CODE):
        calendar.add("x-wr-calname", f"{settings.KIM_SITE_NAME} – {gettext('Calendar')}")
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        for appointment in appointments:
            event = Event()
            event.add("uid", _uid("appointment", appointment.pk, host))
            event.add("dtstamp", now)
            event.add("last-modified", appointment.updated_at)
            event.add("sequence", appointment.version)
            event.add("dtstart", appointment.starts_at.astimezone(dt.UTC))
            event.add("dtend", appointment.ends_at.astimezone(dt.UTC))
            event.add("summary", _summary(appointment.get_kind_display(), appointment.case))
            event.add(
                "description",
                gettext("Details in KIM: %(url)s") % {"url": detail_url("appointment", appointment.pk)},
            )
            event.add("class", "PRIVATE")
            event.add("transp", "OPAQUE")
            calendar.add_component(event)
        for deadline in deadlines:
            event = Event()
            event.add("uid", _uid("deadline", deadline.pk, host))
            event.add("dtstamp", now)
            event.add("last-modified", deadline.updated_at)
            event.add("dtstart", deadline.due_on)
            event.add("dtend", deadline.due_on + dt.timedelta(days=1))
            label = gettext("Deadline: %(kind)s") % {"kind": deadline.get_kind_display()}
            event.add("summary", _summary(label, deadline.case))
            event.add(
                "description",
                gettext("Details in KIM: %(url)s") % {"url": detail_url("deadline", deadline.pk)},
            )
            event.add("class", "PRIVATE")
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical()
