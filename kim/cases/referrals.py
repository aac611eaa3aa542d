"""Referrals to partner organisations: services and selectors.

A referral names the partner organisation (and, optionally, its service), the life domain, the reason and
the date by which the case manager wants feedback. It needs the client's consent to share data with that
organisation (kim.clients.consent.consent_require); the consent used is stored and checked again when the
referral is sent, so a withdrawn consent stops the sending.

How the partner answers depends on the partner:

* an authority or office whose staff work on the platform (authority staff, e.g. the Ausländerbehörde) gets
  a :class:`~kim.cases.models.CaseShare` under the consent: its staff see the case and the referral and
  record their answer on the platform;
* every other partner gets an e-mail with the referral letter (PDF) and a single-use answer link that
  expires (``KIM_REFERRAL_LINK_DAYS``, 14 by default). Only the SHA-256 of the link's token is stored; the
  public page behind the link shows the reason, the organisations and the due date and takes one answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kim.accounts.models import Membership, Organisation, Role
from kim.cases.models import Case, CaseEvent, CaseShare, LifeDomain, Referral, ReferralStatus
from kim.cases.services import require_case_worker
from kim.core.audit import audit_log
from kim.core.concurrency import save_versioned
from kim.core.scoping import Actor

#: Statuses in which the case manager is waiting for the partner.
AWAITING_STATUSES = (ReferralStatus.SENT, ReferralStatus.APPOINTMENT, ReferralStatus.ACCEPTED)
#: Statuses that still need something to happen (overdue highlighting).
OPEN_STATUSES = (ReferralStatus.PLANNED, *AWAITING_STATUSES)
#: What a partner may answer (through the link or, for platform partners, on the platform).
PARTNER_STATUSES = (
    ReferralStatus.APPOINTMENT,
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.COMPLETED,
    ReferralStatus.NO_SHOW,
)
PARTNER_ANSWER_SYSTEM = "partner-answer"


def categories_for_domain(domain: str) -> tuple[str, ...]:
    """The data categories a referral in ``domain`` passes on: always master data, plus the domain's own."""
    from kim.clients.models import DataCategory

    extra = {
        LifeDomain.HEALTH: DataCategory.HEALTH,
        LifeDomain.CARE: DataCategory.HEALTH,
        LifeDomain.RESIDENCE: DataCategory.RESIDENCE,
        LifeDomain.WORK: DataCategory.EDUCATION_WORK,
        LifeDomain.INCOME: DataCategory.EDUCATION_WORK,
        LifeDomain.EDUCATION: DataCategory.EDUCATION_WORK,
        LifeDomain.CONSUMER: DataCategory.EDUCATION_WORK,
        LifeDomain.HOUSING: DataCategory.HOUSING,
        LifeDomain.FAMILY: DataCategory.FAMILY,
    }.get(domain)
    return (DataCategory.MASTER_DATA, extra) if extra else (DataCategory.MASTER_DATA,)


def _require_consent(case: Case, organisation: Organisation, domain: str):
    from kim.clients.consent import consent_require
    from kim.clients.models import ConsentPurpose

    return consent_require(
        client=case.client,
        purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
        recipient=organisation,
        categories=categories_for_domain(domain),
    )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def referral_reference(referral: Referral) -> str:
    """The reference printed on the letter and shown to the partner: case number and referral id."""
    return f"{referral.case.number}/V{referral.pk}"


def _event(case: Case, actor: Actor, kind: str, note: str = "") -> None:
    CaseEvent.objects.create(case=case, actor=actor.user, kind=kind, note=note[:500])


def _is_partner_actor(actor: Actor, referral: Referral) -> bool:
    """Authority staff of the receiving organisation who see the case through a share."""
    return (
        actor.membership is not None
        and actor.role == Role.AUTHORITY_STAFF
        and referral.to_organisation_id is not None
        and referral.to_organisation_id == actor.organisation_id
        and Case.objects.for_actor(actor).filter(pk=referral.case_id).exists()
    )


def is_case_worker(actor: Actor, case: Case) -> bool:
    try:
        require_case_worker(actor, case)
    except PermissionDenied:
        return False
    return True


