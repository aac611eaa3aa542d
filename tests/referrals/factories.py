"""Test data for referrals and documents: clients, cases, consents, referrals, documents and real small files.

Records are created directly with the models (not through the services), so tests can set up any state.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import secrets

from django.core.files.base import ContentFile
from django.utils import timezone

from kim.cases.models import (
    Case,
    CaseStatus,
    Document,
    DocumentCategory,
    LifeDomain,
    Referral,
    ReferralStatus,
)
from kim.cases.referrals import hash_token
from kim.clients.models import Client, Consent, ConsentPurpose, DataCategory

_numbers = itertools.count(1)


def make_client(organisation, **fields) -> Client:
    values = {
        "given_names": "Amina Sara",
        "family_name": "Haddad",
        "birth_year": 1990,
        "birth_month": 3,
        "birth_day": 14,
        "phone": "0208 123456",
        "email": "amina.haddad@example.org",
    }
    values.update(fields)
    return Client.objects.create(organisation=organisation, **values)


def make_case(membership, client=None, number: str | None = None, **fields) -> Case:
    """A case of ``membership``'s organisation with that member's user as case manager."""
    client = client or make_client(membership.organisation)
    values = {"status": CaseStatus.IMPLEMENTATION, "opened_on": timezone.localdate() - dt.timedelta(days=60)}
    values.update(fields)
    return Case.objects.create(
        number=number or f"T-{next(_numbers):05d}",
        client=client,
        organisation=membership.organisation,
        case_manager=membership.user,
        **values,
    )


def make_consent(client, recipient, categories=(DataCategory.MASTER_DATA,), recorded_by=None, **fields) -> Consent:
    values = {
        "purpose": ConsentPurpose.SHARE_WITH_ORGANISATION,
        "valid_from": timezone.localdate() - dt.timedelta(days=30),
        "form_version": "2026-01",
    }
    values.update(fields)
    if recorded_by is None:
        case = client.cases.first()
        recorded_by = case.case_manager if case else None
    return Consent.objects.create(
        client=client, recipient=recipient, data_categories=list(categories), recorded_by=recorded_by, **values
    )


def make_referral(case, to_organisation, consent=None, **fields) -> Referral:
    values = {
        "domain": LifeDomain.LANGUAGE,
        "reason": "Integrationskurs mit Kinderbetreuung gesucht.",
        "due_date": timezone.localdate() + dt.timedelta(days=10),
        "status": ReferralStatus.PLANNED,
        "partner_email": "partner@example.org",
    }
    values.update(fields)
    return Referral.objects.create(
        case=case, to_organisation=to_organisation, consent=consent, created_by=case.case_manager, **values
    )


def issue_token(referral, days: int = 14) -> str:
    """Give ``referral`` a fresh answer link (as a send would) and return the token."""
    token = secrets.token_urlsafe(32)
    referral.answer_token_hash = hash_token(token)
    referral.answer_token_expires_at = timezone.now() + dt.timedelta(days=days)
    referral.answered_at = None
    if referral.status == ReferralStatus.PLANNED:
        referral.status = ReferralStatus.SENT
    referral.save()
    return token


# Real small files ------------------------------------------------------------------------------------------


def pdf_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PDF")
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def make_document(case, category=DocumentCategory.AUTHORITY_LETTERS, title="Bescheid Jobcenter", content=None) -> Document:
    content = content if content is not None else pdf_bytes()
    document = Document(
        case=case,
        category=category,
        title=title,
        content_type="application/pdf",
        size=len(content),
        uploaded_by=case.case_manager,
    )
    document.file.save(f"{secrets.token_hex(8)}.pdf", ContentFile(content), save=False)
    document.save()
    return document
