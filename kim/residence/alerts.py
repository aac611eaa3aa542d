"""Deadline alerts of the candidate pipeline, computed from the residence timeline, the birth date and the
pre-check engine's latest evaluation – and their deadlines in kim.scheduling.

Three alerts, for candidates in an open stage (identified … applied); day arithmetic by the engine's
§§ 187, 188 BGB helpers (kim.residence.precheck.dates), never re-implemented here:

(a) ``chancen_ending`` – the person holds a § 104c permit (Chancen-Aufenthaltsrecht, 18 months, cannot be
    extended) that ends within ``KIM_PIPELINE_CHANCEN_MONTHS`` months (default 3), and the latest pre-check
    run shows neither § 25a nor § 25b met (ELIGIBLE or ELIGIBLE_DISCRETION) – or there is no run yet. The end
    is the permit's "valid to"; where it is missing, the end of 18 months from "valid from" (the first day
    counts: ``period_end(valid_from, 18, count_start_day=True)``). The alert shows from the same calendar
    day N months before the end (clamped to the month's end, § 188 Abs. 3 BGB) through the last day.
(b) ``age_27`` – § 25a candidates before the application: § 25a Abs. 1 S. 1 Nr. 3 requires the application
    *before* the 27th year of life is completed, i.e. filed before the 27th birthday (RULES.md 1.3; filing on
    the birthday is too late; born 29 February → 1 March in non-leap years, ``dates.birthday``). The alert
    shows from six months before the birthday (``KIM_PIPELINE_AGE_MONTHS``) through the day before it – the
    last day to apply. Needs the full birth date; a partial one gives no alert.
(c) ``document_expiry`` – the person's current document (the latest entry of the timeline, as in the residence
    rule of kim.scheduling) is a Duldung, a residence permit or another expiring document
    (kim.scheduling.residence.EXPIRING_KINDS) and ends within ``KIM_PIPELINE_EXPIRY_WEEKS`` weeks (default 8,
    RULES.md 4.2) – from 7·N days before the end through the end. A § 104c permit for which (a) already alerts
    gets no second alert.

(a) and (c) concern the person: a person on two routes at one authority sees them on both, but only the
first open candidacy carries the deadline. Deadlines go to the candidate's responsible staff member; an
unassigned candidate shows the alert on the pipeline page only. :func:`sync_person_deadlines` is idempotent
(one deadline per candidate, kind and date, kim.residence.models.PipelineDeadline; a deadline marked done is
not made again); it runs after every pipeline write, on timeline changes and new pre-check runs, and daily
in ``kim scan-pipeline-alerts``. Deadlines are written here as a system rule, like the residence rule of
kim.scheduling writes its own: the scheduling services serve case managers and team leads only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.residence.models import Candidate, PipelineAlertKind, PipelineDeadline, PipelineStage, StatusKind
from kim.residence.precheck.dates import add_months, birthday, period_end
from kim.residence.precheck.outcome import ELIGIBLE, ELIGIBLE_DISCRETION

SYSTEM_JOB = "pipeline-alerts"
CHANCEN_MONTHS_OF_VALIDITY = 18
TRANSITION_ROUTES = ("AUFENTHG_25A", "AUFENTHG_25B")
MET = (ELIGIBLE, ELIGIBLE_DISCRETION)
OPEN_STAGES = (
    PipelineStage.IDENTIFIED,
    PipelineStage.COUNSELLED,
    PipelineStage.DOCUMENTS_COMPLETE,
    PipelineStage.APPLIED,
)
BEFORE_APPLICATION = OPEN_STAGES[:3]
PERSON_ALERTS = (PipelineAlertKind.CHANCEN_ENDING, PipelineAlertKind.DOCUMENT_EXPIRY)


@dataclass(frozen=True)
class AlertConfig:
    chancen_months: int = 3
    age_months: int = 6
    expiry_weeks: int = 8

    @classmethod
    def from_settings(cls) -> AlertConfig:
        return cls(
            chancen_months=getattr(settings, "KIM_PIPELINE_CHANCEN_MONTHS", 3),
            age_months=getattr(settings, "KIM_PIPELINE_AGE_MONTHS", 6),
            expiry_weeks=getattr(settings, "KIM_PIPELINE_EXPIRY_WEEKS", 8),
        )


@dataclass(frozen=True)
class Alert:
    kind: str
    #: The day the alert is about: the last day of the permit or document, or the last day to apply.
    trigger_date: dt.date
    #: The first day the alert shows (and the due date of its deadline).
    starts_on: dt.date
    #: (a): outcomes of § 25a and § 25b in the latest run, and the run's decision date; (c): the status kind.
    outcomes: tuple[tuple[str, str], ...] = ()
    run_date: dt.date | None = None
    status_kind: str = ""

    @property
    def label(self) -> str:
        return str(PipelineAlertKind(self.kind).label)

    @property
    def message(self) -> str:
        """The alert as a sentence in the active language."""
        day = "\u2068" + date_format(self.trigger_date, "SHORT_DATE_FORMAT") + "\u2069"
        if self.kind == PipelineAlertKind.CHANCEN_ENDING:
            if self.run_date is None:
                return gettext(
                    "The § 104c permit ends on %(date)s and no pre-check has been run: check § 25a and § 25b now."
                ) % {"date": day}
            return gettext(
                "The § 104c permit ends on %(date)s; the latest pre-check (%(run)s) shows neither § 25a nor "
                "§ 25b met."
            ) % {"date": day, "run": "\u2068" + date_format(self.run_date, "SHORT_DATE_FORMAT") + "\u2069"}
        if self.kind == PipelineAlertKind.AGE_27:
            return gettext(
                "27th birthday on %(birthday)s: the § 25a application must be filed by %(date)s at the latest."
            ) % {
                "birthday": "\u2068"
                + date_format(self.trigger_date + dt.timedelta(days=1), "SHORT_DATE_FORMAT")
                + "\u2069",
                "date": day,
            }
        status = StatusKind(self.status_kind).label if self.status_kind in StatusKind.values else ""
        return gettext("%(status)s expires on %(date)s.") % {"status": status, "date": day}


def birth_date_of(person) -> dt.date | None:
    if not (person.birth_year and person.birth_month and person.birth_day):
        return None
    try:
        return dt.date(person.birth_year, person.birth_month, person.birth_day)
    except ValueError:
        return None


def chancen_end(status) -> dt.date:
    """Last day of a § 104c permit: its recorded end, or 18 months counted from its first day."""
    if status.valid_to is not None:
        return status.valid_to
    return period_end(status.valid_from, CHANCEN_MONTHS_OF_VALIDITY, count_start_day=True)


def transition_outcomes(result: dict | None) -> tuple[tuple[str, str], ...]:
    """(route, outcome) of § 25a and § 25b in a stored engine answer."""
    if not result:
        return ()
    return tuple(
        (item.get("route"), item.get("outcome"))
        for item in result.get("results", [])
        if item.get("route") in TRANSITION_ROUTES
    )


def compute_alerts(
    *,
    route: str,
    stage: str,
    birth_date: dt.date | None,
    statuses,
    run_result: dict | None,
    run_date: dt.date | None,
    today: dt.date,
    config: AlertConfig,
) -> list[Alert]:
    """The alerts of one candidacy on ``today`` (pure: no database). ``statuses`` is the person's timeline
    (objects with kind, valid_from, valid_to, pk)."""
    from kim.scheduling.residence import EXPIRING_KINDS

    if stage not in OPEN_STAGES:
        return []
    alerts: list[Alert] = []
    statuses = sorted(statuses, key=lambda s: (s.valid_from, s.pk or 0))

    chancen_alerted = None
    holding = [s for s in statuses if s.kind == StatusKind.CHANCEN_104C and s.valid_from <= today]
    if holding:
        current = holding[-1]
        end = chancen_end(current)
        outcomes = transition_outcomes(run_result)
        met = any(outcome in MET for _route, outcome in outcomes)
        starts = add_months(end, -config.chancen_months)
        if not met and starts <= today <= end:
            alerts.append(
                Alert(PipelineAlertKind.CHANCEN_ENDING, end, starts, outcomes=outcomes, run_date=run_date)
            )
            chancen_alerted = current

    if route == "AUFENTHG_25A" and stage in BEFORE_APPLICATION and birth_date is not None:
        turns_27 = birthday(birth_date, 27)
        starts = add_months(turns_27, -config.age_months)
        if starts <= today < turns_27:
            alerts.append(Alert(PipelineAlertKind.AGE_27, turns_27 - dt.timedelta(days=1), starts))

    if statuses:
        latest = statuses[-1]
        if latest.kind in EXPIRING_KINDS and latest is not chancen_alerted and latest.valid_from <= today:
            end = chancen_end(latest) if latest.kind == StatusKind.CHANCEN_104C else latest.valid_to
            if end is not None:
                starts = end - dt.timedelta(weeks=config.expiry_weeks)
                if starts <= today <= end:
                    alerts.append(
                        Alert(PipelineAlertKind.DOCUMENT_EXPIRY, end, starts, status_kind=latest.kind)
                    )
    return alerts


def candidate_alerts(candidate: Candidate, today: dt.date | None = None, config: AlertConfig | None = None):
    """The alerts of a candidate (prefetch ``person__residence_statuses`` and select ``precheck_run``)."""
    run = candidate.precheck_run
    return compute_alerts(
        route=candidate.route,
        stage=candidate.stage,
        birth_date=birth_date_of(candidate.person),
        statuses=list(candidate.person.residence_statuses.all()),
        run_result=run.result if run is not None else None,
        run_date=run.decision_date if run is not None else None,
        today=today or timezone.localdate(),
        config=config or AlertConfig.from_settings(),
    )


# Deadlines in kim.scheduling -----------------------------------------------------------------------------------


def _audit(action: str, deadline, details: dict) -> None:
    audit_log(actor=Actor.system(), system=SYSTEM_JOB, action=action, obj=deadline, details=details)


def _title(alert: Alert) -> str:
    """Stored in the platform's language (German), like the residence rule's titles; names no person."""
    with translation.override(settings.LANGUAGE_CODE):
        text = f"{gettext('Residence pipeline')}: {alert.message}"
    return text.replace("\u2068", "").replace("\u2069", "")[:200]


def _deadline_kind(alert: Alert) -> str:
    from kim.scheduling.models import DeadlineKind
    from kim.scheduling.residence import DULDUNG_KINDS

    if alert.kind == PipelineAlertKind.AGE_27:
        return DeadlineKind.OTHER
    if alert.kind == PipelineAlertKind.DOCUMENT_EXPIRY and alert.status_kind in DULDUNG_KINDS:
        return DeadlineKind.DULDUNG_EXPIRY
    return DeadlineKind.PERMIT_EXPIRY


def remove_open_deadlines(candidate: Candidate, keep: set | None = None) -> int:
    """Delete the candidate's open pipeline deadlines (except the (kind, date) pairs in ``keep``)."""
    removed = 0
    for link in (
        PipelineDeadline.objects.select_for_update(of=("self",)).filter(candidate=candidate).select_related("deadline")
    ):
        if keep and (link.kind, link.trigger_date) in keep:
            continue
        deadline = link.deadline
        if deadline is not None and deadline.done_on is not None:
            continue  # done: kept as it is, and not made again
        if deadline is not None:
            _audit(
                "scheduling.deadline.auto_delete", deadline, {"candidate": candidate.pk, "kind": link.kind}
            )
            deadline.delete()
            removed += 1
        link.delete()
    return removed


