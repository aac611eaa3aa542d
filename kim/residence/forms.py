"""The form of one residence status of a client's timeline."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.forms import DateInput
from kim.residence.models import StatusKind


class ResidenceStatusForm(forms.Form):
    kind = forms.ChoiceField(label=_("Status"), choices=[("", _("– choose –")), *StatusKind.choices])
    legal_basis = forms.CharField(
        label=_("Legal basis"), max_length=100, required=False, help_text=_("e.g. § 25 Abs. 2 AufenthG")
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_to = forms.DateField(
        label=_("Valid to"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty if the status has no end date."),
    )
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            self.add_error("valid_to", _("The end is before the start."))
        return data

    @staticmethod
    def initial_for(status) -> dict:
        return {name: getattr(status, name) for name in ("kind", "legal_basis", "valid_from", "valid_to", "issuing_authority")}


class PrecheckForm(forms.Form):
    decision_date = forms.DateField(
        label=_("Decision date"), widget=DateInput(), help_text=_("The day the rules are applied for.")
    )
    facts = forms.CharField(
        label=_("Further facts"),
        widget=forms.Textarea(attrs={"rows": 24, "dir": "ltr", "spellcheck": "false"}),
        help_text=_(
            "The complete facts as JSON (fact model of the pre-check). What the platform knows is filled in; "
            "add what is missing. Facts left out are reported as missing, never assumed."
        ),
    )

    def clean_facts(self):
        import json

        text = self.cleaned_data["facts"]
        try:
            value = json.loads(text)
        except ValueError as error:
            raise forms.ValidationError(
                _("This is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": getattr(error, "lineno", "?"), "column": getattr(error, "colno", "?")}
            ) from None
        if not isinstance(value, dict):
            raise forms.ValidationError(_("The facts must be a JSON object ({…})."))
        return value
