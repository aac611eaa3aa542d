"""Writes for requests and cases: triage, assignment, intake, life cycle, transfers, assessment, help plan,
contacts. Referrals and documents are in kim.cases.referrals and kim.cases.documents.

Every function takes the acting membership, checks that it may act, validates, writes in one transaction
and audits (without copying notes or special-category values into the audit log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.accounts.models import Membership, Role
from kim.accounts.selectors import district_for_address
from kim.cases import lifecycle
from kim.cases.models import (
    Assessment,
    AssessmentItem,
    Case,
    CaseEvent,
    CaseStatus,
    Contact,
    Goal,
    GoalStatus,
    LifeDomain,
    Measure,
    NeedArea,
    Request,
    RequestStatus,
    Transfer,
    TransferStatus,
)
from kim.core.audit import audit_log
from kim.core.concurrency import save_versioned
from kim.core.html import sanitise
from kim.core.scoping import Actor

COORDINATION = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)


def _require(actor: Actor, *roles: str) -> None:
    if actor.membership is None or actor.role not in roles:
        raise PermissionDenied


def _next_number(model, field: str, prefix: str) -> str:
    """The next running number of the year, e.g. 2026-00042 (the unique constraint guards races)."""
    year = timezone.localdate().year
    start = f"{prefix}{year}-"
    last = (
        model.objects.filter(**{f"{field}__startswith": start}).order_by(f"-{field}").values_list(field, flat=True).first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{start}{number:05d}"


def _save_with_number(instance, field: str, prefix: str, attempts: int = 5):
    for _attempt in range(attempts):
        setattr(instance, field, _next_number(type(instance), field, prefix))
        try:
            with transaction.atomic():
                instance.save()
            return instance
        except IntegrityError:
            instance.pk = None
            continue
    raise IntegrityError("Could not allocate a running number.")


def _event(case: Case, actor: Actor, kind: str, *, from_status: str = "", to_status: str = "", note: str = "") -> None:
    CaseEvent.objects.create(
        case=case, actor=actor.user, kind=kind, from_status=from_status, to_status=to_status, note=note[:500]
    )


# Requests ------------------------------------------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    actor: Actor,
    channel: str,
    name: str,
    received_at: dt.datetime | None = None,
    phone: str = "",
    email: str = "",
    preferred_language: str = "",
    postcode: str = "",
    street: str = "",
    topics: Iterable[str] = (),
    message: str = "",
    referred_by: str = "",
    contact_consent: bool = False,
    system: str = "",
    district=None,
) -> Request:
    """Record a request. Staff of the coordination record phone calls and walk-ins; the public contact form
    records as the system job ``portal``. A ``district`` the person chose wins over the one derived from the
    postcode."""
    if actor.user is not None:
        _require(actor, *COORDINATION)
    if not (phone or email):
        raise ValidationError(_("Give a phone number or an e-mail address, so that someone can answer."))
    request = Request(
        channel=channel,
        received_at=received_at or timezone.now(),
        name=name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        preferred_language=preferred_language,
        postcode=postcode.strip(),
        street=street.strip(),
        topics=[t for t in topics if t in NeedArea.values or t in LifeDomain.values],
        message=message.strip(),
        referred_by=referred_by.strip(),
        contact_consent=contact_consent,
        created_by=actor.user,
    )
    if district is not None:
        request.district = district
    elif postcode:
        request.district = district_for_address(postcode=postcode, street=street)
    request.reference = "pending"
    request.full_clean(exclude=["reference"])
    _save_with_number(request, "reference", "A-")
    audit_log(actor=actor, action="cases.request.create", obj=request, system=system, details={"channel": channel})
    return request


@transaction.atomic
def request_assign(*, actor: Actor, request: Request, membership: Membership) -> Request:
    """Assign a request to a case manager of any organisation (coordination)."""
    _require(actor, *COORDINATION)
    if request.status not in (RequestStatus.OPEN, RequestStatus.ASSIGNED):
        raise ValidationError(_("This request has been decided already and cannot be assigned any more."))
    if membership.role != Role.CASE_MANAGER or not membership.is_active:
        raise ValidationError(_("Requests can only be assigned to active case managers."))
    request.assigned_to = membership.user
    request.assigned_organisation = membership.organisation
    request.assigned_at = timezone.now()
    request.status = RequestStatus.ASSIGNED
    request.save(update_fields=["assigned_to", "assigned_organisation", "assigned_at", "status"])
    audit_log(
        actor=actor,
        action="cases.request.assign",
        obj=request,
        details={"case_manager": membership.user_id, "organisation": membership.organisation_id},
    )
    return request


@transaction.atomic
def request_decide(
    *,
    actor: Actor,
    request: Request,
    admit: bool,
    need_areas: Iterable[str],
    admission_rule_met: bool | None,
    not_admitted_reason: str = "",
    client=None,
    came_via: str = "",
) -> Case | None:
    """The intake decision of the assigned case manager: admit (a case is opened for ``client``) or not
    (with the reason, which the coordination sees)."""
    _require(actor, Role.CASE_MANAGER, Role.TEAM_LEAD)
    if request.status != RequestStatus.ASSIGNED or request.assigned_organisation_id != actor.organisation_id:
        raise PermissionDenied
    if actor.role == Role.CASE_MANAGER and request.assigned_to_id != actor.user.pk:
        raise PermissionDenied
    need_areas = [a for a in need_areas if a in NeedArea.values]
    request.need_areas = need_areas
    request.admission_rule_met = admission_rule_met
    request.decided_at = timezone.now()
    if not admit:
        if not not_admitted_reason.strip():
            raise ValidationError({"not_admitted_reason": _("Say why the request is not admitted.")})
        request.status = RequestStatus.NOT_ADMITTED
        request.not_admitted_reason = not_admitted_reason.strip()
        request.save()
        audit_log(actor=actor, action="cases.request.not_admitted", obj=request)
        return None
    if not need_areas:
        raise ValidationError({"need_areas": _("Choose at least one need area for an admission.")})
    if client is None:
        raise ValidationError({"client": _("Choose or create the client record for the case.")})
    if client.organisation_id != actor.organisation_id:
        raise PermissionDenied
    request.status = RequestStatus.ADMITTED
    request.save()
    case = case_open(
        actor=actor,
        client=client,
        case_manager=request.assigned_to,
        need_areas=need_areas,
        admission_rule_met=admission_rule_met,
        came_via=came_via or request.get_channel_display(),
        request=request,
    )
    audit_log(actor=actor, action="cases.request.admitted", obj=request, details={"case": case.pk})
    return case


@transaction.atomic
def request_withdraw(*, actor: Actor, request: Request, reason: str) -> Request:
    _require(actor, *COORDINATION)
    if request.status not in (RequestStatus.OPEN, RequestStatus.ASSIGNED):
        raise ValidationError(_("This request has been decided already."))
    request.status = RequestStatus.WITHDRAWN
    request.not_admitted_reason = reason.strip()
    request.decided_at = timezone.now()
    request.save()
    audit_log(actor=actor, action="cases.request.withdraw", obj=request)
    return request


# Cases and life cycle ------------------------------------------------------------------------------------


@transaction.atomic
def case_open(
    *,
    actor: Actor,
    client,
    case_manager=None,
    need_areas: Iterable[str] = (),
    admission_rule_met: bool | None = None,
    came_via: str = "",
    request: Request | None = None,
    household=None,
) -> Case:
    _require(actor, Role.CASE_MANAGER, Role.TEAM_LEAD)
    if client.organisation_id != actor.organisation_id:
        raise PermissionDenied
    case_manager = case_manager or actor.user
    if not Membership.objects.active().filter(
        user=case_manager, organisation_id=actor.organisation_id, role=Role.CASE_MANAGER
    ).exists():
        raise ValidationError(_("The case manager must work for your organisation."))
    case = Case(
        client=client,
        household=household,
        organisation_id=actor.organisation_id,
        case_manager=case_manager,
        request=request,
        need_areas=list(need_areas),
        admission_rule_met=admission_rule_met,
        came_via=came_via[:200],
        opened_on=timezone.localdate(),
        status=CaseStatus.INTAKE,
    )
    case.number = "pending"
    _save_with_number(case, "number", "")
    _event(case, actor, "opened", to_status=case.status)
    audit_log(actor=actor, action="cases.case.open", obj=case, details={"client": client.pk})
    return case


@transaction.atomic
def case_change_status(*, actor: Actor, case: Case, to_status: str, expected_version: int, note: str = "") -> Case:
    """Move a case along its life cycle; only allowed transitions; closing goes through case_close."""
    require_case_worker(actor, case)
    if to_status == CaseStatus.CLOSED:
        raise ValidationError(_("Use the closing form to close a case: it asks for the reason and goal attainment."))
    if not lifecycle.is_allowed(case.status, to_status, case.status_before_pause):
        raise ValidationError(
            _("A case cannot go from “%(from)s” to “%(to)s”.")
            % {"from": case.get_status_display(), "to": CaseStatus(to_status).label}
        )
    from_status = case.status
    if to_status == CaseStatus.PAUSED:
        case.status_before_pause = from_status
    elif from_status == CaseStatus.PAUSED:
        case.status_before_pause = ""
    case.status = to_status
    case.updated_at = timezone.now()
    save_versioned(case, expected_version, ["status", "status_before_pause", "updated_at"])
    _event(case, actor, "status", from_status=from_status, to_status=to_status, note=note)
    audit_log(actor=actor, action="cases.case.status", obj=case, details={"from": from_status, "to": to_status})
    return case


@transaction.atomic
def case_close(
    *, actor: Actor, case: Case, reason: str, goal_attainment: int | None, note: str, expected_version: int
) -> Case:
    require_case_worker(actor, case)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("The case is closed already."))
    from_status = case.status
    case.status = CaseStatus.CLOSED
    case.status_before_pause = ""
    case.closure_reason = reason
    case.goal_attainment = goal_attainment
    case.closure_note = note.strip()
    case.closed_on = timezone.localdate()
    case.updated_at = timezone.now()
    case.full_clean(exclude=["number", "client", "organisation", "case_manager", "request", "household"])
    save_versioned(
        case,
        expected_version,
        ["status", "status_before_pause", "closure_reason", "goal_attainment", "closure_note", "closed_on", "updated_at"],
    )
    _sync_deadlines(case)
    _event(case, actor, "closed", from_status=from_status, to_status=CaseStatus.CLOSED, note=case.get_closure_reason_display())
    audit_log(actor=actor, action="cases.case.close", obj=case, details={"reason": reason, "goal_attainment": goal_attainment})
    return case


@transaction.atomic
def case_reopen(*, actor: Actor, case: Case, note: str, expected_version: int) -> Case:
    require_case_worker(actor, case)
    if case.status != CaseStatus.CLOSED:
        raise ValidationError(_("Only closed cases can be reopened."))
    if not note.strip():
        raise ValidationError({"note": _("Say why the case is reopened.")})
    case.status = CaseStatus.ASSESSMENT
    case.closed_on = None
    case.updated_at = timezone.now()
    save_versioned(case, expected_version, ["status", "closed_on", "updated_at"])
    _sync_deadlines(case)
    _event(case, actor, "reopened", from_status=CaseStatus.CLOSED, to_status=case.status, note=note)
    audit_log(actor=actor, action="cases.case.reopen", obj=case)
    return case


def _sync_deadlines(case: Case) -> None:
    """Versioned saves send no post_save signal: keep the client's permit deadline in step by hand."""
    from kim.scheduling.residence import sync_residence_deadline

    sync_residence_deadline(case.client_id)