def partner_has_platform_staff(organisation: Organisation | None) -> bool:
    """Whether staff of ``organisation`` see cases shared with it (authority staff, kim.cases CaseQuerySet)."""
    if organisation is None:
        return False
    return Membership.objects.active().filter(organisation=organisation, role=Role.AUTHORITY_STAFF).exists()


# Services -----------------------------------------------------------------------------------------------


@transaction.atomic
def referral_create(
    *,
    actor: Actor,
    case: Case,
    to_organisation: Organisation | None,
    to_service: str = "",
    partner_email: str = "",
    domain: str,
    reason: str,
    due_date: dt.date | None = None,
) -> Referral:
    """Plan a referral. Refused (ValidationError naming what is missing) when no valid consent covers
    sharing the client's master data and the domain's data with the organisation."""
    require_case_worker(actor, case)
    if not case.is_open:
        raise ValidationError(_("A closed case cannot get new referrals; reopen it first."))
    errors = {}
    if to_organisation is None:
        errors["to_organisation"] = _("Choose the organisation you refer to.")
    elif to_organisation.pk == case.organisation_id:
        errors["to_organisation"] = _("Choose a partner organisation, not your own.")
    if domain not in LifeDomain.values:
        errors["domain"] = _("Choose the life domain of the referral.")
    if not (reason or "").strip():
        errors["reason"] = _("Say why you refer: what should the partner do?")
    if due_date is not None and due_date < timezone.localdate():
        errors["due_date"] = _("The feedback date lies in the past.")
    if errors:
        raise ValidationError(errors)
    consent = _require_consent(case, to_organisation, domain)
    referral = Referral(
        case=case,
        to_organisation=to_organisation,
        to_service=(to_service or "").strip(),
        partner_email=(partner_email or "").strip() or to_organisation.email,
        domain=domain,
        reason=reason.strip(),
        consent=consent,
        due_date=due_date,
        status=ReferralStatus.PLANNED,
        created_by=actor.user,
    )
    referral.full_clean(exclude=["case", "created_by", "consent", "to_organisation"])
    referral.save()
    _event(case, actor, "referral_created", note=str(to_organisation))
    audit_log(
        actor=actor,
        action="cases.referral.create",
        obj=referral,
        object_label=referral_reference(referral),
        details={"case": case.pk, "to_organisation": to_organisation.pk, "consent": consent.pk},
    )
    return referral


@dataclass(frozen=True)
class SendResult:
    referral: Referral
    #: "platform" (a case share), "link" (e-mail with the answer link) or "manual" (no e-mail address)
    channel: str
    expires_at: dt.datetime | None = None


@transaction.atomic
def referral_send(*, actor: Actor, referral: Referral, base_url: str = "") -> SendResult:
    """Send a planned referral (or send it again with a fresh link while no answer has come).

    The consent is checked again: a consent withdrawn or expired since planning stops the sending.
    ``base_url`` (scheme and host, e.g. from the request) builds the answer link unless the setting
    ``KIM_BASE_URL`` names it.
    """
    case = referral.case
    require_case_worker(actor, case)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status not in (ReferralStatus.PLANNED, ReferralStatus.SENT) or referral.answered_at:
        raise ValidationError(_("This referral has been answered already; it cannot be sent again."))
    if not case.is_open:
        raise ValidationError(_("The case is closed; reopen it before sending referrals."))
    consent = _require_consent(case, referral.to_organisation, referral.domain)
    organisation = referral.to_organisation
    first_send = referral.status == ReferralStatus.PLANNED
    referral.consent = consent
    referral.status = ReferralStatus.SENT
    channel, token, expires_at = "manual", None, None
    if partner_has_platform_staff(organisation):
        channel = "platform"
        share = CaseShare.objects.filter(case=case, organisation=organisation, revoked_at__isnull=True).first()
        if share is None:
            share = CaseShare.objects.create(case=case, organisation=organisation, consent=consent, created_by=actor.user)
            audit_log(
                actor=actor,
                action="cases.case.share",
                obj=case,
                details={"organisation": organisation.pk, "consent": consent.pk, "referral": referral.pk},
            )
        elif share.consent_id != consent.pk:
            share.consent = consent
            share.save(update_fields=["consent"])
        referral.answer_token_hash = ""
        referral.answer_token_expires_at = None
    elif referral.partner_email:
        channel = "link"
        token = secrets.token_urlsafe(32)
        expires_at = timezone.now() + dt.timedelta(days=getattr(settings, "KIM_REFERRAL_LINK_DAYS", 14))
        referral.answer_token_hash = hash_token(token)
        referral.answer_token_expires_at = expires_at
    referral.version = F("version") + 1
    referral.save(
        update_fields=["consent", "status", "answer_token_hash", "answer_token_expires_at", "version"]
    )
    referral.refresh_from_db()
    if referral.partner_email and channel in ("link", "platform"):
        _send_mail(referral, channel=channel, token=token, base_url=base_url)
    _event(case, actor, "referral_sent" if first_send else "referral_sent_again", note=str(organisation))
    audit_log(
        actor=actor,
        action="cases.referral.send",
        obj=referral,
        object_label=referral_reference(referral),
        details={"channel": channel, "consent": consent.pk, "to_organisation": organisation.pk, "again": not first_send},
    )
    return SendResult(referral=referral, channel=channel, expires_at=expires_at)


