"""Writes to appointments, deadlines and calendar subscriptions.

Every function checks that the actor may do it, runs in one transaction, validates with ``full_clean`` and
writes an audit entry that names changed fields but never copies titles or notes (they may mention a client's
health or family). The residence rule's automatic deadlines are written by kim.scheduling.residence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.accounts.models import User
from kim.cases.models import Case
from kim.core.audit import audit_log
from kim.core.concurrency import save_versioned
from kim.core.scoping import Actor
from kim.scheduling import selectors
from kim.scheduling.models import Appointment, AppointmentKind, CalendarFeedToken, Deadline, DeadlineKind

APPOINTMENT_FIELDS = (
    "owner",
    "case",
    "kind",
    "title",
    "starts_at",
    "ends_at",
    "place",
    "interpreter_language",
    "interpreter_booked",
    "note",
)
DEADLINE_FIELDS = ("responsible", "case", "kind", "title", "due_on", "note")


def _require_calendar_role(actor: Actor) -> None:
    if actor.membership is None or actor.role not in selectors.CALENDAR_ROLES:
        raise PermissionDenied


def _check_person(actor: Actor, user: User | None, field: str) -> None:
    """A case manager plans for themselves; a team lead for the staff of the organisation."""
    if user is None:
        raise ValidationError({field: _("Choose a person.")})
    if not selectors.calendar_people(actor=actor).filter(pk=user.pk).exists():
        raise PermissionDenied


def _check_case(actor: Actor, case: Case | None) -> None:
    if case is None:
        return
    if (
        not selectors.cases_for_scheduling(actor=actor)
        .filter(pk=case.pk, organisation_id=actor.organisation_id)
        .exists()
    ):
        raise PermissionDenied


# Appointments --------------------------------------------------------------------------------------------


@transaction.atomic
def appointment_create(*, actor: Actor, **fields) -> tuple[Appointment, list[Appointment]]:
    """Create an appointment; returns it with the owner's other appointments it overlaps (a warning only:
    double bookings happen, e.g. an accompaniment during office hours)."""
    _require_calendar_role(actor)
    fields = {k: v for k, v in fields.items() if k in APPOINTMENT_FIELDS}
    fields.setdefault("owner", actor.user)
    fields.setdefault("kind", AppointmentKind.CLIENT)
    _check_person(actor, fields["owner"], "owner")
    _check_case(actor, fields.get("case"))
    appointment = Appointment(organisation_id=actor.organisation_id, created_by=actor.user, **fields)
    appointment.full_clean()
    appointment.save()
    audit_log(
        actor=actor,
        action="scheduling.appointment.create",
        obj=appointment,
        details={
            "owner": appointment.owner_id,
            "case": appointment.case.number if appointment.case_id else "",
            "kind": appointment.kind,
            "starts_at": appointment.starts_at.isoformat(),
        },
    )
    return appointment, selectors.appointment_overlaps(appointment)


@transaction.atomic
def appointment_update(
    *, actor: Actor, appointment: Appointment, expected_version: int, **fields
) -> tuple[Appointment, list[Appointment]]:
    """Change an appointment the actor may see. Raises StaleRecordError when someone else saved it since
    ``expected_version`` was read; nothing is written then."""
    _require_calendar_role(actor)
    appointment = selectors.appointment_get(actor=actor, pk=appointment.pk)
    if appointment.is_cancelled:
        raise ValidationError(_("This appointment was cancelled and can no longer be changed."))
    fields = {k: v for k, v in fields.items() if k in APPOINTMENT_FIELDS}
    if "owner" in fields:
        _check_person(actor, fields["owner"], "owner")
    if "case" in fields and fields["case"] is not None and fields["case"].pk != appointment.case_id:
        _check_case(actor, fields["case"])
    changed = sorted(name for name, value in fields.items() if getattr(appointment, name) != value)
    for name, value in fields.items():
        setattr(appointment, name, value)
    appointment.full_clean()
    appointment.updated_at = timezone.now()
    columns = [f"{name}_id" if name in ("owner", "case") else name for name in fields]
    save_versioned(appointment, expected_version, [*columns, "updated_at"])
    audit_log(
        actor=actor, action="scheduling.appointment.update", obj=appointment, details={"fields": changed}
    )
    return appointment, selectors.appointment_overlaps(appointment)


@transaction.atomic
def appointment_cancel(*, actor: Actor, appointment: Appointment) -> Appointment:
    _require_calendar_role(actor)
    appointment = selectors.appointment_get(actor=actor, pk=appointment.pk)
    if appointment.is_cancelled:
        raise ValidationError(_("This appointment was already cancelled."))
    appointment.cancelled_at = timezone.now()
    appointment.cancelled_by = actor.user
    appointment.updated_at = appointment.cancelled_at
    save_versioned(appointment, appointment.version, ["cancelled_at", "cancelled_by_id", "updated_at"])
    audit_log(actor=actor, action="scheduling.appointment.cancel", obj=appointment)
    return appointment


# Deadlines -----------------------------------------------------------------------------------------------


@transaction.atomic
def deadline_create(*, actor: Actor, **fields) -> Deadline:
    _require_calendar_role(actor)
    fields = {k: v for k, v in fields.items() if k in DEADLINE_FIELDS}
    fields.setdefault("responsible", actor.user)
    fields.setdefault("kind", DeadlineKind.OTHER)
    _check_person(actor, fields["responsible"], "responsible")
    case = fields.get("case")
    _check_case(actor, case)
    deadline = Deadline(
        organisation_id=actor.organisation_id,
        client_id=case.client_id if case else None,
        created_by=actor.user,
        **fields,
    )
    deadline.full_clean()
    deadline.save()
    audit_log(
        actor=actor,
        action="scheduling.deadline.create",
        obj=deadline,
        details={
            "responsible": deadline.responsible_id,
            "due_on": deadline.due_on.isoformat(),
            "kind": deadline.kind,
        },
    )
    return deadline


@transaction.atomic
def deadline_complete(*, actor: Actor, deadline: Deadline, done_on: dt.date | None = None) -> Deadline:
    _require_calendar_role(actor)
    deadline = selectors.deadline_get(actor=actor, pk=deadline.pk)
    if deadline.is_done:
        raise ValidationError(_("This deadline is already marked as done."))
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A deadline cannot be done in the future.")})
    deadline.done_on = done_on
    deadline.done_by = actor.user
    deadline.save(update_fields=["done_on", "done_by", "updated_at"])
    audit_log(
        actor=actor,
        action="scheduling.deadline.complete",
        obj=deadline,
        details={"done_on": done_on.isoformat()},
    )
    return deadline


@transaction.atomic
def deadline_reopen(*, actor: Actor, deadline: Deadline) -> Deadline:
    _require_calendar_role(actor)
    deadline = selectors.deadline_get(actor=actor, pk=deadline.pk)
    if not deadline.is_done:
        raise ValidationError(_("This deadline is open already."))
    if (
        deadline.is_automatic
        and deadline.client_id
        and Deadline.objects.filter(
            client_id=deadline.client_id, is_automatic=True, done_on__isnull=True
        ).exists()
    ):
        raise ValidationError(
            _("A newer deadline for this client's residence document is open; this one cannot be reopened.")
        )
    deadline.done_on = None
    deadline.done_by = None
    deadline.save(update_fields=["done_on", "done_by", "updated_at"])
    audit_log(actor=actor, action="scheduling.deadline.reopen", obj=deadline)
    return deadline


# Calendar subscriptions ----------------------------------------------------------------------------------


@transaction.atomic
def feed_token_create(*, actor: Actor, label: str = "") -> tuple[CalendarFeedToken, str]:
    """A new secret feed address for the actor's own calendar. Returns the record and the token, which is
    stored only as its SHA-256 and must be shown to the user now or never."""
    _require_calendar_role(actor)
    raw = secrets.token_urlsafe(32)
    token = CalendarFeedToken(
        user=actor.user, label=label.strip(), token_hash=hashlib.sha256(raw.encode()).hexdigest()
    )
    token.full_clean()
    token.save()
    audit_log(actor=actor, action="scheduling.feed_token.create", obj=token)
    return token, raw


@transaction.atomic
def feed_token_revoke(*, actor: Actor, token: CalendarFeedToken) -> CalendarFeedToken:
    _require_calendar_role(actor)
    token = selectors.feed_token_get(actor=actor, pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_log(actor=actor, action="scheduling.feed_token.revoke", obj=token)
    return token


def feed_token_touch(token: CalendarFeedToken) -> None:
    """Note when the feed was last fetched (at most every five minutes, calendar apps poll often)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        CalendarFeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
