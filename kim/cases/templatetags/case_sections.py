"""Sections of the case page owned by referrals and documents::

    {% load case_sections %}{% case_referrals case %}{% case_documents case %}

and, for start pages, ``{% referrals_due %}`` (referrals waiting for feedback within a week). Each reads the
acting membership from ``request.actor`` and goes through the scoped selectors.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

register = template.Library()


def _base(context) -> dict:
    request = context["request"]
    return {"request": request, "csrf_token": context.get("csrf_token"), "actor": request.actor}


@register.inclusion_tag("cases/_case_referrals.html", takes_context=True)
def case_referrals(context, case):
    from kim.cases import referrals

    data = _base(context)
    actor = data["actor"]
    today = timezone.localdate()
    rows = [
        {"referral": r, "overdue": referrals.is_overdue(r, today)}
        for r in referrals.referrals_for_case(actor=actor, case=case)
    ]
    data.update({"case": case, "rows": rows, "may_work": referrals.is_case_worker(actor, case)})
    return data


@register.inclusion_tag("cases/_case_documents.html", takes_context=True)
def case_documents(context, case):
    from kim.cases import documents, referrals

    data = _base(context)
    actor = data["actor"]
    data.update(
        {
            "case": case,
            "documents": list(documents.documents_for_case(actor=actor, case=case)),
            "may_work": referrals.is_case_worker(actor, case),
        }
    )
    return data


@register.inclusion_tag("cases/_referrals_due.html", takes_context=True)
def referrals_due(context):
    from kim.cases import referrals

    data = _base(context)
    today = timezone.localdate()
    rows = [
        {"referral": r, "overdue": referrals.is_overdue(r, today)}
        for r in referrals.referrals_awaiting_feedback(actor=data["actor"], today=today)[:20]
    ]
    data["rows"] = rows
    return data
