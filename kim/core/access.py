"""View guards: who may open a page at all. What a page shows is decided by the scoped selectors."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def role_required(*roles: str):
    """Allow logged-in users whose active membership has one of ``roles`` (any membership if none given).

    Anonymous users are sent to the login; users without a fitting role get the styled 403 page.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = request.actor
            if actor.membership is None:
                raise PermissionDenied
            if roles and actor.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = roles
        return wrapped

    return decorator


membership_required = role_required()
