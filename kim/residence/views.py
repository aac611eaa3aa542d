"""The residence-status timeline of a client: add, edit, delete (the timeline itself is on the client page)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.clients.selectors import client_get
from kim.core.access import role_required
from kim.residence import selectors, services
from kim.residence.forms import ResidenceStatusForm

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
