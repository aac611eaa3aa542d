"""django-allauth and django-axes hooks: no self sign-up, demo accounts only in demo mode, audit of logins."""

from __future__ import annotations

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
