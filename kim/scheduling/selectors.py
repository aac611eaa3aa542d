"""Reads of appointments, deadlines and the case items of "My week", scoped to the acting membership.

A case manager sees their own calendar and deadlines; a team lead those of their organisation's staff; nobody
sees another organisation's (404). Every list is one query (select_related), so the number of queries does
not grow with the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kim.accounts.models import Membership, Role, User
from kim.cases.models import Case, CaseStatus, Measure, Referral, ReferralStatus
from kim.core.scoping import Actor, get_for_actor_or_404
from kim.scheduling.dates import day_bounds
from kim.scheduling.models import Appointment, CalendarFeedToken, Deadline

#: Roles that have a calendar of their own and may open the scheduling pages.
CALENDAR_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD)
#: Referrals in these states wait for the partner's answer.
AWAITING_FEEDBACK = (ReferralStatus.SENT, ReferralStatus.APPOINTMENT, ReferralStatus.ACCEPTED)
#: How far ahead "My week" lists deadlines.
DEADLINE_HORIZON_DAYS = 28
#: How far ahead a referral's feedback date makes it show up as awaiting feedback.
FEEDBACK_HORIZON_DAYS = 7


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# People whose calendars the actor may open ----------------------------------------------------------------


def calendar_people(*, actor: Actor) -> QuerySet[User]:
    """Whose calendar the actor may open: oneself; for a team lead also the organisation's case managers and
    team leads (active memberships)."""
    if actor.membership is None or actor.role not in CALENDAR_ROLES:
        return User.objects.none()
    if actor.role == Role.CASE_MANAGER:
        return User.objects.filter(pk=actor.user.pk)
    members = Membership.objects.active().filter(
        organisation_id=actor.organisation_id, role__in=CALENDAR_ROLES
    )
    return User.objects.filter(Q(pk=actor.user.pk) | Q(pk__in=members.values("user_id"))).order_by(
        "last_name", "first_name"
    )


def calendar_person_get(*, actor: Actor, user_pk: int) -> User:
    """The person whose calendar is opened, or 404 when it is not the actor's to see."""
    try:
        return calendar_people(actor=actor).get(pk=user_pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# Appointments --------------------------------------------------------------------------------------------


def _appointments(actor: Actor) -> QuerySet[Appointment]:
    return Appointment.objects.for_actor(actor).select_related("case", "owner")


def appointment_get(*, actor: Actor, pk: int) -> Appointment:
    return get_for_actor_or_404(
        Appointment.objects.select_related("case", "owner", "organisation", "cancelled_by"), actor, pk=pk
    )


def appointments_in_week(actor: Actor, user: User, week_start: dt.date) -> list[Appointment]:
    """``user``'s appointments (not cancelled) that touch the week starting Monday ``week_start``."""
    user = calendar_person_get(actor=actor, user_pk=user.pk)
    start, end = day_bounds(week_start, 7)
    return list(_appointments(actor).active().filter(owner=user, starts_at__lt=end, ends_at__gt=start))


def appointments_on(actor: Actor, day: dt.date) -> list[Appointment]:
    """The actor's own appointments (not cancelled) on ``day``, in time order."""
    start, end = day_bounds(day)
    return list(_appointments(actor).active().filter(owner=actor.user, starts_at__lt=end, ends_at__gt=start))


def appointment_overlaps(appointment: Appointment) -> list[Appointment]:
    """Other active appointments of the same owner that overlap ``appointment`` (for the warning)."""
    if appointment.is_cancelled:
        return []
    return list(
        Appointment.objects.active()
        .filter(
            owner_id=appointment.owner_id,
            starts_at__lt=appointment.ends_at,
            ends_at__gt=appointment.starts_at,
        )
        .exclude(pk=appointment.pk)
        .select_related("case")
    )


# Deadlines -----------------------------------------------------------------------------------------------


def _deadlines(actor: Actor) -> QuerySet[Deadline]:
    return Deadline.objects.for_actor(actor).select_related("case", "responsible", "residence_status")


def deadline_get(*, actor: Actor, pk: int) -> Deadline:
    return get_for_actor_or_404(
        Deadline.objects.select_related("case", "responsible", "residence_status"), actor, pk=pk
    )


def deadlines_upcoming(actor: Actor, until: dt.date) -> list[Deadline]:
    """Open deadlines in the actor's scope due from today up to and including ``until``."""
    today = timezone.localdate()
    return list(_deadlines(actor).open().filter(due_on__gte=today, due_on__lte=until))


def deadlines_overdue(actor: Actor) -> list[Deadline]:
    """Open deadlines in the actor's scope whose day has passed."""
    return list(_deadlines(actor).open().filter(due_on__lt=timezone.localdate()))


def deadlines_in_week(actor: Actor, user: User, week_start: dt.date) -> list[Deadline]:
    user = calendar_person_get(actor=actor, user_pk=user.pk)
    return list(
        _deadlines(actor)
        .open()
        .filter(responsible=user, due_on__gte=week_start, due_on__lt=week_start + dt.timedelta(7))
    )


def deadline_list(*, actor: Actor, done: bool = False) -> QuerySet[Deadline]:
    """Open deadlines (oldest due first) or completed ones (latest done first)."""
    if done:
        return _deadlines(actor).filter(done_on__isnull=False).order_by("-done_on", "-id")
    return _deadlines(actor).open().order_by("due_on", "id")


def cases_for_scheduling(*, actor: Actor) -> QuerySet[Case]:
    """Open cases an appointment or deadline may be linked to (shown by case number only)."""
    return Case.objects.for_actor(actor).exclude(status=CaseStatus.CLOSED).order_by("number")


def case_get(*, actor: Actor, pk: int) -> Case:
    case = get_for_actor_or_404(Case.objects.select_related("organisation", "case_manager"), actor, pk=pk)
    if case.organisation_id != actor.organisation_id:  # shared cases are read elsewhere, not planned here
        raise Http404
    return case


# Case items of "My week" ---------------------------------------------------------------------------------


def _own_open_cases(actor: Actor) -> QuerySet[Case]:
    if actor.user is None:
        return Case.objects.none()
    return Case.objects.for_actor(actor).filter(case_manager=actor.user).exclude(status=CaseStatus.CLOSED)


def measures_overdue(actor: Actor) -> list[Measure]:
    """Measures of the actor's own open cases whose due date has passed and that are not done."""
    return list(
        Measure.objects.filter(
            goal__case__in=_own_open_cases(actor), due_date__lt=timezone.localdate(), done_on__isnull=True
        )
        .select_related("goal__case")
        .order_by("due_date", "id")
    )


def referrals_awaiting_feedback(actor: Actor) -> list[Referral]:
    """Referrals of the actor's own open cases that wait for the partner's answer and whose feedback date is
    within the next seven days or has passed."""
    horizon = timezone.localdate() + dt.timedelta(days=FEEDBACK_HORIZON_DAYS)
    return list(
        Referral.objects.filter(
            case__in=_own_open_cases(actor), status__in=AWAITING_FEEDBACK, due_date__lte=horizon
        )
        .select_related("case", "to_organisation")
        .order_by("due_date", "id")
    )


def my_week_context(actor: Actor) -> dict:
    """Everything the case manager's start page shows under "My week", as ``{"my_week": {...}}``.

    Five queries whatever the amount of data: today's appointments, overdue and upcoming deadlines (one
    query), overdue measures, referrals awaiting feedback."""
    today = timezone.localdate()
    deadlines = list(
        _deadlines(actor)
        .open()
        .filter(responsible=actor.user, due_on__lte=today + dt.timedelta(days=DEADLINE_HORIZON_DAYS))
    )
    return {
        "my_week": {
            "today": today,
            "appointments_today": appointments_on(actor, today),
            "measures_overdue": measures_overdue(actor),
            "deadlines": deadlines,
            "deadline_horizon": DEADLINE_HORIZON_DAYS,
            "referrals_awaiting_feedback": referrals_awaiting_feedback(actor),
        }
    }


# Calendar subscriptions ----------------------------------------------------------------------------------


def feed_tokens(*, actor: Actor) -> QuerySet[CalendarFeedToken]:
    return CalendarFeedToken.objects.filter(user=actor.user)


def feed_token_get(*, actor: Actor, pk: int) -> CalendarFeedToken:
    try:
        return feed_tokens(actor=actor).get(pk=pk)
    except (CalendarFeedToken.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def feed_token_lookup(token: str) -> CalendarFeedToken:
    """The active token of an active user with this secret, or 404 (unknown, revoked, or user deactivated)."""
    if not token or len(token) > 200:
        raise Http404
    try:
        return CalendarFeedToken.objects.select_related("user").get(
            token_hash=_hash_token(token), revoked_at__isnull=True, user__is_active=True
        )
    except CalendarFeedToken.DoesNotExist:
        raise Http404 from None


FEED_PAST_DAYS = 30
FEED_FUTURE_DAYS = 365


def feed_entries(user: User) -> tuple[list[Appointment], list[Deadline]]:
    """What the iCalendar feed of ``user`` carries: their appointments of the last 30 and next 365 days (not
    cancelled) and their open deadlines – only in organisations where they still have an active membership."""
    organisations = Membership.objects.active().filter(user=user).values("organisation_id")
    now = timezone.now()
    appointments = list(
        Appointment.objects.active()
        .filter(
            owner=user,
            organisation_id__in=organisations,
            ends_at__gte=now - dt.timedelta(days=FEED_PAST_DAYS),
            starts_at__lte=now + dt.timedelta(days=FEED_FUTURE_DAYS),
        )
        .select_related("case")
    )
    deadlines = list(
        Deadline.objects.open()
        .filter(responsible=user, organisation_id__in=organisations)
        .select_related("case")
    )
    return appointments, deadlines
