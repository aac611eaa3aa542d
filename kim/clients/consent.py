"""Consent (Einwilligung / Schweigepflichtentbindung): record, withdraw, signed scan, form PDF – and the
check every other service calls before it shares, transfers or refers.

Enforcement::

    from kim.clients.consent import ConsentMissing, consent_require

    consent = consent_require(
        client=case.client,
        purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
        recipient=jobcenter,                          # Organisation (or its pk); only for sharing
        categories=(DataCategory.MASTER_DATA, DataCategory.HEALTH),
    )                                                 # -> the covering Consent, to store on the share
    # or raises ConsentMissing (a ValidationError) with a message for the user such as
    # "No valid consent: sharing with Jobcenter Oberhausen for health is missing. The consent valid from
    #  01.03.2026 was withdrawn on 02.10.2026."

A consent covers a request when its purpose is the requested one, its recipient is the requested
organisation (sharing only), it names every requested data category, and it is valid on the day: valid_from
≤ day ≤ valid_until (open end allowed) and not withdrawn on or before the day. A withdrawal takes effect on
its day; :func:`consent_withdraw` also ends at once every case share that relied on the consent.

Who may record, withdraw and attach scans: case managers for clients of their own cases, and team leads for
the clients of their organisation. Everything is audited (``clients.consent.*``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kim.accounts.models import Organisation, Role
from kim.clients import consent_forms
from kim.clients.models import Client, Consent, ConsentPurpose, DataCategory
from kim.core.audit import audit_log
from kim.core.scoping import Actor

#: Roles that work with consents (pages, services). Others get 403 from the views.
CONSENT_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD)

#: Largest signed scan accepted.
MAX_SCAN_BYTES = 10 * 1024 * 1024

#: Purposes that need data categories named on the form.
PURPOSES_WITH_CATEGORIES = (ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.SHARE_WITH_ORGANISATION)


class ConsentMissing(ValidationError):
    """No valid consent covers what a service is about to do. The message says what is missing.

    Attributes for callers that want to react programmatically: ``client``, ``purpose``, ``recipient``
    (Organisation or None), ``categories`` (requested), ``missing_categories`` (those no otherwise fitting
    consent names; empty if nothing for the purpose/recipient is valid at all) and ``on`` (the day checked).
    """

    def __init__(self, message, *, client, purpose, recipient, categories, missing_categories, on):
        super().__init__(message, code="consent_missing")
        self.client = client
        self.purpose = purpose
        self.recipient = recipient
        self.categories = list(categories)
        self.missing_categories = list(missing_categories)
        self.on = on


# Status ----------------------------------------------------------------------------------------------------


class ConsentStatus(models.TextChoices):
    VALID = "valid", gettext_lazy("valid")
    NOT_YET_VALID = "not_yet_valid", gettext_lazy("not yet valid")
    EXPIRED = "expired", gettext_lazy("expired")
    WITHDRAWN = "withdrawn", gettext_lazy("withdrawn")


def consent_status(consent: Consent, on: dt.date | None = None) -> ConsentStatus:
    """Where a consent stands on ``on`` (today by default)."""
    day = on or timezone.localdate()
    if consent.withdrawn_on and consent.withdrawn_on <= day:
        return ConsentStatus.WITHDRAWN
    if consent.valid_until and consent.valid_until < day:
        return ConsentStatus.EXPIRED
    if consent.valid_from > day:
        return ConsentStatus.NOT_YET_VALID
    return ConsentStatus.VALID


def category_labels(categories: Iterable[str]) -> list[str]:
    """The display names of data categories, in the order of DataCategory."""
    wanted = set(categories)
    return [str(label) for value, label in DataCategory.choices if value in wanted]


# Scope ------------------------------------------------------------------------------------------------------


def _clients_in_scope(actor: Actor) -> models.QuerySet[Client]:
    """Clients whose consents the actor may see and manage: the platform's client scope
    (kim.clients.selectors.scope_clients via ``Client.objects.for_actor``), for case managers and team leads."""
    if actor.membership is None or actor.role not in CONSENT_ROLES:
        return Client.objects.none()
    return Client.objects.for_actor(actor)


def client_get(*, actor: Actor, pk) -> Client:
    """One client in the actor's consent scope, or 404."""
    from kim.clients.selectors import client_get as scoped_client_get

    if actor.role not in CONSENT_ROLES:
        raise Http404
    return scoped_client_get(actor=actor, pk=pk)


def _consents_in_scope(actor: Actor) -> models.QuerySet[Consent]:
    return Consent.objects.filter(client__in=_clients_in_scope(actor))


