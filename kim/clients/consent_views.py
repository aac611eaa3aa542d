"""Pages for a client's consents: list, record, detail, withdraw, signed scan, form PDF.

Case managers (for the clients of their cases) and team leads (for their organisation's clients) use them;
other roles get 403, records outside the scope 404. Services in kim.clients.consent do every write and audit.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kim.accounts.models import Organisation
from kim.accounts.views import apply_service_errors
from kim.clients import consent as consent_api
from kim.clients import consent_forms
from kim.clients.models import Client, ConsentPurpose, DataCategory
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.core.forms import DateInput
from kim.core.languages import autonym, language_name
from kim.core.pdf import pdf_response

# Forms -------------------------------------------------------------------------------------------------------


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(
        label=gettext_lazy("Purpose"), choices=ConsentPurpose.choices, widget=forms.RadioSelect
    )
    recipient = forms.ModelChoiceField(
        label=gettext_lazy("Recipient"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("– choose the organisation –"),
        help_text=gettext_lazy("Only for sharing: the organisation that may receive the data."),
    )
    data_categories = forms.MultipleChoiceField(
        label=gettext_lazy("Data covered"),
        choices=DataCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick exactly what the client agreed to. Health data need an explicit tick."),
    )
    valid_from = forms.DateField(label=gettext_lazy("Valid from"), widget=DateInput())
    valid_until = forms.DateField(
        label=gettext_lazy("Valid until"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Leave empty if the consent applies until it is withdrawn."),
    )
    form_language = forms.ChoiceField(
        label=gettext_lazy("Language of the form"),
        help_text=gettext_lazy(
            "The form is printed in this language; the German text is the legally binding one."
        ),
    )

    def __init__(self, *args, client: Client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = Organisation.objects.filter(is_active=True).exclude(
            pk=client.organisation_id
        )
        self.fields["form_language"].choices = [
            (code, _form_language_label(code)) for code in consent_forms.FORM_LANGUAGES
        ]
        if not self.is_bound:
            self.initial.setdefault("valid_from", timezone.localdate())
            self.initial.setdefault("form_language", _preferred_form_language(client))

    def clean(self):
        cleaned = super().clean()
        # The recipient field is hidden unless "sharing" is chosen: a choice left there from before counts not.
        if cleaned.get("purpose") != ConsentPurpose.SHARE_WITH_ORGANISATION:
            cleaned["recipient"] = None
        return cleaned


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=gettext_lazy("Withdrawn on"),
        widget=DateInput(),
        help_text=gettext_lazy("The day the client declared the withdrawal. It takes effect on that day."),
    )
    withdrawal_note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "How it was declared, e.g. “by phone”, “letter of 3 March”. No health details."
        ),
    )


class ScanForm(forms.Form):
    scan = forms.FileField(
        label=gettext_lazy("Signed form (scan)"),
        help_text=gettext_lazy("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


def _form_language_label(code: str) -> str:
    """ "Українська – Ukrainisch": the language's own name (the client reads it) and the UI's name for it."""
    own, ui = autonym(code), language_name(code)
    return own if own.casefold() == ui.casefold() else f"{own} – {ui}"


def _preferred_form_language(client: Client) -> str:
    for entry in client.languages or []:
        code = entry.get("code") if isinstance(entry, dict) else entry
        if code in consent_forms.FORM_LANGUAGES:
            return code
    return "de"


def _client_url(client: Client) -> str | None:
    """The client's page (kim.clients.urls), if that page exists yet."""
    try:
        return reverse("clients:client_detail", kwargs={"pk": client.pk})
    except NoReverseMatch:
        return None


def _with_status(consents, today):
    rows = list(consents)
    for consent in rows:
        consent.status = consent_api.consent_status(consent, today)
        consent.category_labels = consent_api.category_labels(consent.data_categories)
    return rows


# Views -------------------------------------------------------------------------------------------------------


