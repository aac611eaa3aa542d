"""Reads of the audit log (system administrators only; the views check the role)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from kim.core.models import AuditEvent


def audit_events(
    *,
    person=None,
    object_type: str = "",
    object_id: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, filtered by person, object and a date range (both days included)."""
    events = AuditEvent.objects.select_related("organisation")
    tz = timezone.get_current_timezone()
    if person:
        events = events.filter(actor=person)
    if object_type:
        events = events.filter(object_type__icontains=object_type.strip())
    if object_id:
        events = events.filter(object_id=object_id.strip())
    if date_from:
        events = events.filter(at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
    if date_to:
        events = events.filter(at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    return events
