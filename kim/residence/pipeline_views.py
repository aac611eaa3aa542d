"""Pages of the candidate pipeline: the board, a candidate, registering a person, the case manager's proposal,
and the statistics with their XLSX export. Thin: parse, call kim.residence.pipeline / the selectors, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError
from kim.residence import alerts, pipeline, statistics
from kim.residence import pipeline_selectors as selectors
from kim.residence.forms import ResidenceStatusForm
from kim.residence.models import PipelineStage
from kim.residence.pipeline_forms import (
    AssignForm,
    BoardFilterForm,
    CandidatePrecheckForm,
    MoveForm,
    ProposeForm,
    RegisterForm,
    ReopenForm,
    StatisticsForm,
)

AUTHORITY = (Role.AUTHORITY_STAFF,)


def _stale_message() -> str:
    return _(
        "Someone else changed this candidate in the meantime. Nothing was saved; here is the current state."
    )


# Board ----------------------------------------------------------------------------------------------------------


@role_required(*AUTHORITY)
def board(request):
    actor = request.actor
    filters = BoardFilterForm(request.GET or None, authority=actor.organisation)
    values = filters.cleaned_data if filters.is_valid() else {}
    data = selectors.board(
        actor=actor,
        route=values.get("route", ""),
        stage=values.get("stage", ""),
        alert=values.get("alert", ""),
        responsible=values.get("responsible", ""),
        today=timezone.localdate(),
    )
    page = Paginator(data.rows, 100).get_page(request.GET.get("page"))
    audit_log(
        actor=actor,
        action="residence.pipeline.list",
        details={
            "page": page.number,
            "shown": len(page.object_list),
            "filters": {k: v for k, v in values.items() if v},
        },
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "residence/pipeline/board.html",
        {
            "filters": filters,
            "board": data,
            "page": page,
            "query": query.urlencode(),
            "deadlines": selectors.my_open_deadlines(actor=actor)[:20],
            "is_authority": pipeline.is_pipeline_authority(actor),
            "filtered": any(values.values()),
        },
    )


# One candidate --------------------------------------------------------------------------------------------------


def _detail(
    request, candidate, *, status=200, move_form=None, reopen_form=None, assign_form=None, precheck_form=None
):
    from kim.residence.views import precheck_routes

    actor = request.actor
    today = timezone.localdate()
    statuses = list(candidate.person.residence_statuses.all())
    links = selectors.alert_links(candidate)
    candidate_alerts = [
        {"alert": alert, "link": links.get((alert.kind, alert.trigger_date))}
        for alert in alerts.candidate_alerts(candidate, today)
    ]
    audit_log(
        actor=actor,
        action="residence.pipeline.view",
        obj=candidate.person,
        details={"candidate": candidate.pk, "categories": ["master_data", "residence"]},
    )
    run = candidate.precheck_run
    return render(
        request,
        "residence/pipeline/candidate_detail.html",
        {
            "candidate": candidate,
            "client": candidate.person,
            "statuses": statuses,
            "stages": [
                (stage, PipelineStage(stage).label)
                for stage in (
                    *pipeline.OPEN_STAGES,
                    *([candidate.stage] if candidate.stage in pipeline.FINAL_STAGES else []),
                )
            ],
            "history": selectors.candidate_history(candidate),
            "others": selectors.other_candidacies(actor=actor, candidate=candidate),
            "alerts": candidate_alerts,
            "run": run,
            "routes": [
                r
                for r in precheck_routes(run.result)
                if r["route"] in (candidate.route, *alerts.TRANSITION_ROUTES)
            ]
            if run
            else [],
            "is_final": candidate.stage in pipeline.FINAL_STAGES,
            "own_record": candidate.person.organisation_id == actor.organisation_id,
            "move_form": move_form or MoveForm(candidate=candidate),
            "reopen_form": reopen_form or ReopenForm(initial={"version": candidate.version}),
            "assign_form": assign_form
            or AssignForm(
                initial={"version": candidate.version, "responsible": candidate.responsible_id},
                people=pipeline.responsible_choices(actor),
            ),
            "precheck_form": precheck_form or CandidatePrecheckForm(initial={"decision_date": today}),
        },
        status=status,
    )


@role_required(*AUTHORITY)
def candidate_detail(request, pk: int):
    candidate = selectors.candidate_get(actor=request.actor, pk=pk)
    return _detail(request, candidate)


def _work(request, pk: int, form_key: str, make_form, action, success):
    """One POST that works a candidate: parse ``make_form(candidate)``, call ``action(candidate, data)``; on a
    ValidationError the candidate page comes back with the form, its errors and the input; on a stale version
    nothing is saved and the current state is shown."""
    candidate = selectors.candidate_get(actor=request.actor, pk=pk)
    form = make_form(candidate)
    if form.is_valid():
        try:
            action(candidate, form.cleaned_data)
        except StaleRecordError:
            messages.error(request, _stale_message())
            return redirect("pipeline:candidate_detail", pk=candidate.pk)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success(candidate))
            return redirect("pipeline:candidate_detail", pk=candidate.pk)
    return _detail(request, candidate, **{form_key: form})


@require_POST
@role_required(*AUTHORITY)
def candidate_move(request, pk: int):
    return _work(
        request,
        pk,
        "move_form",
        lambda candidate: MoveForm(request.POST, candidate=candidate),
        lambda candidate, data: pipeline.candidate_move(
            actor=request.actor,
            candidate=candidate,
            to_stage=data["to_stage"],
            expected_version=data["version"],
            note=data["note"],
            reached_on=data["reached_on"],
        ),
        lambda candidate: _("Moved to “%(stage)s”.") % {"stage": candidate.get_stage_display()},
    )


@require_POST
@role_required(*AUTHORITY)
def candidate_reopen(request, pk: int):
    return _work(
        request,
        pk,
        "reopen_form",
        lambda candidate: ReopenForm(request.POST),
        lambda candidate, data: pipeline.candidate_reopen(
            actor=request.actor, candidate=candidate, expected_version=data["version"], note=data["note"]
        ),
        lambda candidate: _("Reopened: back to “%(stage)s”.") % {"stage": candidate.get_stage_display()},
    )


@require_POST
@role_required(*AUTHORITY)
def candidate_assign(request, pk: int):
    return _work(
        request,
        pk,
        "assign_form",
        lambda candidate: AssignForm(request.POST, people=pipeline.responsible_choices(request.actor)),
        lambda candidate, data: pipeline.candidate_assign(
            actor=request.actor,
            candidate=candidate,
            responsible=data["responsible"],
            expected_version=data["version"],
        ),
        lambda candidate: _("The responsibility has been saved."),
    )


@require_POST
@role_required(*AUTHORITY)
def candidate_precheck(request, pk: int):
    return _work(
        request,
        pk,
        "precheck_form",
        lambda candidate: CandidatePrecheckForm(request.POST),
        lambda candidate, data: pipeline.candidate_precheck(
            actor=request.actor, candidate=candidate, on=data["decision_date"]
        ),
        lambda candidate: _("The pre-check has been run on the recorded data and saved."),
    )


@require_POST
@role_required(*AUTHORITY)
def alert_done(request, pk: int, link_pk: int):
    candidate = selectors.candidate_get(actor=request.actor, pk=pk)
    link = selectors.alert_link_get(candidate=candidate, pk=link_pk)
    try:
        alerts.alert_done(actor=request.actor, candidate=candidate, link=link)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The deadline has been marked as done."))
    return redirect("pipeline:candidate_detail", pk=candidate.pk)


# The authority's own records ------------------------------------------------------------------------------------


@role_required(*AUTHORITY)
def candidate_register(request):
    actor = request.actor
    if not pipeline.is_pipeline_authority(actor):
        raise PermissionDenied
    form = RegisterForm(request.POST or None, authority=actor.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            created = pipeline.candidate_register(
                actor=actor,
                routes=form.cleaned_data["routes"],
                status=form.status(),
                note=form.cleaned_data["note"],
                confirmed_different_person=form.cleaned_data["confirmed_different_person"],
                **form.person(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The person has been added to the pipeline."))
            return redirect("pipeline:candidate_detail", pk=created[0].pk)
    return render(request, "residence/pipeline/register.html", {"form": form})


@role_required(*AUTHORITY)
def candidate_status_create(request, pk: int):
    candidate = selectors.candidate_get(actor=request.actor, pk=pk)
    if candidate.person.organisation_id != request.actor.organisation_id:
        raise PermissionDenied
    form = ResidenceStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pipeline.candidate_status_add(actor=request.actor, candidate=candidate, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The residence status has been added."))
            return redirect("pipeline:candidate_detail", pk=candidate.pk)
    return render(request, "residence/pipeline/status_form.html", {"form": form, "candidate": candidate})


@require_POST
@role_required(*AUTHORITY)
def candidate_status_delete(request, pk: int, status_pk: int):
    candidate = selectors.candidate_get(actor=request.actor, pk=pk)
    status = selectors.residence_status_get(candidate=candidate, pk=status_pk)
    pipeline.candidate_status_delete(actor=request.actor, candidate=candidate, status=status)
    messages.success(request, _("The residence status has been deleted."))
    return redirect("pipeline:candidate_detail", pk=candidate.pk)


# Proposal by case management --------------------------------------------------------------------------------------


@role_required(*pipeline.REFERRERS)
def propose(request, pk: int):
    from kim.clients.selectors import client_get

    client = client_get(actor=request.actor, pk=pk)
    form = ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = pipeline.candidate_propose(
                actor=request.actor,
                client=client,
                authority=data["authority"],
                routes=data["routes"],
                note=data["note"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Proposed to %(authority)s for %(routes)s.")
                % {
                    "authority": data["authority"],
                    "routes": ", ".join(pipeline.route_label(c.route) for c in created),
                },
            )
            return redirect("pipeline:propose", pk=client.pk)
    audit_log(actor=request.actor, action="residence.pipeline.proposals_view", obj=client)
    return render(
        request,
        "residence/pipeline/propose.html",
        {
            "form": form,
            "client": client,
            "proposals": selectors.proposals_for_client(actor=request.actor, client=client),
        },
    )


# Statistics -----------------------------------------------------------------------------------------------------


def _report(request):
    if not statistics.can_see(request.actor):
        raise PermissionDenied
    years = statistics.years_available(request.actor)
    form = StatisticsForm(request.GET or None, years=years)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    return form, statistics.report(actor=request.actor, year=year)


@role_required(Role.AUTHORITY_STAFF, *statistics.COORDINATION)
def statistics_page(request):
    form, report = _report(request)
    return render(
        request,
        "residence/pipeline/statistics.html",
        {"form": form, "report": report, "note": statistics.suppression_note()},
    )


@role_required(Role.AUTHORITY_STAFF, *statistics.COORDINATION)
def statistics_xlsx(request):
    _form, report = _report(request)
    content = statistics.xlsx(report)
    audit_log(
        actor=request.actor,
        action="residence.pipeline.statistics_export",
        details={"year": report.year, "suppressed": report.suppressed},
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="pipeline-statistik-{report.year}.xlsx"'
    return response
