"""Reads of requests and cases, always scoped to the acting membership.

Case managers and team leads read full cases through :func:`case_get`; the coordination reads the request
queue, suggestions for assignment, a pseudonymised case list and caseload figures – never names or notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from kim.accounts.models import Membership, Role, StaffProfile
from kim.cases.models import (
    Assessment,
    AssessmentItem,
    Case,
    CaseStatus,
    Contact,
    Goal,
    LifeDomain,
    Measure,
    Request,
    RequestStatus,
    Transfer,
    TransferStatus,
)
from kim.core.scoping import Actor, get_for_actor_or_404, get_or_404

OPEN_STATUSES = [s for s in CaseStatus.values if s != CaseStatus.CLOSED]


# Requests ------------------------------------------------------------------------------------------------


def request_queue(*, actor: Actor, status: str = "", district_id: int | None = None) -> QuerySet[Request]:
    qs = Request.objects.for_actor(actor).select_related("district", "assigned_to", "assigned_organisation")
    if status:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(status__in=[RequestStatus.OPEN, RequestStatus.ASSIGNED])
    if district_id:
        qs = qs.filter(district_id=district_id)
    return qs.order_by("received_at")


def request_get(*, actor: Actor, pk: int) -> Request:
    return get_for_actor_or_404(
        Request.objects.select_related("district", "assigned_to", "assigned_organisation"), actor, pk=pk
    )


def waiting_days(request: Request, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    return (today - timezone.localtime(request.received_at).date()).days


@dataclass
class Suggestion:
    membership: Membership
    score: float
    open_cases: int
    max_caseload: int | None
    reasons: list[str] = field(default_factory=list)

    @property
    def free_capacity(self) -> int | None:
        if self.max_caseload is None:
            return None
        return self.max_caseload - self.open_cases


def open_caseloads() -> dict[int, int]:
    """Open cases per case manager (user id), one query."""
    rows = Case.objects.filter(status__in=OPEN_STATUSES).values("case_manager").annotate(n=Count("id"))
    return {row["case_manager"]: row["n"] for row in rows}


def suggest_case_managers(*, request: Request, limit: int = 8) -> list[Suggestion]:
    """Case managers of every organisation, ranked by district, language and free capacity.

    District match counts most (the Sozialraum is how the network is organised), then the requested
    language, then the share of free capacity; a full caseload pushes a person to the end.
    """
    from django.utils.translation import gettext as _

    from kim.core.languages import language_name

    memberships = (
        Membership.objects.active()
        .filter(role=Role.CASE_MANAGER, organisation__provides_case_management=True)
        .select_related("user", "organisation", "user__staff_profile")
        .prefetch_related("user__staff_profile__districts")
    )
    loads = open_caseloads()
    suggestions = []
    for membership in memberships:
        profile: StaffProfile | None = getattr(membership.user, "staff_profile", None)
        districts = {d.pk for d in profile.districts.all()} if profile else set()
        languages = set(profile.languages) if profile else set()
        open_cases = loads.get(membership.user_id, 0)
        max_caseload = profile.max_caseload if profile else None
        score, reasons = 0.0, []
        if request.district_id and request.district_id in districts:
            score += 3
            reasons.append(_("works in the district"))
        if request.preferred_language and request.preferred_language in languages:
            score += 2
            reasons.append(_("speaks %(language)s") % {"language": language_name(request.preferred_language)})
        if max_caseload:
            free = max(max_caseload - open_cases, 0) / max_caseload
            score += free
            if open_cases >= max_caseload:
                score -= 5
                reasons.append(_("caseload full"))
        suggestions.append(Suggestion(membership, score, open_cases, max_caseload, reasons))
    suggestions.sort(key=lambda s: (-s.score, s.open_cases, s.membership.user.last_name))
    return suggestions[:limit]


# Cases ---------------------------------------------------------------------------------------------------


def case_list(*, actor: Actor, status: str = "", query: str = "", case_manager_id: int | None = None) -> QuerySet[Case]:
    qs = Case.objects.for_actor(actor).select_related("client", "case_manager", "organisation", "client__district")
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if case_manager_id:
        qs = qs.filter(case_manager_id=case_manager_id)
    if query:
        qs = qs.filter(
            Q(number__icontains=query) | Q(client__family_name__icontains=query) | Q(client__given_names__icontains=query)
        )
    return qs.order_by("-opened_on", "-id")


def case_get(*, actor: Actor, pk: int) -> Case:
    return get_for_actor_or_404(
        Case.objects.select_related("client", "client__district", "case_manager", "organisation", "household"),
        actor,
        pk=pk,
    )


def case_page_data(*, case: Case) -> dict:
    """Everything the case page shows, in a fixed number of queries."""
    today = timezone.localdate()
    goals = list(
        Goal.objects.filter(case=case).prefetch_related(Prefetch("measures", queryset=Measure.objects.order_by("due_date")))
    )
    assessments = list(
        Assessment.objects.filter(case=case)
        .select_related("created_by")
        .prefetch_related(Prefetch("items", queryset=AssessmentItem.objects.order_by("domain")))
    )
    contacts = list(Contact.objects.filter(case=case).select_related("created_by")[:50])
    totals = Contact.objects.filter(case=case).aggregate(count=Count("id"), minutes=Sum("minutes"))
    transfers = list(
        Transfer.objects.filter(case=case).select_related("to_organisation", "to_case_manager", "from_case_manager")
    )
    events = list(case.events.select_related("actor").order_by("-at")[:30])
    return {
        "goals": goals,
        "assessments": assessments,
        "contacts": contacts,
        "contact_count": totals["count"] or 0,
        "contact_hours": round((totals["minutes"] or 0) / 60, 1),
        "transfers": transfers,
        "pending_transfer": next((t for t in transfers if t.status == TransferStatus.PENDING), None),
        "events": events,
        "today": today,
    }


def assessment_series(assessments: list[Assessment]) -> list[dict]:
    """Per life domain the need levels over the assessments: [{domain, label, points: [(date, level)]}]."""
    series = []
    for domain in LifeDomain:
        points = []
        for assessment in assessments:
            for item in assessment.items.all():
                if item.domain == domain.value:
                    points.append((assessment.assessed_on, item.need_level))
        if points:
            series.append({"domain": domain.value, "label": str(domain.label), "points": points})
    return series


def incoming_transfers(*, actor: Actor) -> QuerySet[Transfer]:
    """Transfers waiting for the actor (the receiving case manager, or the receiving team lead)."""
    qs = Transfer.objects.filter(status=TransferStatus.PENDING).select_related(
        "case", "from_organisation", "from_case_manager", "to_case_manager"
    )
    if actor.role == Role.CASE_MANAGER:
        return qs.filter(to_case_manager=actor.user, to_organisation_id=actor.organisation_id)
    if actor.role == Role.TEAM_LEAD:
        return qs.filter(to_organisation_id=actor.organisation_id)
    return qs.none()


def transfer_get_for_receiver(*, actor: Actor, pk: int) -> Transfer:
    return get_or_404(incoming_transfers(actor=actor), pk=pk)


def goal_get(*, actor: Actor, pk: int) -> Goal:
    """A goal of a case the actor may see."""
    return get_or_404(Goal.objects.select_related("case").filter(case__in=Case.objects.for_actor(actor)), pk=pk)


def measure_get(*, actor: Actor, pk: int) -> Measure:
    """A measure of a case the actor may see."""
    return get_or_404(
        Measure.objects.select_related("goal__case").filter(goal__case__in=Case.objects.for_actor(actor)), pk=pk
    )


# Coordination: pseudonymised ----------------------------------------------------------------------------


def pseudonymised_cases(*, actor: Actor, status: str = "", district_id: int | None = None):
    """Case number, district, domains, status, organisation and dates – no names, no notes."""
    if actor.role not in (Role.COORDINATOR, Role.ADMIN_ASSISTANT):
        return Case.objects.none().values()
    qs = Case.objects.all()
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if district_id:
        qs = qs.filter(client__district_id=district_id)
    return qs.values(
        "pk", "number", "status", "domains", "need_areas", "opened_on", "closed_on",
        "client__district__name", "organisation__short_name", "organisation__name",
    ).order_by("-opened_on", "-pk")


def caseload_figures(*, actor: Actor) -> list[dict]:
    """Open cases, maximum caseload and contact hours (last 90 days) per case manager, all organisations."""
    if actor.role not in (Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.TEAM_LEAD):
        return []
    memberships = (
        Membership.objects.active()
        .filter(role=Role.CASE_MANAGER)
        .select_related("user", "user__staff_profile", "organisation")
        .order_by("organisation__name", "user__last_name")
    )
    if actor.role == Role.TEAM_LEAD:
        memberships = memberships.filter(organisation_id=actor.organisation_id)
    loads = open_caseloads()
    since = timezone.localdate() - dt.timedelta(days=90)
    minutes = dict(
        Contact.objects.filter(happened_on__gte=since)
        .values("created_by")
        .annotate(m=Sum("minutes"))
        .values_list("created_by", "m")
    )
    rows = []
    for m in memberships:
        profile = getattr(m.user, "staff_profile", None)
        max_caseload = profile.max_caseload if profile else None
        open_cases = loads.get(m.user_id, 0)
        rows.append(
            {
                "membership": m,
                "open_cases": open_cases,
                "max_caseload": max_caseload,
                "utilisation": round(100 * open_cases / max_caseload) if max_caseload else None,
                "contact_hours_90d": round((minutes.get(m.user_id) or 0) / 60, 1),
            }
        )
    return rows
