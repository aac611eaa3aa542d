"""Week calendar, appointments, deadlines, calendar subscriptions and the iCalendar feed."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.core.access import role_required
from kim.core.concurrency import StaleRecordError
from kim.scheduling import selectors, services
from kim.scheduling.dates import iso_week, parse_iso_week, week_start
from kim.scheduling.forms import SERVICE_FIELD_TO_FORM, AppointmentForm, DeadlineForm, FeedTokenForm
from kim.scheduling.ical import build_feed
from kim.scheduling.week import build_week

CALENDAR_ROLES = selectors.CALENDAR_ROLES


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        error = ValidationError({SERVICE_FIELD_TO_FORM.get(k, k): v for k, v in error.error_dict.items()})
    apply_service_errors(form, error)


def _warn_overlaps(request, overlaps) -> None:
    if overlaps:
        times = ", ".join(
            f"{date_format(timezone.localtime(a.starts_at), 'SHORT_DATE_FORMAT')} "
            f"{timezone.localtime(a.starts_at):%H:%M}–{timezone.localtime(a.ends_at):%H:%M} {a.title}"
            for a in overlaps
        )
        messages.warning(request, _("This appointment overlaps with: %(list)s") % {"list": times})


def _week_url(owner, actor, day: dt.date) -> str:
    if owner.pk == actor.user.pk:
        url = reverse("scheduling:calendar")
    else:
        url = reverse("scheduling:calendar_user", kwargs={"user_pk": owner.pk})
    return f"{url}?woche={iso_week(day)}"


# Week calendar -------------------------------------------------------------------------------------------


def _calendar(request, owner):
    actor = request.actor
    today = timezone.localdate()
    start = parse_iso_week(request.GET.get("woche")) or week_start(today)
    appointments = selectors.appointments_in_week(actor, owner, start)
    deadlines = selectors.deadlines_in_week(actor, owner, start)
    base = request.path
    context = {
        "owner": owner,
        "is_own": owner.pk == actor.user.pk,
        "week_start": start,
        "week_end": start + dt.timedelta(days=6),
        "week_label": iso_week(start),
        "prev_url": f"{base}?woche={iso_week(start - dt.timedelta(days=7))}",
        "next_url": f"{base}?woche={iso_week(start + dt.timedelta(days=7))}",
        "this_week_url": base,
        "is_this_week": start == week_start(today),
        "week": build_week(start, appointments, deadlines, today),
        "appointment_count": len(appointments),
        "people": list(selectors.calendar_people(actor=actor)) if actor.role == Role.TEAM_LEAD else [],
    }
    return render(request, "scheduling/calendar.html", context)


@role_required(*CALENDAR_ROLES)
def calendar(request):
    """The actor's own week; a team lead may pick a colleague (``?person=``) and is sent to their calendar."""
    person = request.GET.get("person")
    if person and request.actor.role == Role.TEAM_LEAD:
        owner = selectors.calendar_person_get(actor=request.actor, user_pk=person)
        if owner.pk != request.user.pk:
            url = reverse("scheduling:calendar_user", kwargs={"user_pk": owner.pk})
            week = parse_iso_week(request.GET.get("woche"))
            return redirect(f"{url}?woche={iso_week(week)}" if week else url)
    return _calendar(request, request.user)


@role_required(*CALENDAR_ROLES)
def calendar_user(request, user_pk: int):
    owner = selectors.calendar_person_get(actor=request.actor, user_pk=user_pk)
    return _calendar(request, owner)


# Appointments --------------------------------------------------------------------------------------------