def _ensure(candidate: Candidate, alert: Alert, links: dict) -> bool:
    """Make or update the deadline of one alert; True when a deadline was created."""
    from kim.scheduling.models import Deadline

    values = {
        "organisation_id": candidate.authority_id,
        "responsible_id": candidate.responsible_id,
        "client_id": candidate.person_id,
        "kind": _deadline_kind(alert),
        "title": _title(alert),
        "due_on": alert.starts_on,
        "expires_on": alert.trigger_date,
    }
    link = links.get((alert.kind, alert.trigger_date))
    if link is None:
        deadline = Deadline.objects.create(is_automatic=False, **values)
        PipelineDeadline.objects.create(
            candidate=candidate, kind=alert.kind, trigger_date=alert.trigger_date, deadline=deadline
        )
        _audit(
            "scheduling.deadline.auto_create",
            deadline,
            {"candidate": candidate.pk, "kind": alert.kind, "due_on": alert.starts_on.isoformat()},
        )
        return True
    deadline = link.deadline
    if deadline is None or deadline.done_on is not None:
        return False
    changed = sorted(name for name, value in values.items() if getattr(deadline, name) != value)
    if changed:
        for name, value in values.items():
            setattr(deadline, name, value)
        deadline.save()
        _audit("scheduling.deadline.auto_update", deadline, {"candidate": candidate.pk, "fields": changed})
    return False