@role_required(*consent_api.CONSENT_ROLES)
def consent_list(request, client_pk: int):
    client = consent_api.client_get(actor=request.actor, pk=client_pk)
    today = timezone.localdate()
    consents = _with_status(consent_api.consents_for_client(actor=request.actor, client=client), today)
    audit_log(actor=request.actor, action="clients.consent.list", obj=client)
    return render(
        request,
        "clients/consent_list.html",
        {"client": client, "consents": consents, "client_url": _client_url(client), "today": today},
    )


@role_required(*consent_api.CONSENT_ROLES)
def consent_create(request, client_pk: int):
    client = consent_api.client_get(actor=request.actor, pk=client_pk)
    form = ConsentForm(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        try:
            consent = consent_api.consent_record(actor=request.actor, client=client, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Consent recorded. Print the form, have it signed and upload the scan."),
            )
            return redirect("consent:detail", pk=consent.pk)
    return render(request, "clients/consent_form.html", {"client": client, "form": form})


@role_required(*consent_api.CONSENT_ROLES)
def consent_detail(request, pk: int):
    consent = consent_api.consent_get(actor=request.actor, pk=pk)
    today = timezone.localdate()
    consent.status = consent_api.consent_status(consent, today)
    consent.category_labels = consent_api.category_labels(consent.data_categories)
    audit_log(
        actor=request.actor, action="clients.consent.view", obj=consent, details={"client": consent.client_id}
    )
    return render(
        request,
        "clients/consent_detail.html",
        {
            "consent": consent,
            "client": consent.client,
            "shares": consent_api.consent_active_shares(consent=consent),
            "client_url": _client_url(consent.client),
            "form_language_name": language_name(consent.form_language),
            "scan_form": ScanForm(),
        },
    )


@role_required(*consent_api.CONSENT_ROLES)
def consent_withdraw(request, pk: int):
    consent = consent_api.consent_get(actor=request.actor, pk=pk)
    if consent.withdrawn_on and request.method != "POST":
        messages.info(request, _("This consent has been withdrawn already."))
        return redirect("consent:detail", pk=consent.pk)
    form = WithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            consent = consent_api.consent_withdraw(
                actor=request.actor,
                consent=consent,
                on=form.cleaned_data["withdrawn_on"],
                note=form.cleaned_data["withdrawal_note"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if consent.revoked_share_count:
                messages.success(
                    request,
                    ngettext(
                        "Consent withdrawn. Sharing based on it has ended for %(count)d case.",
                        "Consent withdrawn. Sharing based on it has ended for %(count)d cases.",
                        consent.revoked_share_count,
                    )
                    % {"count": consent.revoked_share_count},
                )
            else:
                messages.success(
                    request, _("Consent withdrawn. Nothing will be shared on its basis any more.")
                )
            return redirect("consent:detail", pk=consent.pk)
    return render(
        request,
        "clients/consent_withdraw.html",
        {
            "consent": consent,
            "client": consent.client,
            "form": form,
            "shares": consent_api.consent_active_shares(consent=consent),
        },
    )


@role_required(*consent_api.CONSENT_ROLES)
def consent_scan(request, pk: int):
    consent = consent_api.consent_get(actor=request.actor, pk=pk)
    form = ScanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_api.consent_attach_scan(
                actor=request.actor, consent=consent, upload=form.cleaned_data["scan"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The signed form has been stored."))
            return redirect("consent:detail", pk=consent.pk)
    return render(
        request, "clients/consent_scan.html", {"consent": consent, "client": consent.client, "form": form}
    )


@role_required(*consent_api.CONSENT_ROLES)
def consent_scan_download(request, pk: int):
    consent = consent_api.consent_get(actor=request.actor, pk=pk)
    handle, content_type, filename = consent_api.consent_scan_open(actor=request.actor, consent=consent)
    response = FileResponse(handle, content_type=content_type, as_attachment=True, filename=filename)
    response["Cache-Control"] = "no-store"
    return response


@role_required(*consent_api.CONSENT_ROLES)
def consent_form_pdf(request, pk: int):
    consent = consent_api.consent_get(actor=request.actor, pk=pk)
    content = consent_api.consent_form_pdf(actor=request.actor, consent=consent)
    return pdf_response(content, f"einwilligung-{consent.pk}-{consent.form_language}.pdf")
