"""Reads of the candidate pipeline, always through the authority's scope (``Candidate.objects.for_actor``).

Authority staff of an ABH or EBH see their authority's candidates (404 for any other); case managers see the
proposals they can follow for a client of theirs; coordination sees the statistics only (kim.residence.statistics).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kim.clients.models import Client
from kim.core.scoping import Actor, get_for_actor_or_404
from kim.residence.alerts import AlertConfig, candidate_alerts
from kim.residence.models import (
    Candidate,
    CandidateStageChange,
    PipelineDeadline,
    PipelineStage,
    ResidenceStatus,
)
from kim.residence.pipeline import STAGE_ORDER, route_label


def candidates(actor: Actor) -> QuerySet[Candidate]:
    """The actor's pipeline with what the board and the alerts need (no N+1)."""
    return (
        Candidate.objects.for_actor(actor)
        .select_related("person", "responsible", "precheck_run", "authority")
        .prefetch_related(
            Prefetch(
                "person__residence_statuses", queryset=ResidenceStatus.objects.order_by("valid_from", "pk")
            )
        )
        .order_by("person__family_name", "person__given_names", "route", "pk")
    )


def candidate_get(*, actor: Actor, pk) -> Candidate:
    """One candidate of the actor's authority; anything else (another authority, a withdrawn consent) is 404."""
    return get_for_actor_or_404(candidates(actor), actor, pk=pk)


@dataclass
class Row:
    candidate: Candidate
    alerts: list = field(default_factory=list)


@dataclass
class Board:
    rows: list[Row]
    #: route → stage → number of candidates (the whole pipeline, not only the filtered rows)
    matrix: list[dict]
    stages: list[tuple[str, str]]
    alert_count: int


def board(
    *, actor: Actor, route: str = "", stage: str = "", alert: str = "", responsible: str = "", today: dt.date
) -> Board:
    """The pipeline: counts per route and stage, and the candidates matching the filters with their alerts.

    ``stage`` may be a stage, "open" or "final"; ``alert`` an alert kind or "any"; ``responsible`` "me" or
    "none"."""
    from kim.residence.pipeline import FINAL_STAGES, OPEN_STAGES

    config = AlertConfig.from_settings()
    everything = list(candidates(actor))
    counts = Counter((c.route, c.stage) for c in everything)
    routes = sorted({c.route for c in everything}, key=lambda r: route_label(r))
    labels = {s: str(PipelineStage(s).label) for s in STAGE_ORDER}
    matrix = [
        {
            "route": r,
            "label": route_label(r),
            "cells": [{"stage": s, "stage_label": labels[s], "count": counts[(r, s)]} for s in STAGE_ORDER],
            "total": sum(counts[(r, s)] for s in STAGE_ORDER),
        }
        for r in routes
    ]
    rows, alert_count = [], 0
    for candidate in everything:
        alerts = candidate_alerts(candidate, today, config)
        alert_count += bool(alerts)
        if route and candidate.route != route:
            continue
        if stage == "open" and candidate.stage not in OPEN_STAGES:
            continue
        if stage == "final" and candidate.stage not in FINAL_STAGES:
            continue
        if stage and stage not in ("open", "final") and candidate.stage != stage:
            continue
        if alert == "any" and not alerts:
            continue
        if alert and alert != "any" and not any(a.kind == alert for a in alerts):
            continue
        if responsible == "me" and candidate.responsible_id != actor.user.pk:
            continue
        if responsible == "none" and candidate.responsible_id is not None:
            continue
        rows.append(Row(candidate, alerts))
    rows.sort(
        key=lambda row: (not row.alerts, min((a.trigger_date for a in row.alerts), default=dt.date.max))
    )
    return Board(rows=rows, matrix=matrix, stages=list(labels.items()), alert_count=alert_count)


def candidate_history(candidate: Candidate) -> list[CandidateStageChange]:
    return list(candidate.stage_changes.select_related("by").order_by("at", "pk"))


def other_candidacies(*, actor: Actor, candidate: Candidate) -> list[Candidate]:
    """The same person's other routes at the authority."""
    return list(
        Candidate.objects.for_actor(actor)
        .filter(person_id=candidate.person_id)
        .exclude(pk=candidate.pk)
        .order_by("route")
    )


def alert_links(candidate: Candidate) -> dict:
    """(kind, trigger date) → PipelineDeadline with its deadline, for showing deadlines beside alerts."""
    return {
        (link.kind, link.trigger_date): link
        for link in PipelineDeadline.objects.filter(candidate=candidate).select_related(
            "deadline__responsible"
        )
    }


def alert_link_get(*, candidate: Candidate, pk) -> PipelineDeadline:
    try:
        return PipelineDeadline.objects.select_related("deadline").get(candidate=candidate, pk=pk)
    except (PipelineDeadline.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def residence_status_get(*, candidate: Candidate, pk) -> ResidenceStatus:
    try:
        return ResidenceStatus.objects.get(client_id=candidate.person_id, pk=pk)
    except (ResidenceStatus.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def my_open_deadlines(*, actor: Actor):
    """The actor's open pipeline deadlines (authority staff cannot open the deadline list of kim.scheduling)."""
    from kim.scheduling.models import Deadline

    return (
        Deadline.objects.open()
        .filter(responsible=actor.user, organisation_id=actor.organisation_id, pipeline_alert__isnull=False)
        .select_related("pipeline_alert__candidate__person")
        .order_by("due_on", "pk")
    )


def proposals_for_client(*, actor: Actor, client: Client) -> list[Candidate]:
    """The client's candidacies the referring organisation may follow: those it referred (route, authority,
    stage, since) – for case managers and team leads with the client in scope."""
    if not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        return []
    return list(
        Candidate.objects.filter(person=client, source="referral", referred_by__isnull=False)
        .filter(referred_by__memberships__organisation_id=actor.organisation_id)
        .select_related("authority")
        .distinct()
        .order_by("-created_at", "pk")
    )
