"""Forms of client records, further names, households and the search. They parse and validate; services write."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kim.clients.models import Gender, LanguageLevel, NameKind, Relation
from kim.core.forms import DateInput
from kim.core.languages import language_choices

STATELESS = "XX"
LANGUAGE_ROWS = 3
NATIONALITY_ROWS = 2
# Babel's territories include regions and special codes; these are not countries of a passport.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


@lru_cache(maxsize=16)
def _countries(ui_language: str) -> tuple[tuple[str, str], ...]:
    try:
        locale = Locale.parse(ui_language.replace("-", "_"))
    except (ValueError, TypeError):
        locale = Locale.parse("de")
    pairs = [
        (code, name)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


def country_codes() -> set[str]:
    return {code for code, _name in _countries("de")} | {STATELESS}


def country_name(code: str) -> str:
    if code == STATELESS:
        return str(_("stateless"))
    return dict(_countries(get_language() or "de")).get(code, code)


def country_choices():
    return [("", _("– none –")), (STATELESS, _("stateless")), *_countries(get_language() or "de")]


def month_choices():
    import calendar

    from django.utils.dates import MONTHS

    return [("", _("– unknown –")), *[(number, MONTHS[number]) for number in range(1, len(calendar.month_name))]]


class ClientForm(forms.Form):
    """The client record. Nationalities and languages come as a few rows of selects; ``clean`` turns them
    into the lists the model stores."""

    given_names = forms.CharField(label=_("Given names"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    name_original_script = forms.CharField(
        label=_("Name in original script"),
        max_length=300,
        required=False,
        help_text=_("As the person writes it, e.g. محمد الأحمد or Олександр Коваль."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    birth_day = forms.IntegerField(
        label=_("Day"), min_value=1, max_value=31, required=False, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    birth_month = forms.TypedChoiceField(label=_("Month"), required=False, coerce=int, empty_value=None, choices=())
    birth_year = forms.IntegerField(
        label=_("Year"),
        min_value=1900,
        max_value=2100,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.NOT_STATED, widget=forms.RadioSelect)
    interpreter_needed = forms.BooleanField(label=_("An interpreter is needed"), required=False)
    interpreter_language = forms.ChoiceField(label=_("Interpreter language"), required=False, choices=())
    phone = forms.CharField(
        label=_("Phone"), max_length=40, required=False, widget=forms.TextInput(attrs={"inputmode": "tel", "type": "tel"})
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    messenger = forms.CharField(label=_("Messenger"), max_length=100, required=False, help_text=_("e.g. Signal or WhatsApp with number"))
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postcode = forms.CharField(
        label=_("Postcode"), max_length=5, required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False, initial="Oberhausen")
    arrival_germany = forms.DateField(label=_("Arrival in Germany"), required=False, widget=DateInput())
    arrival_city = forms.DateField(label=_("Arrival in the city"), required=False, widget=DateInput())

    def __init__(self, *args, client=None, **kwargs):
        if client is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(client)
        super().__init__(*args, **kwargs)
        self.fields["birth_month"].choices = month_choices()
        languages = [("", _("– none –")), *language_choices()]
        self.fields["interpreter_language"].choices = languages
        for row in range(1, NATIONALITY_ROWS + 1):
            self.fields[f"nationality_{row}"] = forms.ChoiceField(
                label=_("Nationality") if row == 1 else _("Further nationality"),
                required=False,
                choices=country_choices(),
            )
        for row in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Language %(number)s") % {"number": row}, required=False, choices=languages
            )
            self.fields[f"level_{row}"] = forms.ChoiceField(
                label=_("Level of language %(number)s") % {"number": row},
                required=False,
                choices=[("", _("– not assessed –")), *LanguageLevel.choices],
            )

    @staticmethod
    def initial_for(client) -> dict:
        initial = {name: getattr(client, name) for name in (
            "given_names", "family_name", "name_original_script", "birth_day", "birth_month", "birth_year",
            "gender", "interpreter_needed", "interpreter_language", "phone", "email", "messenger", "street",
            "postcode", "city", "arrival_germany", "arrival_city",
        )}
        for row, code in enumerate(client.nationalities[:NATIONALITY_ROWS], start=1):
            initial[f"nationality_{row}"] = code
        for row, entry in enumerate(client.languages[:LANGUAGE_ROWS], start=1):
            initial[f"language_{row}"] = entry.get("code", "")
            initial[f"level_{row}"] = entry.get("level", "")
        return initial

    def clean(self):
        data = super().clean()
        data["nationalities"] = [
            data.pop(f"nationality_{row}", "") for row in range(1, NATIONALITY_ROWS + 1)
        ]
        data["nationalities"] = [code for code in data["nationalities"] if code]
        languages = []
        for row in range(1, LANGUAGE_ROWS + 1):
            code, level = data.pop(f"language_{row}", ""), data.pop(f"level_{row}", "")
            if level and not code:
                self.add_error(f"language_{row}", _("Choose the language for this level."))
            elif code:
                languages.append({"code": code, "level": level})
        data["languages"] = languages
        return data

    def name_fields(self):
        return [self[name] for name in ("given_names", "family_name", "name_original_script")]

    def birth_fields(self):
        return [self[name] for name in ("birth_day", "birth_month", "birth_year")]

    def nationality_fields(self):
        return [self[f"nationality_{row}"] for row in range(1, NATIONALITY_ROWS + 1)]

    def language_rows(self):
        return [(self[f"language_{row}"], self[f"level_{row}"]) for row in range(1, LANGUAGE_ROWS + 1)]

    def contact_fields(self):
        return [self[name] for name in ("phone", "email", "messenger")]

    def address_fields(self):
        return [self[name] for name in ("street", "postcode", "city")]

    def arrival_fields(self):
        return [self[name] for name in ("arrival_germany", "arrival_city")]


class ClientCreateForm(ClientForm):
    confirmed_different_person = forms.BooleanField(
        label=_("I have checked the similar records: this is a different person."), required=False
    )


class ClientUpdateForm(ClientForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ClientNameForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NameKind.choices)
    given_names = forms.CharField(label=_("Given names"), max_length=200, required=False, widget=forms.TextInput(attrs={"dir": "auto"}))
    family_name = forms.CharField(label=_("Family name"), max_length=200, required=False, widget=forms.TextInput(attrs={"dir": "auto"}))

    def clean(self):
        data = super().clean()
        if not (data.get("given_names") or "").strip() and not (data.get("family_name") or "").strip():
            self.add_error("family_name", _("Enter at least a given name or a family name."))
        return data


class ClientSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, case number or phone"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto", "autocomplete": "off"}),
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, min_value=1900, max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class HouseholdForm(forms.Form):
    name = forms.CharField(label=_("Name of the household"), max_length=200, help_text=_("e.g. Family Haddad"))


class HouseholdMemberAddForm(forms.Form):
    client = forms.IntegerField(widget=forms.HiddenInput)
    relation = forms.ChoiceField(label=_("Relation to the reference person"), choices=Relation.choices)


class HouseholdMemberRelationForm(forms.Form):
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)
