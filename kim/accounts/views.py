"""Staff administration area, own profile, security page, network overview and the lockout page.

Thin views: parse with a form, call one selector or service, render. System administrators manage
organisations, districts, users and memberships; team leads see their organisation's staff.
"""

from __future__ import annotations

from allauth.account.forms import ResetPasswordForm
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts import selectors, services
from kim.accounts.forms import (
    DistrictForm,
    MembershipForm,
    OrganisationFilterForm,
    OrganisationForm,
    StaffProfileForm,
    UserCreateForm,
    UserFilterForm,
    UserUpdateForm,
)
from kim.accounts.models import Role
from kim.core.access import membership_required, role_required
from kim.core.audit import audit_log


def apply_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors at the field, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Organisations -------------------------------------------------------------------------------------------


@role_required(Role.SYSTEM_ADMIN)
def organisation_list(request):
    filters = OrganisationFilterForm(request.GET or None)
    query = kind = ""
    if filters.is_valid():
        query, kind = filters.cleaned_data["q"], filters.cleaned_data["kind"]
    organisations = selectors.organisation_list(actor=request.actor, query=query, kind=kind)
    return render(
        request, "accounts/organisation_list.html", {"organisations": organisations, "filters": filters}
    )


@role_required(Role.SYSTEM_ADMIN)
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=request.actor, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Organisation “%(name)s” created.") % {"name": organisation.name})
            return redirect("accounts:organisation_detail", pk=organisation.pk)
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": None})


@role_required(Role.SYSTEM_ADMIN)
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_get(actor=request.actor, pk=pk)
    staff = selectors.staff_of_organisation(actor=request.actor, organisation_id=organisation.pk)
    return render(request, "accounts/organisation_detail.html", {"organisation": organisation, "staff": staff})


@role_required(Role.SYSTEM_ADMIN)
def organisation_update(request, pk: int):
    organisation = selectors.organisation_get(actor=request.actor, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        # The ModelForm has copied the values onto the instance; the service validates and saves them.
        data = form.cleaned_data
        organisation.refresh_from_db()
        try:
            services.organisation_update(actor=request.actor, organisation=organisation, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("accounts:organisation_detail", pk=organisation.pk)
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": organisation})


# Districts -----------------------------------------------------------------------------------------------


@role_required(Role.SYSTEM_ADMIN, Role.COORDINATOR)
def district_list(request):
    return render(request, "accounts/district_list.html", {"districts": selectors.district_list()})


def _district_form_view(request, district=None):
    initial = None
    if district is not None:
        initial = {
            "name": district.name,
            "number": district.number,
            "description": district.description,
            "areas": "\n".join(str(area) for area in district.areas.all()),
        }
    form = DistrictForm(request.POST or None, initial=initial, district=district)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            district = services.district_save(
                actor=request.actor,
                district=district,
                name=data["name"],
                number=data["number"],
                description=data["description"],
                areas_text=data["areas"],
            )
        except ValidationError as error:
            form.add_error("areas" if not hasattr(error, "error_dict") else None, error)
        else:
            messages.success(request, _("District “%(name)s” saved.") % {"name": district.name})
            return redirect("accounts:district_list")
    return render(request, "accounts/district_form.html", {"form": form, "district": district})


@role_required(Role.SYSTEM_ADMIN)
def district_create(request):
    return _district_form_view(request)


@role_required(Role.SYSTEM_ADMIN)
def district_update(request, pk: int):
    return _district_form_view(request, selectors.district_get(pk=pk))


# Users ---------------------------------------------------------------------------------------------------


@role_required(Role.SYSTEM_ADMIN)
def user_list(request):
    filters = UserFilterForm(request.GET or None)
    query, organisation = "", None
    if filters.is_valid():
        query, organisation = filters.cleaned_data["q"], filters.cleaned_data["organisation"]
    users = selectors.user_list(
        actor=request.actor, query=query, organisation_id=organisation.pk if organisation else None
    )
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "filters": filters})


@role_required(Role.SYSTEM_ADMIN)
def user_create(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.actor,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                organisation=data["organisation"],
                role=data["role"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if data["send_invitation"]:
                _send_password_link(request, user)
            messages.success(request, _("Account for %(name)s created.") % {"name": user.get_full_name()})
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "account": None})


def _send_password_link(request, user) -> None:
    reset = ResetPasswordForm(data={"email": user.email})
    if reset.is_valid():
        reset.save(request)


@role_required(Role.SYSTEM_ADMIN)
def user_detail(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    audit_log(actor=request.actor, action="accounts.user.view", obj=account)
    memberships = account.memberships.select_related("organisation").order_by("-is_active", "organisation__name")
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "memberships": memberships,
            "membership_form": MembershipForm(),
            "has_second_factor": selectors.user_has_second_factor(account),
            "profile": selectors.staff_profile_for_user(account),
        },
    )