def require_open_case(case: Case) -> None:
    """A closed case is a record of what happened: reopen it before adding to it."""
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("The case is closed. Reopen it to add to it."))


def require_case_worker(actor: Actor, case: Case) -> None:
    """The case manager of the case, or the team lead of its organisation."""
    if actor.membership is None or case.organisation_id != actor.organisation_id:
        raise PermissionDenied
    if actor.role == Role.TEAM_LEAD:
        return
    if actor.role == Role.CASE_MANAGER and case.case_manager_id == actor.user.pk:
        return
    raise PermissionDenied


# Transfers -----------------------------------------------------------------------------------------------


@transaction.atomic
def transfer_request(*, actor: Actor, case: Case, to_membership: Membership, reason: str) -> Transfer:
    """Hand a case to another case manager; to another organisation only with the client's consent to share
    the case with it. The receiver accepts or declines."""
    require_case_worker(actor, case)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("A closed case cannot be transferred; reopen it first."))
    if to_membership.role != Role.CASE_MANAGER or not to_membership.is_active:
        raise ValidationError(_("Cases can only be transferred to active case managers."))
    if to_membership.user_id == case.case_manager_id and to_membership.organisation_id == case.organisation_id:
        raise ValidationError(_("This person manages the case already."))
    if case.transfers.filter(status=TransferStatus.PENDING).exists():
        raise ValidationError(_("A transfer of this case is already waiting for an answer."))
    consent = None
    if to_membership.organisation_id != case.organisation_id:
        from kim.clients.consent import consent_require
        from kim.clients.models import ConsentPurpose, DataCategory

        consent = consent_require(
            client=case.client,
            purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
            recipient=to_membership.organisation,
            categories=(DataCategory.MASTER_DATA, DataCategory.CASE_HISTORY),
        )
    transfer = Transfer.objects.create(
        case=case,
        from_organisation=case.organisation,
        from_case_manager=case.case_manager,
        to_organisation=to_membership.organisation,
        to_case_manager=to_membership.user,
        consent=consent,
        reason=reason.strip(),
    )
    _event(case, actor, "transfer_requested", note=str(to_membership.organisation))
    audit_log(
        actor=actor,
        action="cases.transfer.request",
        obj=case,
        details={"transfer": transfer.pk, "to_organisation": to_membership.organisation_id, "consent": getattr(consent, "pk", None)},
    )
    return transfer