def _absolute(path: str, base_url: str) -> str:
    base = (getattr(settings, "KIM_BASE_URL", "") or base_url or "").rstrip("/")
    return f"{base}{path}"


def _render_in(language: str, template_name: str, context: dict) -> str:
    from django.template.loader import render_to_string

    with translation.override(language):
        return render_to_string(template_name, context).strip()


def _send_mail(referral: Referral, *, channel: str, token: str | None, base_url: str) -> None:
    """The e-mail to the partner: German, English below; the letter as PDF attachment on the link route."""
    from django.core.mail import EmailMessage

    case = referral.case
    context = {
        "referral": referral,
        "reference": referral_reference(referral),
        "organisation": case.organisation,
        "case_manager": case.case_manager,
        "channel": channel,
        "link": _absolute(reverse("referrals:partner_answer", kwargs={"token": token}), base_url) if token else "",
        "platform_link": _absolute(reverse("referrals:referral_detail", kwargs={"pk": referral.pk}), base_url),
        "expires_at": referral.answer_token_expires_at,
    }
    german = _render_in("de", "cases/referral_email.txt", context)
    english = _render_in("en", "cases/referral_email.txt", context)
    body = german if german == english else f"{german}\n\n----- English -----\n\n{english}"
    subject_de = _render_in("de", "cases/referral_email_subject.txt", context)
    subject_en = _render_in("en", "cases/referral_email_subject.txt", context)
    subject = subject_de if subject_de == subject_en else f"{subject_de} / {subject_en}"
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[referral.partner_email],
        reply_to=[case.case_manager.email],
    )
    if channel == "link":
        message.attach(f"Vermittlung-{referral_reference(referral).replace('/', '-')}.pdf", _letter_pdf(referral), "application/pdf")
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 – any transport error: nothing is saved, the user tries again
        raise ValidationError(
            _("The e-mail to the partner could not be sent, so nothing was changed. Please try again later.")
        ) from error


@transaction.atomic
def referral_update(
    *,
    actor: Actor,
    referral: Referral,
    expected_version: int,
    status: str,
    feedback: str = "",
    outcome: str = "",
    due_date: dt.date | None = None,
) -> Referral:
    """Record status, feedback and outcome. The case manager or team lead changes everything; authority
    staff of the receiving organisation answer as the partner (status and feedback only). A save based on
    an outdated version raises kim.core.concurrency.StaleRecordError with the current record."""
    case = referral.case
    partner = False
    if not is_case_worker(actor, case):
        if not _is_partner_actor(actor, referral):
            raise PermissionDenied
        partner = True
    if status not in ReferralStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    before = referral.status
    if status == ReferralStatus.SENT and before == ReferralStatus.PLANNED:
        raise ValidationError({"status": _("Use “Send” to send a referral: it checks the consent first.")})
    if status == ReferralStatus.PLANNED and before != ReferralStatus.PLANNED:
        raise ValidationError({"status": _("A referral that has been sent cannot go back to planned.")})
    if partner:
        if status != before and status not in PARTNER_STATUSES:
            raise ValidationError({"status": _("Choose one of the answers offered.")})
        outcome, due_date = referral.outcome, referral.due_date
    changed = [
        name
        for name, value in (("status", status), ("feedback", feedback.strip()), ("outcome", outcome.strip()), ("due_date", due_date))
        if getattr(referral, name) != value
    ]
    referral.status = status
    referral.feedback = feedback.strip()
    referral.outcome = outcome.strip()
    referral.due_date = due_date
    save_versioned(referral, expected_version, ["status", "feedback", "outcome", "due_date"])
    if status != before:
        _event(case, actor, "referral_status", note=f"{referral_reference(referral)}: {referral.get_status_display()}")
    audit_log(
        actor=actor,
        action="cases.referral.update",
        obj=referral,
        object_label=referral_reference(referral),
        details={"from": before, "to": status, "fields": changed, "as_partner": partner},
    )
    return referral


