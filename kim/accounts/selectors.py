"""Reads of organisations, districts, users, memberships and profiles, scoped to the acting membership."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Lower

from kim.accounts.models import (
    ContactPoint,
    District,
    DistrictArea,
    Membership,
    Organisation,
    Role,
    StaffProfile,
    User,
)
from kim.core.scoping import Actor, get_for_actor_or_404

# Which membership becomes active first when a user has several: the most specific daily role wins.
_ROLE_ORDER = [
    Role.CASE_MANAGER,
    Role.TEAM_LEAD,
    Role.COORDINATOR,
    Role.ADMIN_ASSISTANT,
    Role.AUTHORITY_STAFF,
    Role.SYSTEM_ADMIN,
]


def memberships_for_user(user: User) -> list[Membership]:
    memberships = list(Membership.objects.active().filter(user=user).select_related("organisation"))
    memberships.sort(key=lambda m: (_ROLE_ORDER.index(m.role), m.organisation.name))
    return memberships


def membership_for_session(user: User, membership_id: int | None) -> Membership | None:
    memberships = memberships_for_user(user)
    for membership in memberships:
        if membership.pk == membership_id:
            return membership
    return memberships[0] if memberships else None


def user_has_second_factor(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


# Organisations -------------------------------------------------------------------------------------------


def organisation_list(*, actor: Actor, query: str = "", kind: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.for_actor(actor).annotate(
        member_count=Count("memberships", filter=Q(memberships__is_active=True), distinct=True)
    )
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")


def organisation_get(*, actor: Actor, pk: int) -> Organisation:
    return get_for_actor_or_404(Organisation.objects.all(), actor, pk=pk)


def organisations_all() -> QuerySet[Organisation]:
    """Every active organisation: names and kinds of the network are not personal data."""
    return Organisation.objects.filter(is_active=True).order_by("name")


# Districts -----------------------------------------------------------------------------------------------


def district_list() -> QuerySet[District]:
    return District.objects.prefetch_related(
        Prefetch("areas", queryset=DistrictArea.objects.order_by("postcode", "street"))
    ).annotate(staff_count=Count("staff_profiles", distinct=True))


def district_get(*, pk: int) -> District:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(District, pk=pk)


def district_for_address(*, postcode: str, street: str = "") -> District | None:
    """The Sozialraum of an address: a street row wins over the row for the whole postcode."""
    postcode = (postcode or "").strip()
    street_norm = normalise_street(street)
    areas = list(DistrictArea.objects.filter(postcode=postcode).select_related("district"))
    if street_norm:
        for area in areas:
            if area.street and normalise_street(area.street) == street_norm:
                return area.district
    whole = [a for a in areas if not a.street]
    return whole[0].district if whole else None


def normalise_street(street: str) -> str:
    s = (street or "").strip().lower()
    s = s.replace("ß", "ss")
    for suffix in ("strasse", "str.", "str"):
        if s.endswith(suffix):
            s = s[: -len(suffix)] + "strasse"
            break
    return " ".join(s.replace("-", " ").split())


# Users and memberships -----------------------------------------------------------------------------------


def user_list(*, actor: Actor, query: str = "", organisation_id: int | None = None) -> QuerySet[User]:
    qs = User.objects.for_actor(actor)
    if query:
        qs = qs.filter(
            Q(first_name__icontains=query) | Q(last_name__icontains=query) | Q(email__icontains=query)
        )
    if organisation_id:
        qs = qs.filter(memberships__organisation_id=organisation_id)
    return (
        qs.distinct()
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organisation").order_by("organisation__name"),
            )
        )
        .order_by(Lower("last_name"), Lower("first_name"))
    )


def user_get(*, actor: Actor, pk: int) -> User:
    return get_for_actor_or_404(User.objects.select_related("staff_profile"), actor, pk=pk)


def active_user_count() -> int:
    return User.objects.filter(is_active=True).count()


def membership_get(*, actor: Actor, pk: int) -> Membership:
    return get_for_actor_or_404(Membership.objects.select_related("user", "organisation"), actor, pk=pk)


def staff_of_organisation(*, actor: Actor, organisation_id: int | None = None) -> QuerySet[Membership]:
    """The memberships of one organisation with the staff profiles, for team leads and administrators."""
    organisation_id = organisation_id or actor.organisation_id
    qs = Membership.objects.for_actor(actor).active().filter(organisation_id=organisation_id)
    return qs.select_related("user", "user__staff_profile", "organisation").prefetch_related(
        "user__staff_profile__districts"
    ).order_by(Lower("user__last_name"), Lower("user__first_name"), "role")


def staff_profile_for_user(user: User) -> StaffProfile:
    profile, _created = StaffProfile.objects.get_or_create(user=user)
    return profile


def case_managers_overview() -> QuerySet[Membership]:
    """Every active case manager of the network with profile and districts (coordination overview)."""
    return (
        Membership.objects.active()
        .filter(role=Role.CASE_MANAGER)
        .select_related("user", "user__staff_profile", "organisation")
        .prefetch_related("user__staff_profile__districts")
        .order_by("organisation__name", Lower("user__last_name"))
    )


def central_contact_point() -> ContactPoint | None:
    return ContactPoint.objects.filter(is_central=True).prefetch_related("opening_hours").first()