@transaction.atomic
def transfer_decide(*, actor: Actor, transfer: Transfer, accept: bool, note: str = "") -> Transfer:
    if transfer.status != TransferStatus.PENDING:
        raise ValidationError(_("This transfer has been answered already."))
    receiver = actor.organisation_id == transfer.to_organisation_id and (
        (actor.role == Role.CASE_MANAGER and actor.user.pk == transfer.to_case_manager_id) or actor.role == Role.TEAM_LEAD
    )
    if not receiver:
        raise PermissionDenied
    case = transfer.case
    if accept and transfer.to_organisation_id != transfer.from_organisation_id:
        # The consent must still be valid at the moment the record moves.
        from kim.clients.consent import consent_require
        from kim.clients.models import ConsentPurpose, DataCategory

        consent_require(
            client=case.client,
            purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
            recipient=transfer.to_organisation,
            categories=(DataCategory.MASTER_DATA, DataCategory.CASE_HISTORY),
        )
    transfer.status = TransferStatus.ACCEPTED if accept else TransferStatus.DECLINED
    transfer.decided_at = timezone.now()
    transfer.decision_note = note.strip()
    transfer.save()
    if accept:
        case.case_manager_id = transfer.to_case_manager_id
        case.organisation_id = transfer.to_organisation_id
        case.version += 1
        case.save(update_fields=["case_manager", "organisation", "version", "updated_at"])
        client = case.client
        if client.organisation_id != transfer.to_organisation_id:
            # The client record moves with the case: it now belongs to the receiving organisation.
            type(client).objects.filter(pk=client.pk).update(organisation_id=transfer.to_organisation_id)
    _event(case, actor, "transfer_accepted" if accept else "transfer_declined", note=note)
    audit_log(actor=actor, action="cases.transfer.accept" if accept else "cases.transfer.decline", obj=case, details={"transfer": transfer.pk})
    return transfer


