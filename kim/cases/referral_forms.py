"""Forms of referrals (staff) and of the partner's answer page (public)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.cases.models import LifeDomain, ReferralStatus
from kim.core.forms import DateInput


class ReferralForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        queryset=None,
        label=_("Partner organisation"),
        help_text=_("The client's consent to share data with this organisation must be recorded first."),
        empty_label=_("– choose –"),
    )
    to_service = forms.CharField(
        label=_("Service or contact person"),
        max_length=200,
        required=False,
        help_text=_("e.g. migration counselling, debt counselling, Ms Schulz in the registration office"),
    )
    partner_email = forms.EmailField(
        label=_("Partner's e-mail"),
        required=False,
        help_text=_(
            "Partners who do not use the platform get the letter and a single-use answer link here. "
            "Leave empty to use the organisation's address."
        ),
    )
    domain = forms.ChoiceField(label=_("Life domain"), choices=[("", _("– choose –")), *LifeDomain.choices])
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What should the partner do? The partner reads this text; write nothing the consent does not cover."),
    )
    due_date = forms.DateField(
        label=_("Feedback requested by"), required=False, widget=DateInput(), help_text=_("Leave empty if no date is needed.")
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = organisations


class ReferralUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    feedback = forms.CharField(
        label=_("Feedback from the partner"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What came of the referral for the client?"),
    )
    due_date = forms.DateField(label=_("Feedback requested by"), required=False, widget=DateInput())

    def __init__(self, *args, partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if partner:
            # Authority staff of the receiving organisation answer: status and feedback only.
            del self.fields["outcome"]
            del self.fields["due_date"]


PARTNER_CHOICES = [
    (ReferralStatus.APPOINTMENT, _("An appointment has been arranged")),
    (ReferralStatus.ACCEPTED, _("We have taken on the request")),
    (ReferralStatus.COMPLETED, _("Completed")),
    (ReferralStatus.DECLINED, _("We cannot take on the request")),
    (ReferralStatus.NO_SHOW, _("The person did not come")),
]


class PartnerAnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Your answer"), choices=PARTNER_CHOICES, widget=forms.RadioSelect)
    appointment_date = forms.DateField(
        label=_("Date of the appointment"),
        required=False,
        widget=DateInput(),
        help_text=_("Only if an appointment has been arranged."),
    )
    feedback = forms.CharField(
        label=_("Message to the case manager"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional. Please write only what the case manager needs to know."),
    )