@transaction.atomic
def sync_person_deadlines(person_id: int, authority_id: int, today: dt.date | None = None) -> int:
    """Bring the deadlines of a person's candidacies at one authority in line with their alerts; returns the
    number of deadlines created. Idempotent."""
    today = today or timezone.localdate()
    config = AlertConfig.from_settings()
    candidates = list(
        Candidate.objects.filter(person_id=person_id, authority_id=authority_id)
        .accessible(today)
        .select_related("person", "precheck_run")
        .prefetch_related("person__residence_statuses")
        .order_by("pk")
    )
    ended = Candidate.objects.filter(person_id=person_id, authority_id=authority_id).exclude(
        pk__in=[c.pk for c in candidates]
    )
    for candidate in ended:
        remove_open_deadlines(candidate)
    primary = next((c for c in candidates if c.stage in OPEN_STAGES), None)
    created = 0
    for candidate in candidates:
        alerts = candidate_alerts(candidate, today, config)
        if candidate is not primary:
            alerts = [a for a in alerts if a.kind not in PERSON_ALERTS]
        if candidate.responsible_id is None:
            alerts = []
        wanted = {(a.kind, a.trigger_date) for a in alerts}
        remove_open_deadlines(candidate, keep=wanted)
        links = {
            (link.kind, link.trigger_date): link
            for link in PipelineDeadline.objects.filter(candidate=candidate).select_related("deadline")
        }
        created += sum(_ensure(candidate, alert, links) for alert in alerts)
    return created


