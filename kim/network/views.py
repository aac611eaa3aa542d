"""Structural barriers: the report form on a case and the coordination's backlog."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.cases.selectors import case_get
from kim.core.access import role_required
from kim.network import selectors, services
from kim.network.forms import BarrierFilterForm, BarrierForm, BarrierUpdateForm


@role_required(Role.CASE_MANAGER, Role.TEAM_LEAD)
def barrier_create(request, case_pk: int):
    case = case_get(actor=request.actor, pk=case_pk)
    form = BarrierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.barrier_report(actor=request.actor, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the barrier is in the coordination's backlog."))
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "network/barrier_form.html", {"case": case, "form": form})


@role_required(Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.CASE_MANAGER, Role.TEAM_LEAD)
def barrier_list(request):
    filters = BarrierFilterForm(request.GET or None)
    status = category = ""
    if filters.is_valid():
        status, category = filters.cleaned_data["status"], filters.cleaned_data["category"]
    return render(
        request,
        "network/barrier_list.html",
        {
            "barriers": selectors.barrier_backlog(actor=request.actor, status=status, category=category),
            "counts": selectors.barrier_counts_by_category(actor=request.actor),
            "filters": filters,
        },
    )


@role_required(Role.COORDINATOR)
def barrier_update(request, pk: int):
    barrier = selectors.barrier_get(actor=request.actor, pk=pk)
    form = BarrierUpdateForm(request.POST or None, initial={"status": barrier.status, "note": barrier.coordination_note})
    if request.method == "POST" and form.is_valid():
        try:
            services.barrier_update(actor=request.actor, barrier=barrier, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Barrier updated."))
            return redirect("network:barrier_list")
    return render(request, "network/barrier_update.html", {"barrier": barrier, "form": form})
