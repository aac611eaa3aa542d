"""The audit service: the only way anything is written to the audit log.

Every read of a client's personal data and every write goes through :func:`audit_log`. The request's
address is taken from a context variable that :class:`kim.core.middleware.CurrentMembershipMiddleware`
sets, so services need no request object. A call without an actor (a person) must name the system job
that acts (``system="send-reminders"``), as in NHS's auditor: nothing is logged anonymously.
"""

from __future__ import annotations

import contextvars
from typing import Any

from django.db import models

from kim.core.models import AuditEvent
from kim.core.scoping import Actor

_request_address: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_address", default=None)


def set_request_address(address: str | None) -> contextvars.Token:
    return _request_address.set(address)


def reset_request_address(token: contextvars.Token) -> None:
    _request_address.reset(token)


def audit_log(
    *,
    actor: Actor,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: Any = "",
    object_label: str = "",
    purpose: str = "",
    details: dict | None = None,
    system: str = "",
) -> AuditEvent:
    """Append one event. ``action`` is a namespaced code such as ``accounts.user.create``."""
    if actor.user is None and not system:
        raise ValueError("An audit entry needs a person or the name of the system job that acts.")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_label = object_label or str(obj)[:300]
    if actor.user is not None:
        actor_label = f"{actor.user.get_full_name()} <{actor.user.email}>"
    else:
        actor_label = f"system: {system}"
    return AuditEvent.objects.create(
        actor=actor.user,
        actor_label=actor_label[:300],
        organisation_id=actor.organisation_id,
        role=actor.role or "",
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id not in (None, "") else "",
        object_label=object_label[:300],
        purpose=purpose[:300],
        ip_address=_request_address.get(),
        details=details or {},
    )
