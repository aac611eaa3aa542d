"""Writes to organisations, districts, users, memberships and staff profiles.

Every function checks that the actor may do it, runs in one transaction, validates with ``full_clean`` and
writes an audit entry. Views call these and nothing else to change data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kim.accounts.models import (
    District,
    DistrictArea,
    Membership,
    Organisation,
    Role,
    StaffProfile,
    User,
)
from kim.core.audit import audit_log
from kim.core.languages import normalise_language_codes
from kim.core.scoping import Actor

ORGANISATION_FIELDS = (
    "name",
    "short_name",
    "kind",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "provides_case_management",
    "is_active",
)


def _require_system_admin(actor: Actor) -> None:
    if not actor.is_system_admin:
        raise PermissionDenied


def _changes(instance, fields: dict) -> dict:
    """Which fields change, as {field: [old, new]} for the audit entry (staff data, not special category)."""
    changed = {}
    for name, value in fields.items():
        old = getattr(instance, name)
        if old != value:
            changed[name] = [str(old), str(value)]
    return changed


# Organisations -------------------------------------------------------------------------------------------


@transaction.atomic
def organisation_create(*, actor: Actor, **fields) -> Organisation:
    _require_system_admin(actor)
    organisation = Organisation(**{k: v for k, v in fields.items() if k in ORGANISATION_FIELDS})
    organisation.full_clean()
    organisation.save()
    audit_log(actor=actor, action="accounts.organisation.create", obj=organisation)
    return organisation


@transaction.atomic
def organisation_update(*, actor: Actor, organisation: Organisation, **fields) -> Organisation:
    _require_system_admin(actor)
    fields = {k: v for k, v in fields.items() if k in ORGANISATION_FIELDS}
    changes = _changes(organisation, fields)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    if changes:
        audit_log(
            actor=actor, action="accounts.organisation.update", obj=organisation, details={"changes": changes}
        )
    return organisation


# Districts -----------------------------------------------------------------------------------------------

_AREA_LINE = re.compile(r"^(?P<postcode>\d{5})(?:\s+(?P<street>.+))?$")


def parse_district_areas(text: str) -> list[tuple[str, str]]:
    """Parse one area per line: ``46045`` (whole postcode) or ``46045 Mülheimer Straße``.

    Raises ValidationError naming every line that is not of that form.
    """
    areas: list[tuple[str, str]] = []
    errors = []
    seen = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        match = _AREA_LINE.match(line)
        if not match:
            errors.append(
                _("Line %(number)d (“%(line)s”): start with a five-digit postcode, then the street if any.")
                % {"number": number, "line": line[:60]}
            )
            continue
        key = (match["postcode"], (match["street"] or "").strip())
        if (key[0], key[1].lower()) in seen:
            continue
        seen.add((key[0], key[1].lower()))
        areas.append(key)
    if errors:
        raise ValidationError(errors)
    return areas


def _check_area_conflicts(district: District | None, areas: Iterable[tuple[str, str]]) -> None:
    conflicts = []
    others = DistrictArea.objects.select_related("district")
    if district is not None and district.pk:
        others = others.exclude(district=district)
    taken = {(a.postcode, a.street.lower()): a.district for a in others}
    for postcode, street in areas:
        other = taken.get((postcode, street.lower()))
        if other is not None:
            conflicts.append(
                _("“%(area)s” already belongs to %(district)s.")
                % {"area": f"{postcode} {street}".strip(), "district": other.name}
            )
    if conflicts:
        raise ValidationError(conflicts)


@transaction.atomic
def district_save(
    *, actor: Actor, district: District | None, name: str, number: int, description: str, areas_text: str
) -> District:
    _require_system_admin(actor)
    areas = parse_district_areas(areas_text)
    _check_area_conflicts(district, areas)
    creating = district is None
    district = district or District()
    district.name, district.number, district.description = name, number, description
    district.full_clean()
    district.save()
    before = set(district.areas.values_list("postcode", "street"))
    district.areas.all().delete()
    DistrictArea.objects.bulk_create(
        [DistrictArea(district=district, postcode=postcode, street=street) for postcode, street in areas]
    )
    after = set(areas)
    audit_log(
        actor=actor,
        action="accounts.district.create" if creating else "accounts.district.update",
        obj=district,
        details={
            "areas_added": sorted(" ".join(a).strip() for a in after - before),
            "areas_removed": sorted(" ".join(a).strip() for a in before - after),
        },
    )
    return district


# Users ---------------------------------------------------------------------------------------------------


@transaction.atomic
def user_create(
    *,
    actor: Actor,
    email: str,
    first_name: str,
    last_name: str,
    organisation: Organisation | None = None,
    role: str | None = None,
    password: str | None = None,
    is_demo: bool = False,
) -> User:
    """Create a staff account; without a password the person sets one through the e-mailed link."""
    if not actor.is_system_admin and actor.user is not None:
        raise PermissionDenied
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip(), is_demo=is_demo)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    StaffProfile.objects.create(user=user)
    audit_log(actor=actor, action="accounts.user.create", obj=user, system="" if actor.user else "seed")
    if organisation is not None and role:
        membership_create(actor=actor, user=user, organisation=organisation, role=role)
    return user


@transaction.atomic
def user_update(*, actor: Actor, user: User, first_name: str, last_name: str, email: str) -> User:
    _require_system_admin(actor)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    fields = {"first_name": first_name.strip(), "last_name": last_name.strip(), "email": email}
    changes = _changes(user, fields)
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    if email != user.emailaddress_set.values_list("email", flat=True).first():
        user.emailaddress_set.all().delete()
    if changes:
        audit_log(actor=actor, action="accounts.user.update", obj=user, details={"changes": changes})
    return user


@transaction.atomic
def user_set_active(*, actor: Actor, user: User, active: bool) -> User:
    _require_system_admin(actor)
    if actor.user is not None and user.pk == actor.user.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        _end_sessions(user)
    audit_log(actor=actor, action="accounts.user.activate" if active else "accounts.user.deactivate", obj=user)
    return user


@transaction.atomic
def user_reset_second_factor(*, actor: Actor, user: User) -> int:
    """Remove a user's authenticators (lost phone); they must set up a new one at the next login."""
    _require_system_admin(actor)
    from allauth.mfa.models import Authenticator

    count, _detail = Authenticator.objects.filter(user=user).delete()
    _end_sessions(user)
    audit_log(actor=actor, action="accounts.user.reset_second_factor", obj=user, details={"removed": count})
    return count


