"""Writes of opening hours: the weekly hours of a contact point and its exceptions (closed days, special hours).

Only the coordination (coordinator, administrative assistant) maintains them. Every write is validated,
audited and bumps the portal's content generation, so the public contact page shows it at once.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.accounts.models import ContactPoint, OpeningHours, OpeningHoursException, Role
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError, save_versioned
from kim.core.scoping import Actor
from kim.portal.cache import bump_generation

COORDINATION = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
MAX_SLOTS_PER_DAY = 2
EXCEPTION_FIELDS = ["starts_on", "ends_on", "is_closed", "opens", "closes", "reason", "note"]


def _require(actor: Actor) -> None:
    if actor.membership is None or actor.role not in COORDINATION:
        raise PermissionDenied


def _period_details(exception: OpeningHoursException) -> dict:
    return {
        "contact_point": exception.contact_point_id,
        "starts_on": exception.starts_on.isoformat(),
        "ends_on": exception.ends_on.isoformat(),
        "closed": exception.is_closed,
        "reason": exception.reason,
    }


@transaction.atomic
def exception_create(
    *,
    actor: Actor,
    contact_point: ContactPoint,
    starts_on: dt.date,
    ends_on: dt.date | None,
    is_closed: bool,
    reason: str,
    opens: dt.time | None = None,
    closes: dt.time | None = None,
    note: str = "",
) -> OpeningHoursException:
    _require(actor)
    exception = OpeningHoursException(
        contact_point=contact_point,
        starts_on=starts_on,
        ends_on=ends_on or starts_on,
        is_closed=is_closed,
        opens=None if is_closed else opens,
        closes=None if is_closed else closes,
        reason=reason,
        note=note.strip(),
    )
    exception.full_clean()
    exception.save()
    audit_log(
        actor=actor,
        action="accounts.opening_exception.create",
        obj=exception,
        details=_period_details(exception),
    )
    bump_generation()
    return exception


@transaction.atomic
def exception_update(
    *, actor: Actor, exception: OpeningHoursException, expected_version: int, **values
) -> OpeningHoursException:
    """Change an exception; raises StaleRecordError if someone else saved it since ``expected_version``."""
    _require(actor)
    unknown = set(values) - set(EXCEPTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(exception, name, value)
    if not exception.ends_on:
        exception.ends_on = exception.starts_on
    exception.note = (exception.note or "").strip()
    if exception.is_closed:
        exception.opens = exception.closes = None
    exception.full_clean()
    exception.updated_at = timezone.now()
    save_versioned(exception, expected_version, EXCEPTION_FIELDS + ["updated_at"])
    audit_log(
        actor=actor,
        action="accounts.opening_exception.update",
        obj=exception,
        details=_period_details(exception),
    )
    bump_generation()
    return exception


@transaction.atomic
def exception_delete(*, actor: Actor, exception: OpeningHoursException) -> None:
    _require(actor)
    audit_log(
        actor=actor,
        action="accounts.opening_exception.delete",
        obj=exception,
        details=_period_details(exception),
    )
    exception.delete()
    bump_generation()


@transaction.atomic
def weekly_hours_replace(
    *,
    actor: Actor,
    contact_point: ContactPoint,
    slots: dict[int, list[tuple[dt.time, dt.time]]],
    based_on: str,
) -> list[OpeningHours]:
    """Replace the regular weekly hours. ``based_on`` is :func:`weekly_fingerprint` of the hours the editor
    started from; if they changed in the meantime nothing is saved (StaleRecordError with the current hours)."""
    _require(actor)
    ContactPoint.objects.select_for_update().filter(pk=contact_point.pk).first()
    if weekly_fingerprint(contact_point) != based_on:
        raise StaleRecordError(current=list(contact_point.opening_hours.all()))
    errors = {}
    rows = []
    for weekday in range(7):
        day = sorted(slots.get(weekday, []))
        if len(day) > MAX_SLOTS_PER_DAY:
            errors[f"d{weekday}"] = _("At most two periods a day.")
            continue
        for index, (opens, closes) in enumerate(day):
            if closes <= opens:
                errors[f"d{weekday}_closes_{index + 1}"] = _("It must close after it opens.")
            if index and opens < day[index - 1][1]:
                errors[f"d{weekday}_opens_{index + 1}"] = _("The periods of one day must not overlap.")
            rows.append(
                OpeningHours(contact_point=contact_point, weekday=weekday, opens=opens, closes=closes)
            )
    if errors:
        raise ValidationError(errors)
    contact_point.opening_hours.all().delete()
    created = OpeningHours.objects.bulk_create(rows)
    audit_log(
        actor=actor,
        action="accounts.opening_hours.replace",
        obj=contact_point,
        details={
            "hours": {
                str(weekday): [f"{o:%H:%M}-{c:%H:%M}" for o, c in sorted(slots.get(weekday, []))]
                for weekday in range(7)
                if slots.get(weekday)
            }
        },
    )
    bump_generation()
    return created


def weekly_fingerprint(contact_point: ContactPoint) -> str:
    """The weekly hours as a short string, to notice a change between showing and saving the form."""
    rows = OpeningHours.objects.filter(contact_point=contact_point).order_by("weekday", "opens")
    return ";".join(f"{r.weekday}:{r.opens:%H%M}-{r.closes:%H%M}" for r in rows)