def _require_manager(actor: Actor, client: Client) -> None:
    """The actor may change the consents of ``client``; otherwise PermissionDenied."""
    if actor.role not in CONSENT_ROLES or not _clients_in_scope(actor).filter(pk=client.pk).exists():
        raise PermissionDenied


# Selectors --------------------------------------------------------------------------------------------------


def consents_for_client(*, actor: Actor, client: Client) -> models.QuerySet[Consent]:
    """The client's consents, newest first; 404 if the client is outside the actor's scope."""
    if not _clients_in_scope(actor).filter(pk=client.pk).exists():
        raise Http404
    return client.consents.select_related("recipient", "recorded_by").order_by("-valid_from", "-id")


def consent_get(*, actor: Actor, pk) -> Consent:
    """One consent in the actor's scope, or 404."""
    try:
        return (
            _consents_in_scope(actor)
            .select_related("client", "client__organisation", "recipient", "recorded_by")
            .get(pk=pk)
        )
    except (Consent.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def consent_active_shares(*, consent: Consent):
    """Case shares currently relying on this consent."""
    from kim.cases.models import CaseShare

    return CaseShare.objects.filter(consent=consent, revoked_at__isnull=True).select_related(
        "case", "organisation"
    )


# Enforcement ------------------------------------------------------------------------------------------------


def _organisation_id(recipient) -> int | None:
    if recipient is None:
        return None
    if isinstance(recipient, Organisation):
        return recipient.pk
    return int(recipient)


def _candidates(client, purpose: str, recipient_id: int | None) -> models.QuerySet[Consent]:
    client_id = client.pk if isinstance(client, Client) else int(client)
    queryset = Consent.objects.filter(client_id=client_id, purpose=purpose)
    if purpose == ConsentPurpose.SHARE_WITH_ORGANISATION:
        queryset = queryset.filter(recipient_id=recipient_id)
    return queryset.order_by("-valid_from", "-id")


def _check_request(purpose, recipient, categories) -> tuple[str, int | None, list[str]]:
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"Unknown consent purpose: {purpose!r}")
    recipient_id = _organisation_id(recipient)
    if purpose == ConsentPurpose.SHARE_WITH_ORGANISATION and recipient_id is None:
        raise ValueError("A consent to share is always for a named recipient; pass recipient=…")
    wanted = list(dict.fromkeys(str(c) for c in categories))
    unknown = set(wanted) - set(DataCategory.values)
    if unknown:
        raise ValueError(f"Unknown data categories: {sorted(unknown)}")
    return str(purpose), recipient_id, wanted


def consent_find(
    *, client, purpose, recipient=None, categories=(), on: dt.date | None = None
) -> Consent | None:
    """The consent that covers the request on ``on`` (today by default), or None. Same rules as
    :func:`consent_require`, without the exception – for pages that only want to show what is possible."""
    purpose, recipient_id, wanted = _check_request(purpose, recipient, categories)
    day = on or timezone.localdate()
    for consent in _candidates(client, purpose, recipient_id).valid_on(day):
        if set(wanted) <= set(consent.data_categories):
            return consent
    return None


def _what(purpose: str, recipient_name: str, categories: list[str]) -> str:
    if purpose == ConsentPurpose.SHARE_WITH_ORGANISATION:
        what = _("sharing with %(recipient)s") % {"recipient": recipient_name}
    else:
        what = str(ConsentPurpose(purpose).label)
    if categories:
        what = _("%(what)s for %(categories)s") % {
            "what": what,
            "categories": ", ".join(category_labels(categories)),
        }
    return what


def _why_not(consent: Consent, day: dt.date) -> str:
    """A sentence on why an otherwise fitting consent does not count on ``day``."""
    start = date_format(consent.valid_from, "SHORT_DATE_FORMAT")
    status = consent_status(consent, day)
    if status == ConsentStatus.WITHDRAWN:
        return _("The consent valid from %(start)s was withdrawn on %(date)s.") % {
            "start": start,
            "date": date_format(consent.withdrawn_on, "SHORT_DATE_FORMAT"),
        }
    if status == ConsentStatus.EXPIRED:
        return _("The consent valid from %(start)s expired on %(date)s.") % {
            "start": start,
            "date": date_format(consent.valid_until, "SHORT_DATE_FORMAT"),
        }
    return _("The consent recorded for this is valid only from %(start)s.") % {"start": start}


