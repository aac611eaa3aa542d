"""Keep cached public pages true to the staff data they show.

The staff directory, the responsibility finder and the contact page show data that kim.accounts owns and
writes (profiles, districts and their streets, organisations, contact points, opening hours). Every save or
delete of such a row bumps the portal's content generation (kim.portal.cache) in the same transaction, so a
profile that is unpublished, or a closed day that is entered, is never served from a stale cached page –
whatever process or cache backend holds it. Logins (which save ``last_login``) do not count as changes.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from kim.accounts.models import (
    ContactPoint,
    District,
    DistrictArea,
    Membership,
    OpeningHours,
    OpeningHoursException,
    Organisation,
    StaffProfile,
    User,
)
from kim.portal.cache import bump_generation

#: Saves of only these User fields do not change anything the public pages show.
_INVISIBLE_USER_FIELDS = frozenset({"last_login", "password"})

WATCHED = (
    ContactPoint,
    District,
    DistrictArea,
    Membership,
    OpeningHours,
    OpeningHoursException,
    Organisation,
    StaffProfile,
    User,
)


def _changed(sender, instance=None, update_fields=None, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    if sender is User and update_fields and set(update_fields) <= _INVISIBLE_USER_FIELDS:
        return
    bump_generation()


def _districts_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_generation()


for _model in WATCHED:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"portal-directory-save-{_model._meta.label}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"portal-directory-delete-{_model._meta.label}")
m2m_changed.connect(
    _districts_changed,
    sender=StaffProfile.districts.through,
    dispatch_uid="portal-directory-profile-districts",
)
