"""Reads of the residence-status timeline, always through the client's scope (kim.clients.selectors)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kim.clients.models import Client
from kim.core.scoping import Actor
from kim.residence.models import ResidenceStatus


def residence_timeline(*, actor: Actor, client: Client) -> QuerySet[ResidenceStatus]:
    """The client's statuses, oldest first (the caller has fetched ``client`` through the actor's scope)."""
    if not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        return ResidenceStatus.objects.none()
    return ResidenceStatus.objects.filter(client=client).select_related("recorded_by").order_by("valid_from", "pk")


def residence_status_get(*, actor: Actor, client: Client, pk: int) -> ResidenceStatus:
    """One status of a client in scope; a status of another client answers 404."""
    return get_object_or_404(residence_timeline(actor=actor, client=client), pk=pk)


def current_status(statuses, day) -> list[ResidenceStatus]:
    """The statuses valid on ``day`` (more than one where a Fiktionsbescheinigung overlaps)."""
    return [s for s in statuses if s.valid_from <= day and (s.valid_to is None or s.valid_to >= day)]


def precheck_runs_for_client(*, actor: Actor, client: Client):
    """The saved pre-check runs of a client in scope, newest first."""
    from kim.residence.models import PrecheckRun

    if not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        return PrecheckRun.objects.none()
    return PrecheckRun.objects.filter(client=client).select_related("created_by").order_by("-created_at", "-pk")


def precheck_run_get(*, actor: Actor, pk: int):
    """One saved run of a client in the actor's scope; anything else answers 404."""
    from kim.residence.models import PrecheckRun

    runs = PrecheckRun.objects.filter(client__in=Client.objects.for_actor(actor)).select_related("client", "created_by")
    return get_object_or_404(runs, pk=pk)
