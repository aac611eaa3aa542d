"""What ``kim send-reminders`` e-mails: per person tomorrow's appointments, deadlines due within seven days or
overdue, overdue measures and referrals awaiting feedback of their open cases.

Reads here are system-wide (the job acts for the platform, not for a membership); each item goes to the person
responsible for it, and only while that person has an active membership in the item's organisation. The
e-mail names no client and copies no free text (titles, notes, measure wording): case numbers, kinds and dates
only – the details are in KIM behind the login.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from kim.accounts.models import Membership, User
from kim.cases.models import CaseStatus, Measure, Referral
from kim.scheduling.dates import day_bounds
from kim.scheduling.models import Appointment, Deadline, ReminderItem
from kim.scheduling.selectors import AWAITING_FEEDBACK, FEEDBACK_HORIZON_DAYS

DEADLINE_DAYS_AHEAD = 7


@dataclass
class Digest:
    user: User
    appointments: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    referrals: list = field(default_factory=list)

    def item_keys(self) -> list[tuple[str, int]]:
        return (
            [(ReminderItem.APPOINTMENT, a.pk) for a in self.appointments]
            + [(ReminderItem.DEADLINE, d.pk) for d in self.deadlines]
            + [(ReminderItem.MEASURE, m.pk) for m in self.measures]
            + [(ReminderItem.REFERRAL, r.pk) for r in self.referrals]
        )

    def without(self, sent: set[tuple[str, int]]) -> Digest:
        """The same digest minus items already mailed today."""
        return Digest(
            user=self.user,
            appointments=[a for a in self.appointments if (ReminderItem.APPOINTMENT, a.pk) not in sent],
            deadlines=[d for d in self.deadlines if (ReminderItem.DEADLINE, d.pk) not in sent],
            measures=[m for m in self.measures if (ReminderItem.MEASURE, m.pk) not in sent],
            referrals=[r for r in self.referrals if (ReminderItem.REFERRAL, r.pk) not in sent],
        )

    def __len__(self) -> int:
        return len(self.appointments) + len(self.deadlines) + len(self.measures) + len(self.referrals)


def _member(user_ref: str, organisation_ref: str):
    return Exists(
        Membership.objects.active().filter(
            user_id=OuterRef(user_ref), organisation_id=OuterRef(organisation_ref)
        )
    )


def collect(today: dt.date) -> dict[int, Digest]:
    """Four queries, whatever the number of people and items."""
    digests: dict[int, Digest] = {}

    def digest(user: User) -> Digest:
        return digests.setdefault(user.pk, Digest(user=user))

    start, end = day_bounds(today + dt.timedelta(days=1))
    for appointment in (
        Appointment.objects.active()
        .filter(starts_at__gte=start, starts_at__lt=end)
        .filter(_member("owner_id", "organisation_id"))
        .select_related("owner", "case")
        .order_by("starts_at", "id")
    ):
        digest(appointment.owner).appointments.append(appointment)
    for deadline in (
        Deadline.objects.open()
        .filter(due_on__lte=today + dt.timedelta(days=DEADLINE_DAYS_AHEAD))
        .filter(_member("responsible_id", "organisation_id"))
        .select_related("responsible", "case", "residence_status")
        .order_by("due_on", "id")
    ):
        digest(deadline.responsible).deadlines.append(deadline)
    for measure in (
        Measure.objects.filter(due_date__lt=today, done_on__isnull=True)
        .exclude(goal__case__status=CaseStatus.CLOSED)
        .filter(_member("goal__case__case_manager_id", "goal__case__organisation_id"))
        .select_related("goal__case__case_manager")
        .order_by("due_date", "id")
    ):
        digest(measure.goal.case.case_manager).measures.append(measure)
    for referral in (
        Referral.objects.filter(
            status__in=AWAITING_FEEDBACK, due_date__lte=today + dt.timedelta(days=FEEDBACK_HORIZON_DAYS)
        )
        .exclude(case__status=CaseStatus.CLOSED)
        .filter(_member("case__case_manager_id", "case__organisation_id"))
        .select_related("case__case_manager", "to_organisation")
        .order_by("due_date", "id")
    ):
        digest(referral.case.case_manager).referrals.append(referral)
    return {pk: d for pk, d in digests.items() if d.user.is_active and d.user.email}


def _case(obj_case) -> str:
    return gettext("case %(number)s") % {"number": obj_case.number} if obj_case is not None else ""


def _part(digest: Digest, today: dt.date) -> str:
    """The body in the active language."""

    def day(value: dt.date) -> str:
        return date_format(value, "SHORT_DATE_FORMAT")

    lines = [gettext("Hello %(name)s,") % {"name": digest.user.get_short_name()}, ""]
    lines.append(gettext("this is what is due in KIM (as of %(date)s):") % {"date": day(today)})
    if digest.appointments:
        lines += ["", gettext("Appointments tomorrow")]
        for a in digest.appointments:
            start, end = timezone.localtime(a.starts_at), timezone.localtime(a.ends_at)
            extra = [a.get_kind_display(), _case(a.case)]
            if a.interpreter_language and not a.interpreter_booked:
                extra.append(gettext("interpreter not booked yet"))
            lines.append(f"- {start:%H:%M}–{end:%H:%M} " + ", ".join(x for x in extra if x))
    if digest.deadlines:
        lines += ["", gettext("Deadlines (due within seven days or overdue)")]
        for d in digest.deadlines:
            flag = f" ({gettext('overdue')})" if d.due_on < today else ""
            lines.append(
                f"- {day(d.due_on)}{flag}: "
                + ", ".join(x for x in [d.get_kind_display(), _case(d.case)] if x)
            )
    if digest.measures:
        lines += ["", gettext("Overdue measures of your help plans")]
        for m in digest.measures:
            lines.append(f"- {day(m.due_date)}: {_case(m.goal.case)}")
    if digest.referrals:
        lines += ["", gettext("Referrals awaiting feedback")]
        for r in digest.referrals:
            flag = f" ({gettext('overdue')})" if r.due_date < today else ""
            lines.append(f"- {day(r.due_date)}{flag}: {_case(r.case)}, {r.get_status_display()}")
    lines += [
        "",
        gettext(
            "Details, names and notes are in KIM after logging in; this e-mail leaves them out on purpose."
        ),
    ]
    base = getattr(settings, "KIM_BASE_URL", "").rstrip("/")
    if base:
        lines.append(f"{base}/")
    return "\n".join(lines)


def render(digest: Digest, today: dt.date) -> tuple[str, str]:
    """Subject and plain-text body: German first, the English version below."""
    with translation.override("de"):
        subject_de = gettext("KIM reminder for %(date)s") % {"date": date_format(today, "SHORT_DATE_FORMAT")}
        german = _part(digest, today)
    with translation.override("en"):
        subject_en = gettext("KIM reminder for %(date)s") % {"date": date_format(today, "SHORT_DATE_FORMAT")}
        english = _part(digest, today)
    subject = subject_de if subject_de == subject_en else f"{subject_de} / {subject_en}"
    body = f"{german}\n\n-- English --\n\n{english}\n"
    return subject, body
