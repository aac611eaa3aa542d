"""Enforce the second factor for every staff account (unless demo mode is on)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from kim.accounts.selectors import user_has_second_factor

# Paths a logged-in user without a second factor may still reach: setting one up, leaving, the language.
_OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/favicon")


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.is_demo and not settings.KIM_DEMO:
                logout(request)
                return redirect("account_login")
            if (
                settings.KIM_REQUIRE_SECOND_FACTOR
                and not request.path.startswith(_OPEN_PREFIXES)
                and not user_has_second_factor(user)
            ):
                return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")
        return self.get_response(request)
