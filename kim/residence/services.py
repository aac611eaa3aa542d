"""Writes to the residence-status timeline of a client.

Two periods of a client may overlap only where one of them is a Fiktionsbescheinigung (it bridges the time
until the authority decides on an application, beside the old title). Periods that only touch – one ends
on the day the next begins – are not an overlap. Saving goes through ``Model.save`` so that signals of
other apps (the permit's expiry as a deadline, kim.scheduling) see every change.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kim.clients.models import Client
from kim.clients.selectors import CLIENT_EDITORS
from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.residence.models import ResidenceStatus, StatusKind

STATUS_FIELDS = ("kind", "legal_basis", "valid_from", "valid_to", "issuing_authority")
#: Kinds that may overlap with any other status.
OVERLAP_ALLOWED = {StatusKind.FIKTION}


def _require_editor(actor: Actor, client: Client) -> None:
    if actor.membership is None or actor.role not in CLIENT_EDITORS:
        raise PermissionDenied
    if not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        raise PermissionDenied


def _period(status: ResidenceStatus) -> str:
    start = date_format(status.valid_from, "SHORT_DATE_FORMAT")
    if status.valid_to:
        return f"{start} – {date_format(status.valid_to, 'SHORT_DATE_FORMAT')}"
    return _("from %(date)s, no end date") % {"date": start}


def _overlaps(a: ResidenceStatus, b: ResidenceStatus) -> bool:
    end_a = a.valid_to or dt.date.max
    end_b = b.valid_to or dt.date.max
    return a.valid_from < end_b and b.valid_from < end_a


def check_overlap(status: ResidenceStatus) -> None:
    if status.kind in OVERLAP_ALLOWED:
        return
    others = ResidenceStatus.objects.filter(client_id=status.client_id).exclude(pk=status.pk)
    for other in others.order_by("valid_from"):
        if other.kind in OVERLAP_ALLOWED or not _overlaps(status, other):
            continue
        raise ValidationError(
            {
                "valid_from": _(
                    "This period overlaps with “%(status)s” (%(period)s). Only a Fiktionsbescheinigung may "
                    "overlap with another status: give the earlier status an end date or correct the dates."
                )
                % {"status": other.get_kind_display(), "period": _period(other)}
            }
        )


def _clean(fields: dict) -> dict:
    data = {name: fields[name] for name in STATUS_FIELDS if name in fields}
    for name in ("legal_basis", "issuing_authority"):
        data[name] = " ".join((data.get(name) or "").split())
    return data


@transaction.atomic
def residence_status_create(*, actor: Actor, client: Client, **fields) -> ResidenceStatus:
    _require_editor(actor, client)
    status = ResidenceStatus(client=client, recorded_by=actor.user, **_clean(fields))
    status.full_clean()
    check_overlap(status)
    status.save()
    audit_log(actor=actor, action="residence.status.create", obj=client, details={"status_id": status.pk, "kind": status.kind})
    return status


@transaction.atomic
def residence_status_update(*, actor: Actor, status: ResidenceStatus, **fields) -> ResidenceStatus:
    _require_editor(actor, status.client)
    data = _clean(fields)
    changed = sorted(name for name, value in data.items() if getattr(status, name) != value)
    for name, value in data.items():
        setattr(status, name, value)
    status.full_clean()
    check_overlap(status)
    status.save()
    audit_log(
        actor=actor,
        action="residence.status.update",
        obj=status.client,
        details={"status_id": status.pk, "fields": changed},
    )
    return status


@transaction.atomic
def residence_status_delete(*, actor: Actor, status: ResidenceStatus) -> None:
    client = status.client
    _require_editor(actor, client)
    status_id, kind = status.pk, status.kind
    status.delete()
    audit_log(actor=actor, action="residence.status.delete", obj=client, details={"status_id": status_id, "kind": kind})


@transaction.atomic
def precheck_run(*, actor: Actor, client: Client, facts: dict, on: dt.date, options: dict | None = None):
    """Run the pre-check engine on ``facts`` for decision date ``on`` and save input and answer unchanged.

    Raises ValidationError (on the field ``facts``, naming the fact) for input the engine refuses; nothing is
    saved then. The audit entry names the run and the engine version, never the facts."""
    _require_editor(actor, client)
    return precheck_save(actor=actor, client=client, facts=facts, on=on, options=options)


@transaction.atomic
def precheck_save(*, actor: Actor, client: Client, facts: dict, on: dt.date, options: dict | None = None):
    """:func:`precheck_run` without its editor check, for callers that checked access themselves
    (kim.residence.pipeline: the candidate is in the authority's pipeline)."""
    from django.utils.translation import get_language

    from kim.residence.models import PrecheckRun
    from kim.residence.precheck import FactError, evaluate_facts, fact_label, parse_facts

    if not isinstance(facts, dict):
        raise ValidationError({"facts": _("The facts must be a JSON object ({…}).")})
    try:
        # The contract's answer plus an English text per criterion (``text_en``) for the English staff UI.
        result = evaluate_facts(parse_facts(facts), on=on, options=options or None).to_dict(english=True)
    except FactError as error:
        lang = "de" if (get_language() or "de").startswith("de") else "en"
        message = error.message if lang == "de" else error.message_en
        raise ValidationError(
            {"facts": _("Fact “%(field)s”: %(message)s")
             % {"field": f"{fact_label(error.field, lang)} ({error.field})", "message": message}}
        ) from None
    run = PrecheckRun.objects.create(
        client=client,
        created_by=actor.user,
        decision_date=on,
        engine_version=result.get("engine_version", ""),
        facts=facts,
        options=options or {},
        result=result,
    )
    audit_log(
        actor=actor,
        action="residence.precheck.run",
        obj=client,
        details={"run_id": run.pk, "engine_version": run.engine_version, "decision_date": on.isoformat()},
    )
    return run