def consent_require(*, client, purpose, recipient=None, categories=(), on: dt.date | None = None) -> Consent:
    """Return the consent that covers sharing/using the client's data as requested, or raise ConsentMissing.

    ``client``: Client (or pk). ``purpose``: a ConsentPurpose. ``recipient``: Organisation (or pk), required
    for sharing and ignored for the other purposes. ``categories``: DataCategory values that must all be
    named in one consent. ``on``: the day (today by default). Raises ValueError for a malformed request
    (unknown purpose or category, sharing without recipient) – that is a programming error, not user input.
    """
    purpose, recipient_id, wanted = _check_request(purpose, recipient, categories)
    day = on or timezone.localdate()
    candidates = list(_candidates(client, purpose, recipient_id).select_related("recipient"))
    valid = [c for c in candidates if c.is_valid_on(day)]
    for consent in valid:
        if set(wanted) <= set(consent.data_categories):
            return consent

    if recipient_id is not None and purpose == ConsentPurpose.SHARE_WITH_ORGANISATION:
        recipient_obj = (
            recipient if isinstance(recipient, Organisation) else Organisation.objects.get(pk=recipient_id)
        )
        recipient_name = recipient_obj.name
    else:
        recipient_obj, recipient_name = None, ""

    if valid:
        # Something valid exists for the purpose and recipient, but it does not name all categories:
        # say which are missing from the consent that comes closest.
        best = max(valid, key=lambda c: len(set(wanted) & set(c.data_categories)))
        missing = [c for c in wanted if c not in best.data_categories]
        message = _("No valid consent: %(what)s is missing.") % {
            "what": _what(purpose, recipient_name, missing)
        }
    else:
        missing = []
        message = _("No valid consent: %(what)s is missing.") % {
            "what": _what(purpose, recipient_name, wanted)
        }
        covering = [c for c in candidates if set(wanted) <= set(c.data_categories)]
        if covering:
            message = f"{message} {_why_not(covering[0], day)}"
    raise ConsentMissing(
        message,
        client=client,
        purpose=purpose,
        recipient=recipient_obj,
        categories=wanted,
        missing_categories=missing,
        on=day,
    )


# Services ---------------------------------------------------------------------------------------------------


