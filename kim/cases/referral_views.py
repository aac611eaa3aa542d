"""Referral pages: plan, show, edit (optimistic locking), send, letter PDF – and the partner's public
answer page behind the single-use link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.cases import referrals
from kim.cases.models import ReferralStatus
from kim.cases.referral_forms import PartnerAnswerForm, ReferralForm, ReferralUpdateForm
from kim.cases.selectors import case_get
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError

CASE_WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


@role_required(*CASE_WORKERS)
def referral_create(request, case_pk: int):
    case = case_get(actor=request.actor, pk=case_pk)  # own cases (case manager) or the organisation's (team lead)
    organisations = referrals.partner_organisations().exclude(pk=case.organisation_id)
    form = ReferralForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = referrals.referral_create(actor=request.actor, case=case, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Referral to %(organisation)s planned. Check the letter, then send it.")
                % {"organisation": referral.to_organisation},
            )
            return redirect("referrals:referral_detail", pk=referral.pk)
    return render(request, "cases/referral_form.html", {"form": form, "case": case})


@role_required(*CASE_WORKERS, Role.AUTHORITY_STAFF)
def referral_detail(request, pk: int):
    referral = referrals.referral_get(actor=request.actor, pk=pk)
    case = referral.case
    audit_log(
        actor=request.actor,
        action="cases.referral.view",
        obj=referral,
        object_label=referrals.referral_reference(referral),
        details={"case": case.pk, "client": case.client_id},
    )
    return render(
        request,
        "cases/referral_detail.html",
        {
            "referral": referral,
            "case": case,
            "reference": referrals.referral_reference(referral),
            "may_work": referrals.is_case_worker(request.actor, case),
            "channel": referrals.referral_channel(referral),
            "overdue": referrals.is_overdue(referral),
            "can_send": referral.status in (ReferralStatus.PLANNED, ReferralStatus.SENT) and not referral.answered_at,
            "link_expired": bool(
                referral.answer_token_expires_at and referral.answer_token_expires_at <= timezone.now() and not referral.answered_at
            ),
        },
    )


@role_required(*CASE_WORKERS, Role.AUTHORITY_STAFF)
def referral_update(request, pk: int):
    referral = referrals.referral_get(actor=request.actor, pk=pk)
    partner = not referrals.is_case_worker(request.actor, referral.case)
    initial = {
        "version": referral.version,
        "status": referral.status,
        "feedback": referral.feedback,
        "outcome": referral.outcome,
        "due_date": referral.due_date,
    }
    form = ReferralUpdateForm(request.POST or None, initial=initial, partner=partner)
    current = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referrals.referral_update(
                actor=request.actor,
                referral=referral,
                expected_version=data["version"],
                status=data["status"],
                feedback=data["feedback"],
                outcome=data.get("outcome", referral.outcome),
                due_date=data.get("due_date", referral.due_date),
            )
        except StaleRecordError as stale:
            current = stale.current
            # Keep what the user typed; a second save after comparing overwrites the other change knowingly.
            post = request.POST.copy()
            post["version"] = str(current.version)
            form = ReferralUpdateForm(post, initial=initial, partner=partner)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else changed this referral while you were editing it. Nothing was saved. "
                    "Compare with their version below, then save again."
                ),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Referral saved."))
            return redirect("referrals:referral_detail", pk=referral.pk)
    return render(
        request,
        "cases/referral_update.html",
        {
            "form": form,
            "referral": referral,
            "case": referral.case,
            "reference": referrals.referral_reference(referral),
            "current": current,
            "partner": partner,
        },
    )


@require_POST
@role_required(*CASE_WORKERS)
def referral_send(request, pk: int):
    referral = referrals.referral_get(actor=request.actor, pk=pk)
    try:
        result = referrals.referral_send(
            actor=request.actor, referral=referral, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("referrals:referral_detail", pk=referral.pk)
    organisation = result.referral.to_organisation
    if result.channel == "platform":
        messages.success(
            request,
            _("Referral sent. The case is now shared with %(organisation)s under the consent; their staff see it on the platform and answer there.")
            % {"organisation": organisation},
        )
    elif result.channel == "link":
        messages.success(
            request,
            _("Referral sent to %(email)s with the letter and an answer link that works once until %(date)s.")
            % {
                "email": result.referral.partner_email,
                "date": formats.date_format(result.expires_at, "SHORT_DATE_FORMAT"),
            },
        )
    else:
        messages.warning(
            request,
            _("Marked as sent. There is no e-mail address for %(organisation)s: hand over or post the letter yourself.")
            % {"organisation": organisation},
        )
    return redirect("referrals:referral_detail", pk=referral.pk)


@role_required(*CASE_WORKERS, Role.AUTHORITY_STAFF)
def referral_letter(request, pk: int):
    referral = referrals.referral_get(actor=request.actor, pk=pk)
    pdf = referrals.referral_letter_pdf(actor=request.actor, referral=referral)
    from kim.core.pdf import pdf_response

    return pdf_response(pdf, "Vermittlung-" + referrals.referral_reference(referral).replace("/", "-") + ".pdf")


# The partner's answer page (public, no login) ---------------------------------------------------------


def _public(response):
    # strict-origin: the token (in the path) never leaves in a Referer, but the origin does, which the CSRF
    # check of the answer form needs (with no-referrer browsers send "Origin: null" and the POST is refused).
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _masked_name(client) -> str:
    """First given name and the initial of the family name: enough for the partner to match the letter."""
    given = (client.given_names or "").split()
    first = given[0] if given else ""
    initial = f"{client.family_name[:1]}." if client.family_name else ""
    return f"{first} {initial}".strip()


@never_cache
def partner_answer(request, token: str):
    try:
        referral = referrals.referral_for_token(token=token)
    except referrals.ReferralLinkError as error:
        return _link_error(request, error)
    form = PartnerAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referrals.referral_answer_by_partner(
                token=token,
                status=data["status"],
                feedback=data["feedback"],
                appointment_date=data["appointment_date"],
            )
        except referrals.ReferralLinkError as error:
            return _link_error(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _public(
                render(request, "cases/partner_answer_done.html", {"organisation": referral.case.organisation})
            )
    context = {
        "form": form,
        "referral": referral,
        "reference": referrals.referral_reference(referral),
        "sender": referral.case.organisation,
        "recipient": referral.to_organisation,
        "person": _masked_name(referral.case.client),
        "expires_at": referral.answer_token_expires_at,
    }
    return _public(render(request, "cases/partner_answer.html", context))


def _link_error(request, error):
    response = render(
        request,
        "cases/partner_answer_invalid.html",
        {"code": error.link_code, "status": error.status_code},
        status=error.status_code,
    )
    return _public(response)
