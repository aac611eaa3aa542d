"""The residence screening page (kim.residence.screening): candidates per route in the actor's scope."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kim.core.access import role_required
from kim.residence import screening
from kim.residence.precheck import ROUTES
from kim.residence.views import ROUTE_LABELS


class ScreeningFilterForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Route"),
        required=False,
        choices=[("", _("all")), *[(r, ROUTE_LABELS.get(r, r)) for r in ROUTES]],
    )
    outcome = forms.ChoiceField(
        label=_("Result"),
        required=False,
        choices=[("", _("all")), *screening.SCREENING_OUTCOME_LABELS.items()],
    )


@role_required(*screening.SCREENING_ROLES)
def screening_page(request):
    form = ScreeningFilterForm(request.GET or None)
    result = None
    if not form.is_bound:
        result = screening.screen(actor=request.actor)
    elif form.is_valid():
        data = form.cleaned_data
        result = screening.screen(actor=request.actor, route=data["route"], outcome=data["outcome"])
    return render(
        request,
        "residence/screening.html",
        {
            "form": form,
            "screening": result,
            "filtered": form.is_bound,
            "outcome_labels": list(screening.SCREENING_OUTCOME_LABELS.values()),
            "is_authority": request.actor.role == "authority_staff",
        },
    )