# Assessment ----------------------------------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *, actor: Actor, case: Case, assessed_on: dt.date, levels: dict[str, int], resources: dict[str, str], note: str = ""
) -> Assessment:
    """Record the need level (0–4) and resources per life domain; domains left out are not assessed."""
    require_case_worker(actor, case)
    require_open_case(case)
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("An assessment cannot be dated in the future.")})
    items = {d: lv for d, lv in levels.items() if lv is not None}
    if not items:
        raise ValidationError(_("Assess at least one life domain."))
    for domain, level in items.items():
        if domain not in LifeDomain.values or not 0 <= int(level) <= 4:
            raise ValidationError(_("Need levels go from 0 (no need) to 4 (acute need)."))
    assessment = Assessment.objects.create(case=case, assessed_on=assessed_on, note=note.strip(), created_by=actor.user)
    AssessmentItem.objects.bulk_create(
        [
            AssessmentItem(assessment=assessment, domain=d, need_level=int(lv), resources=(resources.get(d) or "").strip())
            for d, lv in items.items()
        ]
    )
    case.domains = sorted({*case.domains, *[d for d, lv in items.items() if int(lv) > 0]})
    case.save(update_fields=["domains", "updated_at"])
    audit_log(actor=actor, action="cases.assessment.create", obj=case, details={"assessment": assessment.pk, "domains": sorted(items)})
    return assessment


