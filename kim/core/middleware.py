"""Request middleware: the acting membership and the audit context."""

from __future__ import annotations

from kim.core.audit import reset_request_address, set_request_address
from kim.core.scoping import Actor

SESSION_MEMBERSHIP_KEY = "kim_membership_id"


class CurrentMembershipMiddleware:
    """Attach ``request.actor``: the user with the membership chosen for this session.

    The membership is re-checked on every request (it may have been ended since the last one); if the one
    in the session is no longer valid, the user's first active membership is taken instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = self._actor(request)
        token = set_request_address(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            reset_request_address(token)

    @staticmethod
    def _actor(request) -> Actor:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return Actor(user=None, membership=None)
        from kim.accounts.selectors import membership_for_session

        membership = membership_for_session(user, request.session.get(SESSION_MEMBERSHIP_KEY))
        if membership is not None and request.session.get(SESSION_MEMBERSHIP_KEY) != membership.pk:
            request.session[SESSION_MEMBERSHIP_KEY] = membership.pk
        return Actor(user=user, membership=membership)
