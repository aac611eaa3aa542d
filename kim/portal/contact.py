"""The public contact and appointment request: spam protection and hand-over to the intake queue.

Spam protection needs no third party:

* a honeypot field that people never see (``hidden``) and bots fill in;
* a signed time stamp written into the form when it is shown: a form sent back faster than
  :data:`MIN_SECONDS` was not filled in by a person, one older than :data:`MAX_FORM_AGE` is refused as stale;
* a rate limit per sender address, counted in the database (kim.cases.PublicFormAttempt) so that it holds
  across any number of app processes. Only a keyed hash of the address is stored, and rows are deleted once
  they are older than the window.

A request that passes becomes a kim.cases Request through ``kim.cases.services.request_create`` (channel
"public form", acting as the system job ``portal``), which numbers and audits it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from kim.cases.models import PublicFormAttempt, Request, RequestChannel
from kim.core.audit import audit_log
from kim.core.scoping import Actor

SYSTEM = "portal"
#: The version of the consent text people agree to (kept with the audit entry of each request).
CONSENT_VERSION = "2026-11"
#: Months after which a request that led to no counselling is deleted (stated in the consent text).
RETENTION_MONTHS = 6

MIN_SECONDS = 3
MAX_FORM_AGE = dt.timedelta(hours=12)
RATE_WINDOW = dt.timedelta(hours=1)
#: Requests one sender address may hand in per window, and submissions (including refused ones) in all.
#: (Generous: people in shared accommodation often share one public address.)
MAX_ACCEPTED = 10
MAX_ATTEMPTS = 30
#: Requests larger than this are refused before they are parsed (the longest real form is ~30 KB).
MAX_BODY_BYTES = 64 * 1024
MAX_FIELDS = 100

_TOKEN_SALT = "kim.portal.contact.form-started"  # noqa: S105 (a signing salt, not a secret)


# Time stamp --------------------------------------------------------------------------------------------------


def form_token(now: dt.datetime | None = None) -> str:
    """The signed moment the form was shown (goes into a hidden field)."""
    moment = int((now or timezone.now()).timestamp())
    return signing.dumps(moment, salt=_TOKEN_SALT, compress=False)


class TokenCheck:
    OK = "ok"
    MISSING = "missing"  # missing or tampered with
    TOO_FAST = "too_fast"
    EXPIRED = "expired"


def check_form_token(token: str, now: dt.datetime | None = None) -> str:
    try:
        moment = signing.loads(token or "", salt=_TOKEN_SALT)
    except signing.BadSignature:
        return TokenCheck.MISSING
    if not isinstance(moment, int):
        return TokenCheck.MISSING
    age = (now or timezone.now()).timestamp() - moment
    if age < MIN_SECONDS:
        return TokenCheck.TOO_FAST
    if age > MAX_FORM_AGE.total_seconds():
        return TokenCheck.EXPIRED
    return TokenCheck.OK


# Rate limit ---------------------------------------------------------------------------------------------------


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or – behind ``KIM_TRUSTED_PROXIES`` reverse proxies – the address
    the outermost trusted proxy saw (counted from the right of X-Forwarded-For, which clients can prefix with
    anything they like but cannot append to)."""
    proxies = getattr(settings, "KIM_TRUSTED_PROXIES", 0)
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def sender_hash(address: str | None) -> str:
    """A keyed hash of the sender's address: equal addresses give equal hashes, the address is not kept."""
    return salted_hmac(
        "kim.portal.contact.sender", address or "unknown", secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()[:40]


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    attempt_id: int | None = None


@transaction.atomic
def register_attempt(address: str | None, now: dt.datetime | None = None) -> Allowance:
    """Count one submission from ``address``; refuse it when the address is over its limit.

    Old rows are deleted on the way (nothing is kept longer than the window). The count and the insert run
    in one transaction; on SQLite writers are serialised, on PostgreSQL two truly simultaneous submissions
    of one address may both pass – the limit is a brake on floods, not an exact quota.
    """
    now = now or timezone.now()
    since = now - RATE_WINDOW
    PublicFormAttempt.objects.filter(at__lt=since).delete()
    key = sender_hash(address)
    recent = PublicFormAttempt.objects.filter(ip_hash=key, at__gte=since)
    if recent.count() >= MAX_ATTEMPTS or recent.filter(accepted=True).count() >= MAX_ACCEPTED:
        return Allowance(False)
    attempt = PublicFormAttempt.objects.create(ip_hash=key, at=now)
    return Allowance(True, attempt.pk)


# The request -------------------------------------------------------------------------------------------------


@transaction.atomic
def submit_request(*, data: dict, language: str, attempt_id: int | None = None) -> Request:
    """Hand a validated public request to the intake queue; the consent given is audited with its version.

    ``data`` is the cleaned data of kim.portal.contact_forms.ContactForm; ``language`` the public language the
    visitor used (the consent text was shown in it).
    """
    from kim.cases import services as case_services

    actor = Actor.system()
    request = case_services.request_create(
        actor=actor,
        system=SYSTEM,
        channel=RequestChannel.PUBLIC_FORM,
        name=data["name"],
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        preferred_language=data["preferred_language"],
        postcode=data.get("postcode", ""),
        topics=data.get("topics", []),
        message=data.get("message", ""),
        contact_consent=True,
        district=data.get("district"),
    )
    audit_log(
        actor=actor,
        system=SYSTEM,
        action="portal.contact_request.consent",
        obj=request,
        purpose="consent to the processing of a public contact request",
        details={"consent_version": CONSENT_VERSION, "shown_in": language},
    )
    if attempt_id is not None:
        PublicFormAttempt.objects.filter(pk=attempt_id).update(accepted=True)
    return request


_REFERENCE_SALT = "kim.portal.contact.reference"
REFERENCE_LINK_AGE = dt.timedelta(hours=2)


def reference_token(request: Request) -> str:
    """A signed, short-lived token for the confirmation page, so the page needs no session."""
    return signing.dumps(request.reference, salt=_REFERENCE_SALT, compress=False)


def reference_from_token(token: str) -> str | None:
    try:
        value = signing.loads(token or "", salt=_REFERENCE_SALT, max_age=REFERENCE_LINK_AGE)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) else None
