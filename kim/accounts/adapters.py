"""django-allauth and django-axes hooks: no self sign-up, demo accounts only in demo mode, audit of logins."""

from __future__ import annotations

import datetime as dt
import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kim.core.audit import audit_log
from kim.core.crypto import decrypt_text, encrypt_text
from kim.core.scoping import Actor


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Staff accounts are created by system administrators in the staff area.
        return False

    def pre_login(self, request, user, **kwargs):
        if getattr(user, "is_demo", False) and not settings.KIM_DEMO:
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            messages.error(request, _("Demo accounts can only be used while the platform runs in demo mode."))
            return redirect("account_login")
        return super().pre_login(request, user, **kwargs)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up the first second factor right after logging in needs no second password entry.

        allauth asks for the password again before any change of authenticators. For the very first one,
        which our middleware demands straight after the login (and its recovery codes), the login itself is
        the proof – provided it happened within the reauthentication timeout and the account had no
        authenticator before this session.
        """
        request = self.request
        if app == "allauth.mfa" and request is not None and request.user.is_authenticated:
            from allauth.account import app_settings as account_settings
            from allauth.account.internal.flows.login import get_authentication_records
            from allauth.mfa.models import Authenticator

            records = get_authentication_records(request, request.user)
            if records and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT:
                logged_in_at = dt.datetime.fromtimestamp(records[0]["at"], tz=dt.UTC)
                # Only authenticators made in this very session (the first set-up and its recovery codes).
                if not Authenticator.objects.filter(user=request.user, created_at__lt=logged_in_at).exists():
                    return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def login(self, request, user) -> None:
        super().login(request, user)
        audit_log(actor=Actor(user=user, membership=None), action="accounts.login", obj=user)

    def logout(self, request) -> None:
        user = request.user
        if user.is_authenticated:
            audit_log(actor=Actor(user=user, membership=None), action="accounts.logout", obj=user)
        super().logout(request)


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets are stored encrypted with the field keys, not in clear text."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)


def axes_username(request, credentials: dict | None = None) -> str | None:
    """The login name axes counts failures for: the e-mail address, case-insensitive."""
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if value is None and request is not None:
        value = request.POST.get("login")
    return value.strip().lower() if isinstance(value, str) else value