@transaction.atomic
def consent_record(
    *,
    actor: Actor,
    client: Client,
    purpose: str,
    recipient: Organisation | None = None,
    data_categories: Iterable[str] = (),
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    form_language: str = "de",
) -> Consent:
    """Record a consent the client gave (on the current form version, in ``form_language``)."""
    _require_manager(actor, client)
    categories = [value for value in DataCategory.values if value in set(data_categories or ())]
    unknown = set(data_categories or ()) - set(DataCategory.values)
    errors: dict[str, list[str]] = {}
    if purpose not in ConsentPurpose.values:
        errors.setdefault("purpose", []).append(_("Choose what the consent is for."))
    if recipient is not None:
        if purpose != ConsentPurpose.SHARE_WITH_ORGANISATION:
            errors.setdefault("recipient", []).append(
                _(
                    "Only a consent to share names a recipient. Choose “sharing with a named organisation” or leave the recipient empty."
                )
            )
        elif recipient.pk == client.organisation_id:
            errors.setdefault("recipient", []).append(
                _(
                    "This is the client's own organisation; choose the organisation that is to receive the data."
                )
            )
        elif not recipient.is_active:
            errors.setdefault("recipient", []).append(_("This organisation is no longer active."))
    if unknown:
        errors.setdefault("data_categories", []).append(_("Unknown data category."))
    elif purpose in PURPOSES_WITH_CATEGORIES and not categories:
        errors.setdefault("data_categories", []).append(_("Name the data this consent covers."))
    if form_language not in consent_forms.FORM_LANGUAGES:
        errors.setdefault("form_language", []).append(
            _("The consent form is not available in this language.")
        )
    if valid_from and valid_until and valid_until < valid_from:
        errors.setdefault("valid_until", []).append(_("The end of validity is before its start."))
    if errors:
        raise ValidationError(errors)

    consent = Consent(
        client=client,
        purpose=purpose,
        recipient=recipient if purpose == ConsentPurpose.SHARE_WITH_ORGANISATION else None,
        data_categories=categories,
        valid_from=valid_from,
        valid_until=valid_until,
        form_language=form_language,
        form_version=consent_forms.CURRENT_VERSION,
        recorded_by=actor.user,
    )
    # Contact consents name no data categories; the model field does not allow an empty list (blank=False),
    # so its field check is skipped here – the categories were checked above and by Consent.clean().
    consent.full_clean(exclude=["signed_scan"] + ([] if categories else ["data_categories"]))
    consent.save()
    audit_log(
        actor=actor,
        action="clients.consent.record",
        obj=consent,
        details={
            "client": client.pk,
            "purpose": purpose,
            "recipient": consent.recipient_id,
            "data_categories": categories,
            "valid_from": valid_from.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else None,
            "form_language": form_language,
            "form_version": consent.form_version,
        },
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Actor, consent: Consent, on: dt.date, note: str = "") -> Consent:
    """Record the client's withdrawal, effective on ``on`` (the day it was declared; not in the future).

    Every case share relying on this consent ends at once (``revoked_at`` set), so nothing is shared any
    more; referrals and transfers asking for it from now on are refused by :func:`consent_require`.
    """
    from kim.cases.models import CaseShare

    _require_manager(actor, consent.client)
    consent = Consent.objects.select_for_update().select_related("client").get(pk=consent.pk)
    today = timezone.localdate()
    note = (note or "").strip()
    errors: dict[str, list[str]] = {}
    if consent.withdrawn_on:
        errors["withdrawn_on"] = [
            _("This consent was already withdrawn on %(date)s.")
            % {"date": date_format(consent.withdrawn_on, "SHORT_DATE_FORMAT")}
        ]
    elif on is None:
        errors["withdrawn_on"] = [_("Enter the day the client withdrew the consent.")]
    elif on > today:
        errors["withdrawn_on"] = [
            _("A withdrawal cannot lie in the future. Enter the day the client declared it.")
        ]
    else:
        earliest = min(consent.valid_from, timezone.localtime(consent.recorded_at).date())
        if on < earliest:
            errors["withdrawn_on"] = [
                _("The withdrawal cannot be before the consent was given (%(date)s).")
                % {"date": date_format(earliest, "SHORT_DATE_FORMAT")}
            ]
    if len(note) > 300:
        errors["withdrawal_note"] = [_("Keep the note to 300 characters.")]
    if errors:
        raise ValidationError(errors)

    consent.withdrawn_on = on
    consent.withdrawal_note = note
    consent.full_clean(exclude=["signed_scan", "data_categories"])
    consent.save(update_fields=["withdrawn_on", "withdrawal_note"])
    shares = CaseShare.objects.select_for_update().filter(consent=consent, revoked_at__isnull=True)
    revoked = list(shares.values_list("case_id", "organisation_id"))
    shares.update(revoked_at=timezone.now())
    audit_log(
        actor=actor,
        action="clients.consent.withdraw",
        obj=consent,
        details={
            "client": consent.client_id,
            "withdrawn_on": on.isoformat(),
            "note_given": bool(note),
            "revoked_case_shares": [{"case": case, "organisation": org} for case, org in revoked],
        },
    )
    consent.revoked_share_count = len(revoked)
    return consent


# Signed scans -----------------------------------------------------------------------------------------------

_SCAN_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}