def _end_sessions(user: User) -> int:
    from allauth.usersessions.models import UserSession

    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


@transaction.atomic
def user_logout_everywhere(*, actor: Actor) -> int:
    """End every session of the acting user, on every device, including this one."""
    count = _end_sessions(actor.user)
    audit_log(actor=actor, action="accounts.user.logout_everywhere", obj=actor.user, details={"sessions": count})
    return count


# Memberships ---------------------------------------------------------------------------------------------


@transaction.atomic
def membership_create(*, actor: Actor, user: User, organisation: Organisation, role: str) -> Membership:
    if actor.user is not None:
        _require_system_admin(actor)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    membership, created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    if not created:
        if membership.is_active:
            raise ValidationError(_("This person already has this role in this organisation."))
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="accounts.membership.create",
        obj=membership,
        details={"user": user.pk, "organisation": organisation.pk, "role": role},
        system="" if actor.user else "seed",
    )
    return membership


@transaction.atomic
def membership_end(*, actor: Actor, membership: Membership) -> Membership:
    _require_system_admin(actor)
    if (
        membership.role == Role.SYSTEM_ADMIN
        and not Membership.objects.active().filter(role=Role.SYSTEM_ADMIN).exclude(pk=membership.pk).exists()
    ):
        raise ValidationError(_("The last system administrator cannot be removed."))
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit_log(actor=actor, action="accounts.membership.end", obj=membership)
    return membership


# Staff profiles ------------------------------------------------------------------------------------------

def _may_edit_profile(actor: Actor, profile: StaffProfile) -> bool:
    if actor.user is None:
        return False
    if actor.user.pk == profile.user_id or actor.is_system_admin:
        return True
    return actor.role == Role.TEAM_LEAD and Membership.objects.active().filter(
        user_id=profile.user_id, organisation_id=actor.organisation_id
    ).exists()


PROFILE_FIELDS = ("job_title", "languages", "weekly_hours", "max_caseload", "phone", "is_published")


@transaction.atomic
def staff_profile_update(
    *, actor: Actor, profile: StaffProfile, districts: Iterable[District] | None = None, **fields
) -> StaffProfile:
    """Update a staff profile: the person themself, a system administrator, or the team lead of an
    organisation the person works for."""
    if not _may_edit_profile(actor, profile):
        raise PermissionDenied
    fields = {k: v for k, v in fields.items() if k in PROFILE_FIELDS}
    if "languages" in fields:
        fields["languages"] = normalise_language_codes(fields["languages"])
    changes = _changes(profile, fields)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    if districts is not None:
        new = sorted(d.pk for d in districts)
        old = sorted(profile.districts.values_list("pk", flat=True))
        if new != old:
            profile.districts.set(new)
            changes["districts"] = [old, new]
    if changes:
        audit_log(actor=actor, action="accounts.staff_profile.update", obj=profile, details={"changes": changes})
    return profile