def _appointment_form_view(request, *, case=None):
    actor = request.actor
    initial = {"kind": "client"}
    if case is not None:
        initial["case"] = case.pk
        initial["owner"] = case.case_manager_id
    elif actor.role == Role.TEAM_LEAD and request.GET.get("person", "").isdigit():
        initial["owner"] = int(request.GET["person"])
    else:
        initial["owner"] = actor.user.pk
    try:
        initial["day"] = dt.date.fromisoformat(request.GET.get("datum", ""))
    except ValueError:
        initial["day"] = timezone.localdate()
    form = AppointmentForm(request.POST or None, initial=initial, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            appointment, overlaps = services.appointment_create(actor=actor, **form.service_fields())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Appointment saved."))
            _warn_overlaps(request, overlaps)
            return redirect(_week_url(appointment.owner, actor, timezone.localdate(appointment.starts_at)))
    return render(
        request, "scheduling/appointment_form.html", {"form": form, "appointment": None, "case": case}
    )


@role_required(*CALENDAR_ROLES)
def appointment_create(request):
    return _appointment_form_view(request)


@role_required(*CALENDAR_ROLES)
def case_appointment_create(request, case_pk: int):
    case = selectors.case_get(actor=request.actor, pk=case_pk)
    return _appointment_form_view(request, case=case)


@role_required(*CALENDAR_ROLES)
def appointment_detail(request, pk: int):
    appointment = selectors.appointment_get(actor=request.actor, pk=pk)
    return render(
        request,
        "scheduling/appointment_detail.html",
        {
            "appointment": appointment,
            "week_url": _week_url(
                appointment.owner, request.actor, timezone.localdate(appointment.starts_at)
            ),
        },
    )


@role_required(*CALENDAR_ROLES)
def appointment_update(request, pk: int):
    actor = request.actor
    appointment = selectors.appointment_get(actor=actor, pk=pk)
    if appointment.is_cancelled:
        messages.error(request, _("This appointment was cancelled and can no longer be changed."))
        return redirect("scheduling:appointment_detail", pk=pk)
    form = AppointmentForm(
        request.POST or None, initial=AppointmentForm.initial_for(appointment), actor=actor
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data.get("version") or appointment.version
        try:
            appointment, overlaps = services.appointment_update(
                actor=actor, appointment=appointment, expected_version=version, **form.service_fields()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        except StaleRecordError as error:
            # Someone saved in the meantime: nothing was written. Show their values beside the user's input;
            # the form now carries their version, so saving again deliberately replaces it.
            stale = selectors.appointment_get(actor=actor, pk=error.current.pk)
            data = request.POST.copy()
            data["version"] = stale.version
            form = AppointmentForm(data, actor=actor)
            form.is_valid()
        else:
            messages.success(request, _("Changes saved."))
            _warn_overlaps(request, overlaps)
            return redirect(_week_url(appointment.owner, actor, timezone.localdate(appointment.starts_at)))
    return render(
        request,
        "scheduling/appointment_form.html",
        {"form": form, "appointment": appointment, "stale": stale},
    )


@require_POST
@role_required(*CALENDAR_ROLES)
def appointment_cancel(request, pk: int):
    appointment = selectors.appointment_get(actor=request.actor, pk=pk)
    try:
        services.appointment_cancel(actor=request.actor, appointment=appointment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Appointment cancelled."))
    return redirect(_week_url(appointment.owner, request.actor, timezone.localdate(appointment.starts_at)))


# Deadlines -----------------------------------------------------------------------------------------------


@role_required(*CALENDAR_ROLES)
def deadline_list(request):
    done = request.GET.get("status") == "erledigt"
    deadlines = list(selectors.deadline_list(actor=request.actor, done=done))
    return render(
        request,
        "scheduling/deadline_list.html",
        {
            "deadlines": deadlines,
            "done": done,
            "today": timezone.localdate(),
            "show_responsible": request.actor.role == Role.TEAM_LEAD,
        },
    )


@role_required(*CALENDAR_ROLES)
def deadline_create(request):
    actor = request.actor
    form = DeadlineForm(request.POST or None, initial={"responsible": actor.user.pk}, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.deadline_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Deadline saved."))
            return redirect("scheduling:deadline_list")
    return render(request, "scheduling/deadline_form.html", {"form": form})


def _back_to_deadlines(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("scheduling:deadline_list")


@require_POST
@role_required(*CALENDAR_ROLES)
def deadline_complete(request, pk: int):
    deadline = selectors.deadline_get(actor=request.actor, pk=pk)
    try:
        services.deadline_complete(actor=request.actor, deadline=deadline)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Deadline marked as done."))
    return _back_to_deadlines(request)


@require_POST
@role_required(*CALENDAR_ROLES)
def deadline_reopen(request, pk: int):
    deadline = selectors.deadline_get(actor=request.actor, pk=pk)
    try:
        services.deadline_reopen(actor=request.actor, deadline=deadline)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Deadline reopened."))
    return _back_to_deadlines(request)


# Calendar subscriptions ----------------------------------------------------------------------------------


def _feed_url(request, raw: str) -> str:
    return request.build_absolute_uri(reverse("scheduling:feed", kwargs={"token": raw}))


@never_cache
@role_required(*CALENDAR_ROLES)
def feed_settings(request):
    """List the subscriptions; POST makes a new one and shows its address this once (it is not stored)."""
    form = FeedTokenForm(request.POST or None)
    new_url = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = services.feed_token_create(actor=request.actor, label=form.cleaned_data["label"])
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            new_url = _feed_url(request, raw)
            form = FeedTokenForm()
    context = {
        "form": form,
        "tokens": list(selectors.feed_tokens(actor=request.actor)),
        "new_url": new_url,
        "new_webcal_url": new_url.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1)
        if new_url
        else None,
    }
    return render(request, "scheduling/feed_settings.html", context)


@require_POST
@role_required(*CALENDAR_ROLES)
def feed_token_revoke(request, pk: int):
    token = selectors.feed_token_get(actor=request.actor, pk=pk)
    services.feed_token_revoke(actor=request.actor, token=token)
    messages.success(
        request, _("The subscription was revoked. Calendar apps using its address get nothing any more.")
    )
    return redirect("scheduling:feed_settings")


@require_GET
def feed(request, token: str):
    """The iCalendar feed behind a secret address: no login (calendar apps cannot log in); unknown or
    revoked tokens answer 404."""
    feed_token = selectors.feed_token_lookup(token)
    appointments, deadlines = selectors.feed_entries(feed_token.user)
    services.feed_token_touch(feed_token)

    def detail_url(kind: str, pk: int) -> str:
        if kind == "appointment":
            return request.build_absolute_uri(reverse("scheduling:appointment_detail", kwargs={"pk": pk}))
        return request.build_absolute_uri(reverse("scheduling:deadline_list")) + f"#deadline-{pk}"

    body = build_feed(
        appointments=appointments, deadlines=deadlines, detail_url=detail_url, host=request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kim.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