class ReferralLinkError(ValidationError):
    """An answer link that is unknown (404), used or expired (410). The message is German / English."""

    def __init__(self, code: str):
        messages = {
            "unknown": gettext_noop("This link is not valid. Please check that you copied it completely."),
            "used": gettext_noop(
                "This link has been used already: the answer has been recorded. Each link takes one answer."
            ),
            "expired": gettext_noop(
                "This link has expired. Please contact the case manager named in the referral letter."
            ),
            "withdrawn": gettext_noop(
                "This referral is no longer available. Please contact the case manager named in the referral letter."
            ),
        }
        self.link_code = code
        self.status_code = 404 if code == "unknown" else 410
        super().__init__(_bilingual(messages[code]), code=code)


def _bilingual(message_id: str) -> str:
    with translation.override("de"):
        german = _(message_id)
    with translation.override("en"):
        english = _(message_id)
    return german if german == english else f"{german} / {english}"


def referral_for_token(*, token: str) -> Referral:
    """The referral behind an answer link, if the link is still good; ReferralLinkError otherwise."""
    if not token or len(token) > 200:
        raise ReferralLinkError("unknown")
    referral = (
        Referral.objects.select_related("case", "case__client", "case__organisation", "to_organisation", "consent")
        .filter(answer_token_hash=hash_token(token))
        .first()
    )
    if referral is None:
        raise ReferralLinkError("unknown")
    if referral.answered_at is not None:
        raise ReferralLinkError("used")
    if referral.answer_token_expires_at is None or referral.answer_token_expires_at <= timezone.now():
        raise ReferralLinkError("expired")
    if referral.consent is not None and not referral.consent.is_valid_on(timezone.localdate()):
        raise ReferralLinkError("withdrawn")
    return referral


@transaction.atomic
def referral_answer_by_partner(
    *, token: str, status: str, feedback: str = "", appointment_date: dt.date | None = None
) -> Referral:
    """Record a partner's answer through the single-use link; a second answer is refused."""
    referral = referral_for_token(token=token)
    errors = {}
    if status not in PARTNER_STATUSES:
        errors["status"] = _("Choose one of the answers offered.")
    if status == ReferralStatus.APPOINTMENT and appointment_date is None:
        errors["appointment_date"] = _("Give the date of the appointment.")
    feedback = (feedback or "").strip()
    if len(feedback) > 4000:
        errors["feedback"] = _("Please keep the feedback under 4,000 characters.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    lines = [_("Answer of %(organisation)s on %(date)s") % {
        "organisation": referral.to_organisation or referral.to_service,
        "date": timezone.localdate(now).strftime("%d.%m.%Y"),
    }]
    if appointment_date:
        lines.append(_("Appointment: %(date)s") % {"date": appointment_date.strftime("%d.%m.%Y")})
    if feedback:
        lines.append(feedback)
    entry = "\n".join(lines)
    new_feedback = f"{referral.feedback}\n\n{entry}" if referral.feedback else entry
    # The conditional update makes the link single-use even if two answers arrive at the same moment.
    updated = Referral.objects.filter(pk=referral.pk, answered_at__isnull=True).update(
        status=status, feedback=new_feedback, answered_at=now, version=F("version") + 1
    )
    if not updated:
        raise ReferralLinkError("used")
    referral.refresh_from_db()
    CaseEvent.objects.create(
        case=referral.case,
        actor=None,
        kind="referral_answered",
        note=f"{referral_reference(referral)}: {referral.get_status_display()}"[:500],
    )
    audit_log(
        actor=Actor.system(),
        system=PARTNER_ANSWER_SYSTEM,
        action="cases.referral.partner_answer",
        obj=referral,
        object_label=referral_reference(referral),
        details={"status": status, "fields": ["feedback"] if feedback else [], "appointment": bool(appointment_date)},
    )
    return referral