def _scan_kind(upload) -> str:
    """Check the upload's content (not its name) and return "pdf", "png" or "jpg"; ValidationError if it
    is none of them, damaged, empty or too large."""
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        raise ValidationError({"scan": _("The file is empty.")})
    if size > MAX_SCAN_BYTES:
        raise ValidationError(
            {
                "scan": _(
                    "The file is larger than %(limit)s. Scan with a lower resolution or in black and white."
                )
                % {"limit": filesizeformat(MAX_SCAN_BYTES)}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    not_allowed = _(
        "Only PDF, JPEG or PNG files can be uploaded. This file is none of them (its content was checked, not its name)."
    )
    if head.startswith(b"%PDF-"):
        upload.seek(max(0, size - 2048))
        tail = upload.read()
        upload.seek(0)
        if b"%%EOF" not in tail:
            raise ValidationError(
                {"scan": _("The PDF file is incomplete or damaged. Save or scan it again.")}
            )
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        expected = "PNG"
    elif head.startswith(b"\xff\xd8\xff"):
        expected = "JPEG"
    else:
        raise ValidationError({"scan": not_allowed})

    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            actual = image.format
            image.verify()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            {"scan": _("The image file is damaged or cannot be read. Save or scan it again.")}
        )
    finally:
        upload.seek(0)
    if actual != expected:
        raise ValidationError({"scan": not_allowed})
    if expected == "JPEG":
        # Pillow's verify() does not read a JPEG to its end; a complete one ends with the EOI marker.
        upload.seek(max(0, size - 1024))
        complete = b"\xff\xd9" in upload.read()
        upload.seek(0)
        if not complete:
            raise ValidationError(
                {"scan": _("The image file is damaged or cannot be read. Save or scan it again.")}
            )
    return "png" if expected == "PNG" else "jpg"


@transaction.atomic
def consent_attach_scan(*, actor: Actor, consent: Consent, upload) -> Consent:
    """Store the signed form's scan (PDF, JPEG or PNG, at most 10 MB); a new scan replaces the old one."""
    _require_manager(actor, consent.client)
    kind = _scan_kind(upload)
    old_name = consent.signed_scan.name if consent.signed_scan else ""
    filename = f"einwilligung-{consent.pk}-{secrets.token_hex(8)}.{kind}"
    consent.signed_scan.save(filename, upload, save=False)
    consent.save(update_fields=["signed_scan"])
    if old_name:
        storage = consent.signed_scan.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    audit_log(
        actor=actor,
        action="clients.consent.scan_upload",
        obj=consent,
        details={
            "client": consent.client_id,
            "type": _SCAN_TYPES[kind],
            "size": upload.size,
            "replaced": bool(old_name),
        },
    )
    return consent


def consent_scan_open(*, actor: Actor, consent: Consent):
    """Open the signed scan for download: (file object, content type, file name). Audited; 404 if none."""
    _require_reader(actor, consent)
    if not consent.signed_scan:
        raise Http404
    extension = consent.signed_scan.name.rsplit(".", 1)[-1].lower()
    content_type = _SCAN_TYPES.get(extension, "application/octet-stream")
    try:
        handle = consent.signed_scan.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit_log(
        actor=actor,
        action="clients.consent.scan_download",
        obj=consent,
        details={"client": consent.client_id},
    )
    return handle, content_type, f"einwilligung-{consent.pk}.{extension}"


def _require_reader(actor: Actor, consent: Consent) -> None:
    if not _consents_in_scope(actor).filter(pk=consent.pk).exists():
        raise Http404


# The form as PDF ---------------------------------------------------------------------------------------------


def consent_form_context(consent: Consent) -> dict:
    """Everything the form template needs, in the consent's form language and form version."""
    from babel.dates import format_date
    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    language = consent.form_language
    texts = consent_forms.texts(consent.form_version, language)
    leading = consent_forms.texts(consent.form_version, consent_forms.LEADING_LANGUAGE)
    client = consent.client
    controller = client.organisation
    recipient = consent.recipient
    babel_locale = "en_GB" if language == "en" else language

    def fill(text: str):
        """The text with the organisation names put in, each isolated for the bidirectional algorithm."""
        names = {"organisation": controller.name, "recipient": recipient.name if recipient else ""}
        for key, name in names.items():
            if name.endswith("."):  # "… bei Verband e.V.." → "… bei Verband e.V."
                text = text.replace("{" + key + "}.", "{" + key + "}")
        isolated = {key: format_html("<bdi>{}</bdi>", name) for key, name in names.items()}
        return mark_safe(escape(text).format_map(isolated))  # noqa: S308 - text escaped, names escaped

    def long_date(day):
        return format_date(day, "long", locale=babel_locale) if day else ""

    purpose = texts["purposes"][consent.purpose]
    return {
        "consent": consent,
        "client": client,
        "controller": controller,
        "recipient": recipient,
        "t": texts,
        "is_translation": language != consent_forms.LEADING_LANGUAGE,
        "leading_note": leading["translation_note"],
        "purpose_title": purpose["title"],
        "purpose_text": fill(purpose["text"]),
        "categories": [texts["categories"][c] for c in DataCategory.values if c in consent.data_categories],
        "includes_health": DataCategory.HEALTH in consent.data_categories,
        "valid_from": long_date(consent.valid_from),
        "valid_until": long_date(consent.valid_until),
        "withdrawal_text": fill(texts["withdrawal_text"]),
        "controller_text": fill(texts["controller_text"]),
        "form_version": consent.form_version,
    }


def consent_form_pdf(*, actor: Actor, consent: Consent) -> bytes:
    """The consent form as PDF in the consent's form language, ready to print and sign. Audited."""
    from kim.core.pdf import render_pdf

    _require_reader(actor, consent)
    content = render_pdf(
        "clients/consent_form_pdf.html", consent_form_context(consent), language=consent.form_language
    )
    audit_log(
        actor=actor,
        action="clients.consent.form_pdf",
        obj=consent,
        details={
            "client": consent.client_id,
            "form_language": consent.form_language,
            "form_version": consent.form_version,
        },
    )
    return content
