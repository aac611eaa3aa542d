"""Back office of the coordination: weekly opening hours and exceptions (closed days, special hours)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import ContactPoint, OpeningHoursException
from kim.accounts.views import apply_service_errors
from kim.core.access import role_required
from kim.core.concurrency import StaleRecordError
from kim.portal import opening_hours
from kim.portal import opening_hours_services as services
from kim.portal.opening_hours_forms import ExceptionForm, WeeklyHoursForm

COORDINATION = services.COORDINATION
PAST_SHOWN = 10


def _locale() -> str:
    return (get_language() or "de").split("-")[0]


@role_required(*COORDINATION)
def overview(request):
    locale = _locale()
    today = timezone.now().astimezone(opening_hours.BERLIN).date()
    points = []
    for point in ContactPoint.objects.select_related("organisation").prefetch_related("opening_hours"):
        schedule = opening_hours.schedule_for(point, language=locale)
        status = schedule.status()
        exceptions = OpeningHoursException.objects.filter(contact_point=point)
        points.append(
            {
                "point": point,
                "status_text": opening_hours.status_sentence(status, locale) if schedule.has_hours else "",
                "week": [
                    (opening_hours.weekday_name(weekday, locale), opening_hours.describe_slots(slots, locale))
                    for weekday, slots in schedule.week()
                ],
                "current": exceptions.filter(ends_on__gte=today).order_by("starts_on"),
                "past": exceptions.filter(ends_on__lt=today).order_by("-starts_on")[:PAST_SHOWN],
                "holidays": [
                    (opening_hours.format_day(day.date, locale), day.holiday)
                    for day in schedule.upcoming(today, 120)
                    if day.holiday and day.exception is None
                ],
            }
        )
    return render(request, "portal/contact/admin_hours.html", {"points": points})


@role_required(*COORDINATION)
def exception_create(request, point_pk: int):
    point = get_object_or_404(ContactPoint, pk=point_pk)
    form = ExceptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.exception_create(actor=request.actor, contact_point=point, **form.service_values())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The exception to the opening hours was saved."))
            return redirect("portal_hours:overview")
    return render(request, "portal/contact/admin_exception_form.html", {"form": form, "point": point})


@role_required(*COORDINATION)
def exception_update(request, pk: int):
    exception = get_object_or_404(OpeningHoursException.objects.select_related("contact_point"), pk=pk)
    form = ExceptionForm(request.POST or None, initial=ExceptionForm.initial_for(exception))
    context = {"form": form, "point": exception.contact_point, "exception": exception}
    if request.method == "POST" and form.is_valid():
        try:
            services.exception_update(
                actor=request.actor,
                exception=exception,
                expected_version=form.cleaned_data["version"] or 0,
                **form.service_values(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except StaleRecordError as stale:
            context["stale"] = stale.current
            form.add_error(
                None,
                _(
                    "Someone else changed this exception in the meantime. Nothing was saved. Check the current "
                    "state below and send again."
                ),
            )
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
        else:
            messages.success(request, _("The exception to the opening hours was saved."))
            return redirect("portal_hours:overview")
    return render(request, "portal/contact/admin_exception_form.html", context)


@require_POST
@role_required(*COORDINATION)
def exception_delete(request, pk: int):
    exception = get_object_or_404(OpeningHoursException, pk=pk)
    services.exception_delete(actor=request.actor, exception=exception)
    messages.success(request, _("The exception to the opening hours was deleted."))
    return redirect("portal_hours:overview")


@role_required(*COORDINATION)
def weekly_hours(request, point_pk: int):
    point = get_object_or_404(ContactPoint, pk=point_pk)
    fingerprint = services.weekly_fingerprint(point)
    form = WeeklyHoursForm(request.POST or None, initial=WeeklyHoursForm.initial_from(point, fingerprint))
    context = {"form": form, "point": point}
    if request.method == "POST" and form.is_valid():
        try:
            services.weekly_hours_replace(
                actor=request.actor,
                contact_point=point,
                slots=form.slots(),
                based_on=form.cleaned_data["based_on"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except StaleRecordError as stale:
            locale = _locale()
            context["stale"] = [
                (opening_hours.weekday_name(row.weekday, locale), row.opens, row.closes)
                for row in stale.current
            ]
            form.add_error(
                None,
                _(
                    "Someone else changed the weekly hours in the meantime. Nothing was saved. Check the current "
                    "hours below and send again."
                ),
            )
            form.data = form.data.copy()
            form.data["based_on"] = services.weekly_fingerprint(point)
        else:
            messages.success(request, _("The weekly opening hours were saved."))
            return redirect("portal_hours:overview")
    return render(request, "portal/contact/admin_weekly_hours.html", context)