# Help plan -----------------------------------------------------------------------------------------------


@transaction.atomic
def goal_create(
    *, actor: Actor, case: Case, domain: str, wording: str, agreed_with_client: bool, target_date: dt.date | None
) -> Goal:
    require_case_worker(actor, case)
    require_open_case(case)
    goal = Goal(case=case, domain=domain, wording=wording.strip(), agreed_with_client=agreed_with_client, target_date=target_date)
    goal.full_clean()
    goal.save()
    audit_log(actor=actor, action="cases.goal.create", obj=case, details={"goal": goal.pk})
    return goal


@transaction.atomic
def goal_update(
    *,
    actor: Actor,
    goal: Goal,
    expected_version: int,
    domain: str,
    wording: str,
    agreed_with_client: bool,
    target_date: dt.date | None,
    status: str,
) -> Goal:
    require_case_worker(actor, goal.case)
    require_open_case(goal.case)
    if status not in GoalStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    goal.domain, goal.wording, goal.agreed_with_client = domain, wording.strip(), agreed_with_client
    goal.target_date, goal.status = target_date, status
    goal.full_clean(exclude=["case"])
    save_versioned(goal, expected_version, ["domain", "wording", "agreed_with_client", "target_date", "status"])
    audit_log(actor=actor, action="cases.goal.update", obj=goal.case, details={"goal": goal.pk, "status": status})
    return goal


@transaction.atomic
def measure_create(
    *, actor: Actor, goal: Goal, description: str, responsible: str, partner: str, due_date: dt.date | None
) -> Measure:
    require_case_worker(actor, goal.case)
    require_open_case(goal.case)
    measure = Measure(goal=goal, description=description.strip(), responsible=responsible, partner=partner.strip(), due_date=due_date)
    measure.full_clean()
    measure.save()
    audit_log(actor=actor, action="cases.measure.create", obj=goal.case, details={"measure": measure.pk})
    return measure


@transaction.atomic
def measure_set_done(*, actor: Actor, measure: Measure, done: bool) -> Measure:
    require_case_worker(actor, measure.goal.case)
    require_open_case(measure.goal.case)
    measure.done_on = timezone.localdate() if done else None
    measure.save(update_fields=["done_on"])
    audit_log(actor=actor, action="cases.measure.done" if done else "cases.measure.reopen", obj=measure.goal.case, details={"measure": measure.pk})
    return measure


# Contacts ------------------------------------------------------------------------------------------------


@transaction.atomic
def contact_create(
    *,
    actor: Actor,
    case: Case,
    happened_on: dt.date,
    minutes: int,
    mode: str,
    interpreter_language: str,
    domains: Iterable[str],
    note: str,
) -> Contact:
    require_case_worker(actor, case)
    require_open_case(case)
    if happened_on > timezone.localdate():
        raise ValidationError({"happened_on": _("A contact cannot be recorded for a day in the future.")})
    contact = Contact(
        case=case,
        happened_on=happened_on,
        minutes=minutes,
        mode=mode,
        interpreter_language=interpreter_language,
        domains=[d for d in domains if d in LifeDomain.values],
        note=sanitise(note),
        created_by=actor.user,
    )
    contact.full_clean()
    contact.save()
    audit_log(actor=actor, action="cases.contact.create", obj=case, details={"contact": contact.pk, "minutes": minutes, "mode": mode})
    return contact
