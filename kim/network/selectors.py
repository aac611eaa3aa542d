"""Reads of the structural-barrier backlog (coordination) and of one's own reports."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from kim.accounts.models import Role
from kim.core.scoping import Actor, get_or_404
from kim.network.models import StructuralBarrier


def barrier_backlog(*, actor: Actor, status: str = "", category: str = "") -> QuerySet[StructuralBarrier]:
    """Coordination sees every barrier (no personal data, no link to the case); case managers and team
    leads see what their organisation reported."""
    qs = StructuralBarrier.objects.select_related("district", "reporting_organisation", "institution_organisation")
    if actor.role in (Role.COORDINATOR, Role.ADMIN_ASSISTANT):
        pass
    elif actor.role in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        qs = qs.filter(reporting_organisation_id=actor.organisation_id)
    else:
        return qs.none()
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-reported_at")


def barrier_get(*, actor: Actor, pk: int) -> StructuralBarrier:
    return get_or_404(barrier_backlog(actor=actor), pk=pk)


def barrier_counts_by_category(*, actor: Actor) -> list[dict]:
    from kim.network.models import BarrierCategory

    rows = barrier_backlog(actor=actor).values("category").annotate(n=Count("id")).order_by("-n")
    return [{"label": BarrierCategory(r["category"]).label, "n": r["n"]} for r in rows]
