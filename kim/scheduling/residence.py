"""The residence rule: an expiring residence document creates a deadline three months before it expires.

Rules (kept in one place, called from the signal receivers in kim.scheduling.signals and once a day by
``kim send-reminders``):

* The client's *current* status is the latest entry of the residence-status timeline (by ``valid_from``).
  Only it drives the deadline: recording an extension as a new entry, or changing ``valid_to``, moves the
  deadline; a status that does not expire (settlement permit, citizenship …) removes it.
* Kinds that expire: Aufenthaltsgestattung, every Duldung, Aufenthaltserlaubnis, § 104c, Fiktionsbescheinigung,
  visa – and only with ``valid_to`` set and not yet passed.
* Due date: the same day number three months earlier, clamped to the month's end (31 May → 28/29 Feb).
* Responsible: the case manager of the client's most recent open case. Without an open case there is no
  deadline (nobody could act on it). Saving or deleting a case re-runs the rule, so the deadline appears as soon
  as a case is opened, follows a reassignment and goes when the last case is closed; the daily run of
  ``kim send-reminders`` repeats the rule for every client with an expiring status, which also catches changes
  made with queryset ``update()`` (optimistic locking), which sends no signal.
* At most ONE open automatic deadline per client (database constraint). Once completed, it is not
  recreated for the same expiry date; a new expiry date makes a new one.
* § 104c: the Chancen-Aufenthaltsrecht is granted for 18 months and cannot be extended; the deadline carries a
  note to check §§ 25a/25b in time (the § 104c pipeline itself is built elsewhere).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from kim.cases.models import Case, CaseStatus
from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.residence.models import ResidenceStatus, StatusKind
from kim.scheduling.dates import months_before
from kim.scheduling.models import Deadline, DeadlineKind

SYSTEM_JOB = "residence-deadline-rule"
MONTHS_AHEAD = 3

DULDUNG_KINDS = frozenset(
    {
        StatusKind.DULDUNG,
        StatusKind.DULDUNG_60A,
        StatusKind.DULDUNG_60B,
        StatusKind.DULDUNG_60C,
        StatusKind.DULDUNG_60D,
    }
)
EXPIRING_KINDS = DULDUNG_KINDS | {
    StatusKind.ASYLUM_PROCEDURE,
    StatusKind.AUFENTHALTSERLAUBNIS,
    StatusKind.CHANCEN_104C,
    StatusKind.FIKTION,
    StatusKind.VISA,
}


def _title(status: ResidenceStatus) -> str:
    """The stored title (German, the platform's language); pages word it in the reader's language."""
    with translation.override(settings.LANGUAGE_CODE):
        title = gettext("%(status)s expires on %(date)s") % {
            "status": status.get_kind_display(),
            "date": date_format(status.valid_to, "SHORT_DATE_FORMAT"),
        }
    return title[:200]


def _current_status(client_id: int) -> ResidenceStatus | None:
    return ResidenceStatus.objects.filter(client_id=client_id).order_by("-valid_from", "-id").first()


def _responsible_case(client_id: int) -> Case | None:
    return (
        Case.objects.filter(client_id=client_id)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("case_manager")
        .order_by("-opened_on", "-id")
        .first()
    )


def _audit(action: str, deadline: Deadline, details: dict | None = None) -> None:
    audit_log(actor=Actor.system(), system=SYSTEM_JOB, action=action, obj=deadline, details=details or {})


@transaction.atomic
def sync_residence_deadline(client_id: int) -> Deadline | None:
    """Bring the client's open automatic deadline in line with the timeline and the cases. Idempotent."""
    open_automatic = list(
        Deadline.objects.select_for_update().filter(
            client_id=client_id, is_automatic=True, done_on__isnull=True
        )
    )
    status = _current_status(client_id)
    wanted = (
        status is not None
        and status.kind in EXPIRING_KINDS
        and status.valid_to is not None
        and status.valid_to >= timezone.localdate()
    )
    case = _responsible_case(client_id) if wanted else None
    already_done = (
        wanted
        and Deadline.objects.filter(
            client_id=client_id,
            is_automatic=True,
            done_on__isnull=False,
            residence_status=status,
            expires_on=status.valid_to,
        ).exists()
    )
    if not wanted or case is None or already_done:
        for deadline in open_automatic:
            _audit("scheduling.deadline.auto_delete", deadline, {"client": client_id})
            deadline.delete()
        return None

    values = {
        "organisation_id": case.organisation_id,
        "responsible_id": case.case_manager_id,
        "case_id": case.pk,
        "residence_status_id": status.pk,
        "kind": DeadlineKind.DULDUNG_EXPIRY if status.kind in DULDUNG_KINDS else DeadlineKind.PERMIT_EXPIRY,
        "title": _title(status),
        "due_on": months_before(status.valid_to, MONTHS_AHEAD),
        "expires_on": status.valid_to,
    }
    deadline = open_automatic[0] if open_automatic else None
    for extra in open_automatic[1:]:  # cannot happen under the constraint; tidy up if it ever does
        extra.delete()
    if deadline is None:
        deadline = Deadline.objects.create(client_id=client_id, is_automatic=True, **values)
        _audit("scheduling.deadline.auto_create", deadline, {"due_on": deadline.due_on.isoformat()})
        return deadline
    changed = [name for name, value in values.items() if getattr(deadline, name) != value]
    if changed:
        for name, value in values.items():
            setattr(deadline, name, value)
        deadline.save()
        _audit("scheduling.deadline.auto_update", deadline, {"fields": sorted(changed)})
    return deadline


def sync_all_residence_deadlines() -> int:
    """Run the rule for every client with an expiring status or an open automatic deadline; returns the count."""
    today = timezone.localdate()
    client_ids = set(
        ResidenceStatus.objects.filter(kind__in=EXPIRING_KINDS, valid_to__gte=today).values_list(
            "client_id", flat=True
        )
    )
    client_ids |= set(
        Deadline.objects.filter(is_automatic=True, done_on__isnull=True).values_list("client_id", flat=True)
    )
    for client_id in sorted(client_ids):
        sync_residence_deadline(client_id)
    return len(client_ids)


def rule_note(deadline: Deadline) -> str:
    """What the automatic deadline asks the case manager to check (shown beside it)."""
    status = deadline.residence_status if deadline.residence_status_id else None
    if status is not None and status.kind == StatusKind.CHANCEN_104C:
        return gettext(
            "The Chancen-Aufenthaltsrecht (§ 104c AufenthG) cannot be extended: check in time whether a residence "
            "permit under § 25a or § 25b AufenthG can follow."
        )
    if deadline.is_automatic:
        return gettext(
            "Apply for the extension in time; the application must reach the authority before expiry."
        )
    return ""
