"""The residence-status timeline of a client: add, edit, delete (the timeline itself is on the client page)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.clients.selectors import client_get
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.residence import selectors, services
from kim.residence.forms import PrecheckForm, ResidenceStatusForm

EDITORS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def _back(client):
    from django.urls import reverse

    return redirect(reverse("clients:client_detail", kwargs={"pk": client.pk}) + "#residence")


@role_required(*EDITORS)
def residence_status_create(request, pk: int):
    client = client_get(actor=request.actor, pk=pk)
    form = ResidenceStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.residence_status_create(actor=request.actor, client=client, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The residence status has been added."))
            return _back(client)
    return render(request, "residence/status_form.html", {"form": form, "client": client, "status": None})


@role_required(*EDITORS)
def residence_status_update(request, pk: int, status_pk: int):
    client = client_get(actor=request.actor, pk=pk)
    status = selectors.residence_status_get(actor=request.actor, client=client, pk=status_pk)
    form = ResidenceStatusForm(request.POST or None, initial=ResidenceStatusForm.initial_for(status))
    if request.method == "POST" and form.is_valid():
        try:
            services.residence_status_update(actor=request.actor, status=status, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The residence status has been saved."))
            return _back(client)
    return render(request, "residence/status_form.html", {"form": form, "client": client, "status": status})


@require_POST
@role_required(*EDITORS)
def residence_status_delete(request, pk: int, status_pk: int):
    client = client_get(actor=request.actor, pk=pk)
    status = selectors.residence_status_get(actor=request.actor, client=client, pk=status_pk)
    services.residence_status_delete(actor=request.actor, status=status)
    messages.success(request, _("The residence status has been deleted."))
    return _back(client)


# Pre-check (Vorprüfung) -----------------------------------------------------------------------------------

#: German labels of the engine's outcomes (PRECHECK-CONTRACT.md, RULES.md 1.7).
OUTCOME_LABELS = {
    "ELIGIBLE": gettext_lazy("Requirements met"),
    "ELIGIBLE_DISCRETION": gettext_lazy("Requirements met, decision at the authority's discretion"),
    "ELIGIBLE_WITH_OPEN_CONDITIONS": gettext_lazy("Possible – open conditions"),
    "NOT_ELIGIBLE": gettext_lazy("Requirements not met"),
    "NOT_APPLICABLE": gettext_lazy("Not applicable"),
}
#: The norm behind each route id.
ROUTE_LABELS = {
    "AUFENTHG_104C": "§ 104c AufenthG",
    "AUFENTHG_25A": "§ 25a AufenthG",
    "AUFENTHG_25B": "§ 25b AufenthG",
    "AUFENTHG_60C": "§ 60c AufenthG",
    "AUFENTHG_60D": "§ 60d AufenthG",
    "AUFENTHG_16G": "§ 16g AufenthG",
    "AUFENTHG_19D": "§ 19d AufenthG",
    "AUFENTHG_9": "§ 9 AufenthG",
    "AUFENTHG_9A": "§ 9a AufenthG",
    "AUFENTHG_26_3": "§ 26 Abs. 3 AufenthG",
    "AUFENTHG_26_4": "§ 26 Abs. 4 AufenthG",
    "STAG_10": "§ 10 StAG",
    "STAG_9": "§ 9 StAG",
}


def _parse_date(value):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def precheck_routes(result: dict) -> list[dict]:
    """The stored engine answer prepared for display (labels added; the stored result itself is not changed)."""
    routes = []
    for item in result.get("results", []):
        criteria = []
        for criterion in item.get("criteria", []):
            met = criterion.get("met")
            criteria.append(
                {
                    **criterion,
                    "state": {True: "met", False: "not-met"}.get(met, "unknown"),
                    "state_label": {True: _("met"), False: _("not met")}.get(met, _("unknown")),
                }
            )
        routes.append(
            {
                **item,
                "label": ROUTE_LABELS.get(item.get("route"), item.get("route")),
                "outcome_label": OUTCOME_LABELS.get(item.get("outcome"), item.get("outcome")),
                "criteria": criteria,
                "earliest": _parse_date(item.get("earliest_date")),
            }
        )
    return routes


@role_required(*EDITORS)
def precheck_form(request, pk: int):
    import json

    from django.utils import timezone

    from kim.residence.precheck_facts import prefill_from_client

    client = client_get(actor=request.actor, pk=pk)
    if request.method != "POST":
        audit_log(actor=request.actor, action="residence.precheck.view", obj=client, details={"page": "form"})
    today = timezone.localdate()
    prefilled, notes = prefill_from_client(client, today)
    form = PrecheckForm(
        request.POST or None,
        initial={"decision_date": today, "facts": json.dumps(prefilled, ensure_ascii=False, indent=2)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = services.precheck_run(
                actor=request.actor,
                client=client,
                facts=form.cleaned_data["facts"],
                on=form.cleaned_data["decision_date"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The pre-check has been saved."))
            return redirect("clients:precheck_detail", run_pk=run.pk)
    runs = selectors.precheck_runs_for_client(actor=request.actor, client=client)[:20]
    return render(
        request,
        "residence/precheck_form.html",
        {"form": form, "client": client, "prefilled": prefilled, "notes": notes, "runs": runs},
    )


@role_required(*EDITORS)
def precheck_detail(request, run_pk: int):
    run = selectors.precheck_run_get(actor=request.actor, pk=run_pk)
    audit_log(actor=request.actor, action="residence.precheck.view", obj=run.client, details={"run_id": run.pk})
    return render(
        request,
        "residence/precheck_detail.html",
        {"run": run, "client": run.client, "routes": precheck_routes(run.result)},
    )


@role_required(*EDITORS)
def precheck_pdf(request, run_pk: int):
    from kim.core.pdf import pdf_response, render_pdf

    run = selectors.precheck_run_get(actor=request.actor, pk=run_pk)
    audit_log(
        actor=request.actor, action="residence.precheck.pdf", obj=run.client, details={"run_id": run.pk}
    )
    content = render_pdf(
        "residence/precheck_pdf.html",
        {"run": run, "client": run.client, "routes": precheck_routes(run.result)},
        language="de",
    )
    return pdf_response(content, f"vorpruefung-{run.pk}.pdf")
