"""The public contact and appointment request form.

Every message a visitor can see is an English msgid translated into all public languages (Django's own
messages exist only for some of them). Input is checked strictly, and what is refused is named: markup in
the name or the message, control and direction-override characters, more topics than there are, texts over
the limits. Nothing is cleaned silently except invisible characters.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District
from kim.cases.models import LifeDomain, NeedArea
from kim.core.languages import LANGUAGE_CHOICES_CODES
from kim.portal.directory import language_label
from kim.portal.languages import public_languages

NAME_MAX = 200
MESSAGE_MAX = 2000
MAX_LINKS = 3

#: The topics of the intake (kim.cases RequestForm: need areas and life domains), worded for the public.
PUBLIC_TOPICS = {
    NeedArea.FIRST_INTEGRATION: _("Finding my way in Germany (first steps I missed after arriving)"),
    NeedArea.FAMILY_PROBLEMS: _("Several problems at once in my family"),
    NeedArea.CARE_SETTING: _("Organising care for an older or ill family member"),
    LifeDomain.LANGUAGE: _("Learning German, language courses"),
    LifeDomain.EDUCATION: _("School, training, recognition of qualifications"),
    LifeDomain.WORK: _("Work and finding a job"),
    LifeDomain.INCOME: _("Money, benefits, applications"),
    LifeDomain.HEALTH: _("Health"),
    LifeDomain.HOUSING: _("Housing"),
    LifeDomain.RESIDENCE: _("Residence permit and naturalisation"),
    LifeDomain.FAMILY: _("Family, children and childcare"),
    LifeDomain.CONSUMER: _("Contracts, bills and debts"),
    LifeDomain.PARTICIPATION: _("Clubs, leisure, getting involved"),
    LifeDomain.CARE: _("Need for care"),
}
TOPIC_CHOICES = [(value, PUBLIC_TOPICS[value]) for value in [*NeedArea.values, *LifeDomain.values]]

# Characters nobody types on purpose: controls (except line breaks and tabs), and the bidirectional
# overrides/isolates with which a text can be made to display differently from what it is.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufeff]")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?\w+;|javascript\s*:", re.IGNORECASE)
_LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,30}$",
    _("Enter the phone number with digits only – spaces and the signs + ( ) / - are allowed."),
)


def strip_invisible(value: str) -> str:
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", value or ""))


class PlainTextField(forms.CharField):
    """A CharField that drops invisible control and direction-override characters before anything else."""

    def to_python(self, value):
        return super().to_python(strip_invisible(value) if isinstance(value, str) else value)


def _too_long():
    return {
        "max_length": _("Please shorten this to at most %(limit_value)d characters (now %(show_value)d).")
    }


class ContactForm(forms.Form):
    name = PlainTextField(
        label=_("Your name"),
        max_length=NAME_MAX,
        error_messages={"required": _("Please enter your name."), **_too_long()},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("In which language would you like to talk?"),
        choices=(),
        error_messages={
            "required": _("Please choose a language."),
            "invalid_choice": _("Please choose a language from the list."),
        },
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        validators=[phone_validator],
        error_messages=_too_long(),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
            **_too_long(),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    topics = forms.MultipleChoiceField(
        label=_("What is it about?"),
        help_text=_("Choose everything that fits. You can also leave this empty."),
        required=False,
        choices=TOPIC_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose topics from the list only.")},
    )
    message = PlainTextField(
        label=_("Your message (optional)"),
        required=False,
        max_length=MESSAGE_MAX,
        error_messages=_too_long(),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    district = forms.ChoiceField(
        label=_("Your district (Sozialraum)"),
        help_text=_("If you do not know it, choose “I don't know” – we will find it from your postcode."),
        required=False,
        choices=(),
        error_messages={"invalid_choice": _("Please choose a district from the list.")},
    )
    postcode = forms.RegexField(
        label=_("Postcode (optional)"),
        regex=r"^\d{5}$",
        required=False,
        max_length=5,
        error_messages={"invalid": _("A German postcode has five digits."), **_too_long()},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "dir": "ltr"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are processed as described above to answer my request."),
        error_messages={
            "required": _(
                "Please agree to the processing of your details – otherwise we cannot answer your request."
            )
        },
    )

    def __init__(self, *args, locale: str = "de", **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["message"].help_text = _(
            "A few sentences are enough, at most %(limit)d characters. Please write no health details here."
        ) % {"limit": MESSAGE_MAX}
        site = [language.html_lang for language in public_languages()]
        labels = sorted(
            (language_label(code, locale) for code in LANGUAGE_CHOICES_CODES),
            key=lambda lab: (lab.code != locale, lab.code != "de", lab.name.casefold()),
        )
        self.fields["preferred_language"].choices = [
            (_("Languages of this website"), [(lab.code, lab.label) for lab in labels if lab.code in site]),
            (_("More languages"), [(lab.code, lab.label) for lab in labels if lab.code not in site]),
        ]
        self.districts = {str(d.pk): d for d in District.objects.order_by("number")}
        self.fields["district"].choices = [
            ("", _("I don't know")),
            *((pk, d.name) for pk, d in self.districts.items()),
        ]

    # Fields ------------------------------------------------------------------------------------------

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if _MARKUP.search(name) or "<" in name or ">" in name:
            raise forms.ValidationError(
                _("Please enter only your name here – without the signs < and > and without code."),
                code="markup",
            )
        if _LINK.search(name):
            raise forms.ValidationError(
                _("Please enter only your name here, without web addresses."), code="link"
            )
        if len(name) < 2:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def clean_phone(self):
        return " ".join(self.cleaned_data["phone"].split())

    def clean_topics(self):
        sent = self.data.getlist("topics") if hasattr(self.data, "getlist") else self.cleaned_data["topics"]
        if len(sent) > len(TOPIC_CHOICES):
            raise forms.ValidationError(
                _("Too many topics were sent. Please choose at most %(count)d.")
                % {"count": len(TOPIC_CHOICES)},
                code="too_many",
            )
        return list(dict.fromkeys(self.cleaned_data["topics"]))

    def clean_message(self):
        message = self.cleaned_data["message"].replace("\r\n", "\n").strip()
        if _MARKUP.search(message):
            raise forms.ValidationError(
                _(
                    "Please write your message as plain text – without HTML or program code (for example <script>)."
                ),
                code="markup",
            )
        if len(_LINK.findall(message)) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please include at most %(count)d web addresses.") % {"count": MAX_LINKS}, code="links"
            )
        return message

    def clean_district(self):
        value = self.cleaned_data["district"]
        return self.districts.get(value) if value else None

    def clean(self):
        data = super().clean()
        if (
            not data.get("phone")
            and not data.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            self.add_error(
                "phone",
                _("Please give a phone number or an e-mail address (or both), so that we can answer you."),
            )
        return data
