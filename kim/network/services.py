"""Structural barriers: reported from a case without personal data; worked by the coordination."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kim.accounts.models import Role
from kim.cases.services import require_case_worker
from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.network.models import BarrierCategory, BarrierStatus, StructuralBarrier


def _looks_personal(case, text: str) -> bool:
    """A cheap guard: the client's names or phone must not appear in the description."""
    lowered = text.lower()
    client = case.client
    tokens = [t for t in f"{client.given_names} {client.family_name}".lower().split() if len(t) > 2]
    if any(t in lowered for t in tokens):
        return True
    digits = "".join(ch for ch in client.phone if ch.isdigit())
    return bool(digits) and len(digits) > 5 and digits in "".join(ch for ch in text if ch.isdigit())


@transaction.atomic
def barrier_report(
    *, actor: Actor, case, category: str, institution: str, description: str, institution_organisation=None
) -> StructuralBarrier:
    require_case_worker(actor, case)
    if category not in BarrierCategory.values:
        raise ValidationError({"category": _("Choose a category from the list.")})
    if _looks_personal(case, description) or _looks_personal(case, institution):
        raise ValidationError(
            {"description": _("The description contains the client's name or phone number. Describe the barrier without personal data.")}
        )
    barrier = StructuralBarrier(
        category=category,
        institution=institution.strip(),
        institution_organisation=institution_organisation,
        description=description.strip(),
        domain=(case.domains or [""])[0] if case.domains else "",
        district=case.client.district,
        source_case=case,
        reported_by=actor.user,
        reporting_organisation_id=actor.organisation_id,
    )
    barrier.full_clean()
    barrier.save()
    audit_log(actor=actor, action="network.barrier.report", obj=barrier, details={"case": case.pk})
    return barrier


@transaction.atomic
def barrier_update(*, actor: Actor, barrier: StructuralBarrier, status: str, note: str) -> StructuralBarrier:
    if actor.role != Role.COORDINATOR:
        raise PermissionDenied
    if status not in BarrierStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    old = barrier.status
    barrier.status = status
    barrier.coordination_note = note.strip()
    barrier.save(update_fields=["status", "coordination_note"])
    audit_log(actor=actor, action="network.barrier.update", obj=barrier, details={"from": old, "to": status})
    return barrier
