"""Start page per role, membership switch, audit log view, health check and the styled error pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kim.accounts import selectors as account_selectors
from kim.accounts.models import Role, User
from kim.core.access import membership_required, role_required
from kim.core.forms import DateInput
from kim.core.middleware import SESSION_MEMBERSHIP_KEY
from kim.core.selectors import audit_events


def home(request):
    """The start page of the active role; anonymous visitors get the public portal in their language."""
    if not request.user.is_authenticated:
        from kim.portal.views import root_redirect

        return root_redirect(request)
    return _start_page(request)


@membership_required
def _start_page(request):
    actor = request.actor
    profile = account_selectors.staff_profile_for_user(request.user)
    context = {"profile": profile, "role": actor.role}
    if actor.role in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        context["profile_gaps"] = [
            label
            for missing, label in (
                (not profile.languages, _("the languages you counsel in")),
                (not profile.districts.exists(), _("your districts")),
                (profile.max_caseload is None, _("your maximum caseload")),
            )
            if missing
        ]
    if actor.role == Role.CASE_MANAGER:
        from kim.cases.selectors import incoming_transfers, request_queue
        from kim.scheduling.selectors import my_week_context

        context.update(my_week_context(actor))
        context["assigned_requests"] = request_queue(actor=actor, status="assigned")
        context["incoming_transfers"] = incoming_transfers(actor=actor)
    if actor.role == Role.TEAM_LEAD:
        context["staff"] = account_selectors.staff_of_organisation(actor=actor)
    if actor.role in (Role.COORDINATOR, Role.ADMIN_ASSISTANT):
        from kim.cases.selectors import request_queue, waiting_days

        open_requests = list(request_queue(actor=actor, status="open")[:10])
        context["open_requests"] = [{"request": r, "waiting_days": waiting_days(r)} for r in open_requests]
        context["contact_point"] = account_selectors.central_contact_point()
        context["case_manager_count"] = account_selectors.case_managers_overview().count()
    if actor.role == Role.SYSTEM_ADMIN:
        context["counts"] = {
            "organisations": account_selectors.organisations_all().count(),
            "users": account_selectors.active_user_count(),
            "districts": account_selectors.district_list().count(),
        }
        context["recent_events"] = audit_events()[:8]
    return render(request, "core/home.html", context)


@require_POST
@membership_required
def switch_membership(request):
    """Make another of the user's memberships the active one (organisation and role)."""
    wanted = request.POST.get("membership")
    for membership in account_selectors.memberships_for_user(request.user):
        if str(membership.pk) == wanted:
            request.session[SESSION_MEMBERSHIP_KEY] = membership.pk
            messages.success(
                request,
                _("You now work as %(role)s at %(organisation)s.")
                % {"role": membership.get_role_display(), "organisation": membership.organisation},
            )
            break
    else:
        messages.error(request, _("This role is not available to you."))
    return redirect("core:home")


class AuditFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label=gettext_lazy("Person"), required=False, queryset=User.objects.none(), empty_label=gettext_lazy("All")
    )
    object_type = forms.CharField(label=gettext_lazy("Object type"), required=False, max_length=80)
    object_id = forms.CharField(label=gettext_lazy("Object id"), required=False, max_length=64)
    date_from = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.order_by("last_name", "first_name")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


@role_required(Role.SYSTEM_ADMIN)
def audit_list(request):
    """The audit log for system administrators, filtered by person, object and date. Read-only."""
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        events = audit_events(**form.cleaned_data)
    else:
        events = audit_events() if not request.GET else audit_events().none()
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/audit_list.html", {"form": form, "page": page, "query": query.urlencode()})


def healthz(request):
    """For the load balancer: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error"}, status=503)
    return JsonResponse({"status": "ok"})


def favicon(request):
    from django.templatetags.static import static

    return redirect(static("kim/favicon.svg"), permanent=True)


def robots(request):
    """The public portal may be crawled, the staff platform not (kim.portal.seo)."""
    from kim.portal.seo import robots_txt

    return HttpResponse(robots_txt(), content_type="text/plain; charset=utf-8")


# Error pages: styled, in the user's language, and they never change anything. ----------------------------


def error_400(request, exception=None):
    return render(request, "errors/400.html", status=400)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors that touch the database: the error may be the database.
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    return render(request, "errors/403_csrf.html", {"back": back}, status=403)
