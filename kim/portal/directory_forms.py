"""GET forms of the responsibility finder and the staff list (they work without JavaScript)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District

_TOO_LONG = _("Please shorten this to at most %(limit_value)d characters (now %(show_value)d).")


class FinderForm(forms.Form):
    street = forms.CharField(
        label=_("Street and house number"),
        required=False,
        max_length=120,
        error_messages={"max_length": _TOO_LONG},
        widget=forms.TextInput(
            attrs={"autocomplete": "street-address", "placeholder": _("e.g. Marktstraße 12")}
        ),
    )
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\s*\d{5}\s*$",
        required=False,
        max_length=12,
        error_messages={"invalid": _("A German postcode has five digits."), "max_length": _TOO_LONG},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "dir": "ltr"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the conversation"),
        required=False,
        choices=(),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("any language")),
            *((lab.code, lab.label) for lab in languages),
        ]

    def clean_postcode(self):
        return self.cleaned_data["postcode"].strip()


class StaffFilterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=(),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        choices=(),
        error_messages={"invalid_choice": _("Please choose a district from the list.")},
    )

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("any language")),
            *((lab.code, lab.label) for lab in languages),
        ]
        self.fields["district"].choices = [
            ("", _("all districts")),
            *((str(d.pk), d.name) for d in District.objects.order_by("number")),
        ]

    def clean_district(self):
        value = self.cleaned_data["district"]
        return int(value) if value else None
