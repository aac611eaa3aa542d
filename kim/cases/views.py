"""Views of the intake queue, the case list and the case page with its forms; coordination overviews.

Thin: parse with a form, call a selector or service, render. Coordination (coordinator, administrative
assistant) works the request queue and sees pseudonymised cases and caseloads; case managers and team leads
work cases.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.cases import lifecycle, selectors, services
from kim.cases.charts import need_chart_svg
from kim.cases.forms import (
    AssessmentForm,
    AssignForm,
    CaseFilterForm,
    CloseForm,
    ContactForm,
    GoalForm,
    GoalUpdateForm,
    IntakeForm,
    MeasureForm,
    ReopenForm,
    RequestFilterForm,
    RequestForm,
    StatusForm,
    TransferDecisionForm,
    TransferForm,
    WithdrawForm,
)
from kim.cases.models import CaseStatus, Goal, RequestStatus
from kim.clients.services import PossibleDuplicate
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError

COORDINATION = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
CASE_WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


# Requests ------------------------------------------------------------------------------------------------


@role_required(*COORDINATION, *CASE_WORKERS)
def request_list(request):
    filters = RequestFilterForm(request.GET or None)
    status, district = "", None
    if filters.is_valid():
        status, district = filters.cleaned_data["status"], filters.cleaned_data["district"]
    rows = [
        {"request": r, "waiting_days": selectors.waiting_days(r)}
        for r in selectors.request_queue(actor=request.actor, status=status, district_id=district.pk if district else None)
    ]
    return render(request, "cases/request_list.html", {"rows": rows, "filters": filters})


@role_required(*COORDINATION)
def request_create(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.request_create(actor=request.actor, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Request %(reference)s recorded.") % {"reference": created.reference})
            return redirect("cases:request_detail", pk=created.pk)
    return render(request, "cases/request_form.html", {"form": form})


@role_required(*COORDINATION, *CASE_WORKERS)
def request_detail(request, pk: int):
    item = selectors.request_get(actor=request.actor, pk=pk)
    audit_log(actor=request.actor, action="cases.request.view", obj=item)
    context = {"item": item, "waiting_days": selectors.waiting_days(item)}
    if request.actor.role in COORDINATION and item.status in (RequestStatus.OPEN, RequestStatus.ASSIGNED):
        context["suggestions"] = selectors.suggest_case_managers(request=item)
        context["assign_form"] = AssignForm()
        context["withdraw_form"] = WithdrawForm()
    return render(request, "cases/request_detail.html", context)


@require_POST
@role_required(*COORDINATION)
def request_assign(request, pk: int):
    item = selectors.request_get(actor=request.actor, pk=pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            services.request_assign(actor=request.actor, request=item, membership=form.cleaned_data["membership"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Request %(reference)s assigned to %(name)s.")
                % {"reference": item.reference, "name": form.cleaned_data["membership"].user.get_full_name()},
            )
    else:
        messages.error(request, _("Choose a case manager."))
    return redirect("cases:request_detail", pk=item.pk)


@require_POST
@role_required(*COORDINATION)
def request_withdraw(request, pk: int):
    item = selectors.request_get(actor=request.actor, pk=pk)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.request_withdraw(actor=request.actor, request=item, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Request %(reference)s withdrawn.") % {"reference": item.reference})
    else:
        messages.error(request, _("Give the reason for withdrawing the request."))
    return redirect("cases:request_detail", pk=item.pk)


@role_required(*CASE_WORKERS)
def request_intake(request, pk: int):
    """The assigned case manager decides: admit (client record + case) or not (with the reason)."""
    item = selectors.request_get(actor=request.actor, pk=pk)
    if item.status != RequestStatus.ASSIGNED:
        raise Http404
    given, _sep, family = item.name.strip().rpartition(" ")
    form = IntakeForm(
        request.POST or None,
        initial={"given_names": given or item.name, "family_name": family if given else "", "need_areas": item.topics},
    )
    similar, hidden_elsewhere = [], False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "reject":
                services.request_decide(
                    actor=request.actor,
                    request=item,
                    admit=False,
                    need_areas=data["need_areas"],
                    admission_rule_met=data["admission_rule_met"],
                    not_admitted_reason=data["not_admitted_reason"],
                )
                messages.success(request, _("The request was not admitted; the coordination sees the reason."))
                return redirect("cases:request_list")
            if request.POST.get("use_client"):
                from kim.clients.selectors import client_get

                existing = client_get(actor=request.actor, pk=request.POST["use_client"])
                case = services.request_decide(
                    actor=request.actor, request=item, admit=True, need_areas=data["need_areas"],
                    admission_rule_met=data["admission_rule_met"], client=existing,
                )
            else:
                case = _admit(request.actor, item, data)
            messages.success(request, _("Case %(number)s opened.") % {"number": case.number})
            return redirect("cases:case_detail", pk=case.pk)
        except PossibleDuplicate as duplicate:
            similar, hidden_elsewhere = duplicate.matches, duplicate.hidden_elsewhere
            form.add_error(
                "different_person_confirmed",
                _("Similar people are known. Open the matching record, or confirm that this is a different person."),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    return render(
        request,
        "cases/request_intake.html",
        {"item": item, "form": form, "similar": similar, "hidden_elsewhere": hidden_elsewhere},
    )


def _admit(actor, item, data):
    from django.db import transaction

    from kim.clients import services as client_services

    with transaction.atomic():
        client = client_services.client_create(
            actor=actor,
            confirmed_different_person=data["different_person_confirmed"],
            given_names=data["given_names"],
            family_name=data["family_name"],
            birth_year=data["birth_year"],
            phone=item.phone,
            email=item.email,
            postcode=item.postcode,
            street=item.street,
            languages=[{"code": item.preferred_language, "level": "native"}] if item.preferred_language else [],
        )
        return services.request_decide(
            actor=actor,
            request=item,
            admit=True,
            need_areas=data["need_areas"],
            admission_rule_met=data["admission_rule_met"],
            client=client,
        )


# Cases ---------------------------------------------------------------------------------------------------


@role_required(*CASE_WORKERS, Role.AUTHORITY_STAFF)
def case_list(request):
    filters = CaseFilterForm(request.GET or None, initial={"status": "open"})
    status, query = "open", ""
    if filters.is_valid():
        status, query = filters.cleaned_data["status"], filters.cleaned_data["q"]
    cases = selectors.case_list(actor=request.actor, status=status, query=query)
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    if query:
        audit_log(actor=request.actor, action="cases.case.search", details={"query_length": len(query)})
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "page": page,
            "filters": filters,
            "query": params.urlencode(),
            "incoming": selectors.incoming_transfers(actor=request.actor),
        },
    )


@role_required(*CASE_WORKERS, Role.AUTHORITY_STAFF)
def case_detail(request, pk: int):
    case = selectors.case_get(actor=request.actor, pk=pk)
    audit_log(actor=request.actor, action="cases.case.view", obj=case, purpose=request.GET.get("zweck", ""))
    data = selectors.case_page_data(case=case)
    series = selectors.assessment_series(data["assessments"])
    dates = [a.assessed_on for a in data["assessments"]]
    is_worker = request.actor.role in CASE_WORKERS
    can_work = is_worker and case.status != CaseStatus.CLOSED  # a closed case is read-only until reopened
    context = {
        "case": case,
        **data,
        "series": series,
        "dates": dates,
        "chart": need_chart_svg(series, dates),
        "can_work": can_work,
        "is_worker": is_worker,
        "next_statuses": [CaseStatus(s) for s in lifecycle.allowed_next(case.status, case.status_before_pause) if s != CaseStatus.CLOSED],
        "path": [CaseStatus(s) for s in lifecycle.PATH],
    }
    return render(request, "cases/case_detail.html", context)


def _case_for_work(request, pk):
    case = selectors.case_get(actor=request.actor, pk=pk)
    if request.actor.role not in CASE_WORKERS:
        raise Http404
    return case


@require_POST
@role_required(*CASE_WORKERS)
def case_status(request, pk: int):
    case = _case_for_work(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.case_change_status(
                actor=request.actor,
                case=case,
                to_status=form.cleaned_data["to_status"],
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            )
        except StaleRecordError:
            messages.error(request, _("Someone else changed this case in the meantime. Nothing was saved; here is the current state."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Status changed to “%(status)s”.") % {"status": case.get_status_display()})
    else:
        messages.error(request, _("The status could not be changed."))
    return redirect("cases:case_detail", pk=case.pk)


@role_required(*CASE_WORKERS)
def case_close(request, pk: int):
    case = _case_for_work(request, pk)
    form = CloseForm(request.POST or None, initial={"version": case.version})
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_close(
                actor=request.actor,
                case=case,
                reason=data["reason"],
                goal_attainment=data["goal_attainment"],
                note=data["note"],
                expected_version=data["version"],
            )
        except StaleRecordError as error:
            stale = error.current
            form.add_error(None, _("Someone else changed this case in the meantime. Nothing was saved. Check the current state below and send again."))
            form.data = form.data.copy()
            form.data["version"] = stale.version
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Case %(number)s closed.") % {"number": case.number})
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/case_close.html", {"case": case, "form": form, "stale": stale})


@role_required(*CASE_WORKERS)
def case_reopen(request, pk: int):
    case = _case_for_work(request, pk)
    form = ReopenForm(request.POST or None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reopen(
                actor=request.actor, case=case, note=form.cleaned_data["note"], expected_version=form.cleaned_data["version"]
            )
        except StaleRecordError:
            form.add_error(None, _("Someone else changed this case in the meantime. Nothing was saved."))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Case %(number)s reopened.") % {"number": case.number})
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/case_reopen.html", {"case": case, "form": form})


@role_required(*CASE_WORKERS)
def case_transfer(request, pk: int):
    case = _case_for_work(request, pk)
    form = TransferForm(request.POST or None, exclude_user_id=case.case_manager_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.transfer_request(
                actor=request.actor, case=case, to_membership=form.cleaned_data["membership"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The transfer was requested; the receiver accepts or declines it."))
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/case_transfer.html", {"case": case, "form": form})


@role_required(*CASE_WORKERS)
def transfer_decide(request, pk: int):
    transfer = selectors.transfer_get_for_receiver(actor=request.actor, pk=pk)
    form = TransferDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = request.POST.get("decision") == "accept"
        try:
            services.transfer_decide(actor=request.actor, transfer=transfer, accept=accept, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if accept:
                messages.success(request, _("Transfer accepted: case %(number)s is now yours.") % {"number": transfer.case.number})
                return redirect("cases:case_detail", pk=transfer.case_id)
            messages.success(request, _("Transfer declined."))
            return redirect("cases:case_list")
    return render(request, "cases/transfer_decide.html", {"transfer": transfer, "form": form})


@role_required(*CASE_WORKERS)
def assessment_create(request, pk: int):
    case = _case_for_work(request, pk)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_create(
                actor=request.actor,
                case=case,
                assessed_on=form.cleaned_data["assessed_on"],
                levels=form.levels(),
                resources=form.resources(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Assessment saved."))
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/assessment_form.html", {"case": case, "form": form})


@role_required(*CASE_WORKERS)
def goal_create(request, pk: int):
    case = _case_for_work(request, pk)
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_create(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Goal added to the help plan."))
            return redirect(f"{case_url(case)}#plan")
    return render(request, "cases/goal_form.html", {"case": case, "form": form, "goal": None})


def _goal_for_work(request, pk) -> Goal:
    goal = selectors.goal_get(actor=request.actor, pk=pk)
    _case_for_work(request, goal.case_id)
    return goal


@role_required(*CASE_WORKERS)
def goal_update(request, pk: int):
    goal = _goal_for_work(request, pk)
    case = goal.case
    initial = {
        "domain": goal.domain, "wording": goal.wording, "agreed_with_client": goal.agreed_with_client,
        "target_date": goal.target_date, "status": goal.status, "version": goal.version,
    }
    form = GoalUpdateForm(request.POST or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.goal_update(actor=request.actor, goal=goal, expected_version=version, **data)
        except StaleRecordError as error:
            stale = error.current
            form.add_error(None, _("Someone else changed this goal in the meantime. Nothing was saved. The current version is shown below; send again to replace it with yours."))
            form.data = form.data.copy()
            form.data["version"] = stale.version
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Goal saved."))
            return redirect(f"{case_url(case)}#plan")
    return render(request, "cases/goal_form.html", {"case": case, "form": form, "goal": goal, "stale": stale})


@role_required(*CASE_WORKERS)
def measure_create(request, pk: int):
    goal = _goal_for_work(request, pk)
    form = MeasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_create(actor=request.actor, goal=goal, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Measure added."))
            return redirect(f"{case_url(goal.case)}#plan")
    return render(request, "cases/measure_form.html", {"case": goal.case, "goal": goal, "form": form})


@require_POST
@role_required(*CASE_WORKERS)
def measure_done(request, pk: int):
    measure = selectors.measure_get(actor=request.actor, pk=pk)
    _case_for_work(request, measure.goal.case_id)
    services.measure_set_done(actor=request.actor, measure=measure, done=request.POST.get("done") == "1")
    messages.success(request, _("Measure updated."))
    return redirect(f"{case_url(measure.goal.case)}#plan")


@role_required(*CASE_WORKERS)
def contact_create(request, pk: int):
    case = _case_for_work(request, pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_create(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Contact recorded."))
            return redirect(f"{case_url(case)}#contacts")
    return render(request, "cases/contact_form.html", {"case": case, "form": form})


def case_url(case) -> str:
    from django.urls import reverse

    return reverse("cases:case_detail", args=[case.pk])


# Coordination --------------------------------------------------------------------------------------------


@role_required(*COORDINATION)
def coordination_cases(request):
    from kim.accounts.models import District

    status = request.GET.get("status", "open")
    district = request.GET.get("district") or None
    rows = selectors.pseudonymised_cases(
        actor=request.actor, status=status if status in ("open", "", *CaseStatus.values) else "open",
        district_id=int(district) if district and district.isdigit() else None,
    )
    from kim.cases.models import LifeDomain

    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    page.object_list = [
        {
            **row,
            "status_label": CaseStatus(row["status"]).label,
            "domain_labels": [str(LifeDomain(d).label) for d in row["domains"] if d in LifeDomain.values],
        }
        for row in page.object_list
    ]
    return render(
        request,
        "cases/coordination_cases.html",
        {"page": page, "status": status, "district": district, "districts": District.objects.order_by("number"),
         "statuses": CaseStatus.choices},
    )


@role_required(*COORDINATION, Role.TEAM_LEAD)
def caseload(request):
    rows = selectors.caseload_figures(actor=request.actor)
    return render(request, "cases/caseload.html", {"rows": rows, "today": timezone.localdate()})
