"""Organisation-scoped access: the one mechanism every selector uses.

The acting person is an :class:`Actor`: a user together with the membership that is active in the session
(organisation and role). Querysets of scoped models derive from :class:`ScopedQuerySet` and are narrowed
with ``.for_actor(actor)`` to what the actor's organisation may see; a record outside that answers 404 via
:func:`get_for_actor_or_404`, so nobody learns that a record of another organisation exists.

Models declare ``scope_path`` on their queryset: the lookup from the model to the owning organisation
("" when the model *is* the organisation). Apps with finer rules (a case manager sees only own cases)
override ``for_actor`` and call ``super().for_actor`` first, so the organisation boundary is always kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from kim.accounts.models import Membership, User


@dataclass(frozen=True)
class Actor:
    """Who acts: the user and the membership active in this session (None for the system itself)."""

    user: User | None
    membership: Membership | None

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None

    @property
    def organisation_id(self) -> int | None:
        return self.membership.organisation_id if self.membership else None

    @property
    def organisation(self):
        return self.membership.organisation if self.membership else None

    @property
    def is_system_admin(self) -> bool:
        from kim.accounts.models import Role

        return self.role == Role.SYSTEM_ADMIN

    def has_role(self, *roles: str) -> bool:
        return self.role in roles

    @classmethod
    def system(cls) -> Actor:
        """The platform itself, for scheduled commands; audited as 'system'."""
        return cls(user=None, membership=None)


class ScopedQuerySet(models.QuerySet):
    """A queryset that can be narrowed to what an actor's organisation may see."""

    #: Lookup path from the model to its owning organisation; "" if the model is the organisation.
    scope_path: str = "organisation"
    #: Whether system administrators see every row (they administer the platform).
    visible_to_system_admins: bool = True

    def for_actor(self, actor: Actor) -> ScopedQuerySet:
        if actor.membership is None:
            return self.none()
        if self.visible_to_system_admins and actor.is_system_admin:
            return self.all()
        if self.scope_path:
            return self.filter(**{f"{self.scope_path}": actor.organisation_id}).distinct()
        return self.filter(pk=actor.organisation_id)


def get_or_404(queryset: models.QuerySet, **lookup: Any):
    """Fetch one record from an already scoped queryset; missing records and malformed ids are not found."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_for_actor_or_404(queryset: ScopedQuerySet, actor: Actor, **lookup: Any):
    """Fetch one record through the actor's scope; anything outside the scope is simply not found."""
    return get_or_404(queryset.for_actor(actor), **lookup)