# Letter -------------------------------------------------------------------------------------------------


def _letter_context(referral: Referral) -> dict:
    from kim.accounts.models import StaffProfile
    from kim.clients.models import DataCategory

    case = referral.case
    client = case.client
    categories = set(referral.consent.data_categories) if referral.consent else set()
    master = DataCategory.MASTER_DATA in categories
    profile = StaffProfile.objects.filter(user=case.case_manager).first()
    return {
        "referral": referral,
        "reference": referral_reference(referral),
        "case": case,
        "sender": case.organisation,
        "case_manager": case.case_manager,
        "case_manager_phone": profile.phone if profile else "",
        "recipient": referral.to_organisation,
        "client_name": client.full_name if master else "",
        "client_birth": client.birth_date_display if master else "",
        "client_phone": client.phone if master else "",
        "client_email": client.email if master else "",
        "consent": referral.consent,
        "today": timezone.localdate(),
    }


def _letter_pdf(referral: Referral) -> bytes:
    from kim.core.pdf import render_pdf

    return render_pdf("cases/referral_letter_pdf.html", _letter_context(referral), language="de")


def referral_letter_pdf(*, actor: Actor, referral: Referral) -> bytes:
    """The referral letter (German): sender, case manager, recipient, client (as consented), reason, the
    requested feedback date and the reference. Each download is audited."""
    if not (is_case_worker(actor, referral.case) or _is_partner_actor(actor, referral)):
        raise PermissionDenied
    pdf = _letter_pdf(referral)
    audit_log(
        actor=actor,
        action="cases.referral.letter",
        obj=referral,
        object_label=referral_reference(referral),
        details={"case": referral.case_id, "client": referral.case.client_id},
    )
    return pdf


# Selectors ----------------------------------------------------------------------------------------------


def referrals_in_scope(*, actor: Actor) -> QuerySet[Referral]:
    """Referrals of the cases the actor sees; authority staff see only those addressed to them."""
    qs = Referral.objects.filter(case__in=Case.objects.for_actor(actor)).select_related(
        "case", "case__client", "case__organisation", "case__case_manager", "to_organisation", "consent"
    )
    if actor.role == Role.AUTHORITY_STAFF:
        return qs.filter(to_organisation_id=actor.organisation_id)
    if actor.role in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        return qs
    return qs.none()


def referral_get(*, actor: Actor, pk: int) -> Referral:
    from django.http import Http404

    try:
        return referrals_in_scope(actor=actor).get(pk=pk)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def referrals_for_case(*, actor: Actor, case: Case) -> QuerySet[Referral]:
    return referrals_in_scope(actor=actor).filter(case=case).order_by("-created_at", "-id")


def referrals_awaiting_feedback(*, actor: Actor, today: dt.date | None = None) -> QuerySet[Referral]:
    """Sent, appointment arranged or accepted, and feedback due within a week (or overdue)."""
    today = today or timezone.localdate()
    return (
        referrals_in_scope(actor=actor)
        .filter(status__in=AWAITING_STATUSES, due_date__isnull=False, due_date__lte=today + dt.timedelta(days=7))
        .order_by("due_date", "id")
    )


def referral_channel(referral: Referral) -> str:
    """How the partner answers: "platform", "link" or "manual" (decided at the last sending)."""
    if referral.status == ReferralStatus.PLANNED:
        return ""
    if referral.answer_token_hash:
        return "link"
    if CaseShare.objects.filter(
        case_id=referral.case_id, organisation_id=referral.to_organisation_id, revoked_at__isnull=True
    ).exists():
        return "platform"
    return "manual"


def is_overdue(referral: Referral, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return bool(referral.due_date and referral.due_date < today and referral.status in OPEN_STATUSES)


def partner_organisations() -> QuerySet[Organisation]:
    """Organisations a referral can go to (the partner directory of the network)."""
    return Organisation.objects.filter(is_active=True).order_by("name")