@role_required(Role.SYSTEM_ADMIN)
def user_update(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    form = UserUpdateForm(
        request.POST or None,
        initial={"first_name": account.first_name, "last_name": account.last_name, "email": account.email},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.actor, user=account, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("accounts:user_detail", pk=account.pk)
    return render(request, "accounts/user_form.html", {"form": form, "account": account})


@require_POST
@role_required(Role.SYSTEM_ADMIN)
def user_set_active(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(actor=request.actor, user=account, active=active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Account activated.") if active else _("Account deactivated."))
    return redirect("accounts:user_detail", pk=account.pk)


@require_POST
@role_required(Role.SYSTEM_ADMIN)
def user_reset_second_factor(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    services.user_reset_second_factor(actor=request.actor, user=account)
    messages.success(
        request, _("Second factor removed. %(name)s sets up a new one at the next login.") % {"name": account}
    )
    return redirect("accounts:user_detail", pk=account.pk)


@require_POST
@role_required(Role.SYSTEM_ADMIN)
def user_send_password_link(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    _send_password_link(request, account)
    audit_log(actor=request.actor, action="accounts.user.password_link", obj=account)
    messages.success(request, _("A link to set the password was sent to %(email)s.") % {"email": account.email})
    return redirect("accounts:user_detail", pk=account.pk)


@require_POST
@role_required(Role.SYSTEM_ADMIN)
def membership_create(request, pk: int):
    account = selectors.user_get(actor=request.actor, pk=pk)
    form = MembershipForm(request.POST)
    if form.is_valid():
        try:
            services.membership_create(actor=request.actor, user=account, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Role added."))
    else:
        messages.error(request, _("Choose an organisation and a role."))
    return redirect("accounts:user_detail", pk=account.pk)


@require_POST
@role_required(Role.SYSTEM_ADMIN)
def membership_end(request, pk: int):
    membership = selectors.membership_get(actor=request.actor, pk=pk)
    try:
        services.membership_end(actor=request.actor, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Role ended."))
    return redirect("accounts:user_detail", pk=membership.user_id)


# Team lead: the organisation's staff ---------------------------------------------------------------------


@role_required(Role.TEAM_LEAD)
def team(request):
    staff = selectors.staff_of_organisation(actor=request.actor)
    audit_log(actor=request.actor, action="accounts.team.view", obj=request.actor.organisation)
    return render(request, "accounts/team.html", {"staff": staff, "organisation": request.actor.organisation})


@role_required(Role.COORDINATOR, Role.ADMIN_ASSISTANT)
def network(request):
    """Case managers of all organisations by district and language: who can take which request."""
    case_managers = list(selectors.case_managers_overview())
    districts = list(selectors.district_list())
    coverage = []
    for district in districts:
        in_district = [m for m in case_managers if district in m.user.staff_profile.districts.all()]
        languages = sorted({code for m in in_district for code in m.user.staff_profile.languages})
        coverage.append({"district": district, "case_managers": in_district, "languages": languages})
    return render(
        request,
        "accounts/network.html",
        {
            "case_managers": case_managers,
            "coverage": coverage,
            "organisations": selectors.organisations_all(),
            "contact_point": selectors.central_contact_point(),
        },
    )


# Own profile and security --------------------------------------------------------------------------------


@membership_required
def profile(request):
    return _profile_form(request, request.user, own=True)


@role_required(Role.SYSTEM_ADMIN, Role.TEAM_LEAD)
def staff_profile_update(request, pk: int):
    """A system administrator or the person's team lead edits a staff profile (e.g. the caseload)."""
    account = selectors.user_get(actor=request.actor, pk=pk)
    return _profile_form(request, account, own=False)


def _profile_form(request, account, *, own: bool):
    staff_profile = selectors.staff_profile_for_user(account)
    form = StaffProfileForm(request.POST or None, instance=staff_profile)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        districts = data.pop("districts")
        staff_profile.refresh_from_db()
        try:
            services.staff_profile_update(
                actor=request.actor, profile=staff_profile, districts=districts, **data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if own:
                messages.success(request, _("Your profile has been saved."))
                return redirect("accounts:profile")
            messages.success(request, _("The profile of %(name)s has been saved.") % {"name": account})
            return redirect("accounts:team" if request.actor.role == Role.TEAM_LEAD else "accounts:user_detail",
                            **({} if request.actor.role == Role.TEAM_LEAD else {"pk": account.pk}))
    return render(request, "accounts/profile.html", {"form": form, "account": None if own else account})


@membership_required
def security(request):
    from allauth.usersessions.models import UserSession

    sessions = UserSession.objects.filter(user=request.user).order_by("-last_seen_at")
    return render(
        request,
        "accounts/security.html",
        {
            "has_second_factor": selectors.user_has_second_factor(request.user),
            "sessions": sessions,
            "current_session_key": request.session.session_key,
        },
    )


@require_POST
def logout_everywhere(request):
    if not request.user.is_authenticated:
        return redirect("account_login")
    services.user_logout_everywhere(actor=request.actor)
    logout(request)
    messages.success(request, _("You have been logged out on all devices."))
    return redirect("account_login")


def lockout(request, *args, **kwargs):
    """Shown by django-axes after too many failed logins (status 403)."""
    from django.conf import settings

    # A plain rendered response: axes returns it from middleware, after the template-response phase.
    return render(
        request,
        "account/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_hours_int": max(1, round(float(settings.AXES_COOLOFF_TIME or 1))),
        },
        status=403,
    )