def scan(today: dt.date | None = None) -> dict:
    """The daily run (``kim scan-pipeline-alerts``): end the access of referred candidates whose consent is no
    longer valid, then sync the deadlines of every person in a pipeline. Returns counts."""
    from kim.residence.pipeline import end_access

    today = today or timezone.localdate()
    active = Candidate.objects.filter(access_ended_at__isnull=True)
    lapsed = active.exclude(pk__in=active.accessible(today).values("pk")).select_related("person", "consent")
    ended = 0
    for candidate in lapsed:
        consent = candidate.consent
        withdrawn = consent is not None and consent.withdrawn_on is not None and consent.withdrawn_on <= today
        end_access(candidate, "consent_withdrawn" if withdrawn else "consent_expired", system=SYSTEM_JOB)
        ended += 1
    pairs = sorted(
        set(Candidate.objects.filter(access_ended_at__isnull=True).values_list("person_id", "authority_id"))
        | set(
            PipelineDeadline.objects.filter(
                deadline__done_on__isnull=True, deadline__isnull=False
            ).values_list("candidate__person_id", "candidate__authority_id")
        )
    )
    created = sum(sync_person_deadlines(person_id, authority_id, today) for person_id, authority_id in pairs)
    return {"access_ended": ended, "persons": len(pairs), "deadlines_created": created}


@transaction.atomic
def alert_done(*, actor: Actor, candidate: Candidate, link: PipelineDeadline) -> None:
    """Mark the deadline of an alert as dealt with (the alert itself stays visible while it applies)."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from kim.residence.pipeline import require_pipeline_authority

    require_pipeline_authority(actor)
    if (
        link.candidate_id != candidate.pk
        or not Candidate.objects.for_actor(actor).filter(pk=candidate.pk).exists()
        or link.deadline is None
    ):
        raise PermissionDenied
    deadline = link.deadline
    if deadline.done_on is not None:
        raise ValidationError(gettext("This deadline is already marked as done."))
    deadline.done_on = timezone.localdate()
    deadline.done_by = actor.user
    deadline.save(update_fields=["done_on", "done_by", "updated_at"])
    audit_log(
        actor=actor,
        action="scheduling.deadline.complete",
        obj=deadline,
        details={"candidate": candidate.pk, "kind": link.kind, "done_on": deadline.done_on.isoformat()},
    )
