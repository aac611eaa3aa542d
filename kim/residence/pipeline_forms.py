"""Forms of the candidate pipeline. They parse; kim.residence.pipeline validates the rules and writes."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.clients.forms import country_choices, month_choices
from kim.clients.models import Gender
from kim.core.forms import DateInput
from kim.residence.forms import ResidenceStatusForm
from kim.residence.models import PipelineAlertKind, PipelineStage
from kim.residence.pipeline import allowed_moves, referral_authorities, routes_for

NOTE_WIDGET = forms.Textarea(attrs={"rows": 3, "dir": "auto"})


def _route_choices(routes):
    from kim.residence.pipeline import route_label

    return [(route, route_label(route)) for route in routes]


class ProposeForm(forms.Form):
    authority = forms.ModelChoiceField(
        label=_("Authority"),
        queryset=None,
        empty_label=_("– choose –"),
    )
    routes = forms.MultipleChoiceField(
        label=_("Routes"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The foreigners' authority works the residence routes, the naturalisation authority §§ 9, 10 StAG."
        ),
    )
    note = forms.CharField(
        label=_("Note for the authority"),
        required=False,
        max_length=2000,
        widget=NOTE_WIDGET,
        help_text=_("What the authority should know, e.g. what has been counselled. No health details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        authorities = referral_authorities()
        self.fields["authority"].queryset = authorities
        routes = []
        for authority in authorities:
            routes += [route for route in routes_for(authority) if route not in routes]
        self.fields["routes"].choices = _route_choices(routes)


class BoardFilterForm(forms.Form):
    route = forms.ChoiceField(label=_("Route"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[
            ("", _("all")),
            ("open", _("open stages")),
            ("final", _("decided or withdrawn")),
            *PipelineStage.choices,
        ],
    )
    alert = forms.ChoiceField(
        label=_("Alert"),
        required=False,
        choices=[("", _("all")), ("any", _("with an alert")), *PipelineAlertKind.choices],
    )
    responsible = forms.ChoiceField(
        label=_("Responsible"),
        required=False,
        choices=[("", _("all")), ("me", _("me")), ("none", _("nobody yet"))],
    )

    def __init__(self, *args, authority=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = [("", _("all")), *_route_choices(routes_for(authority))]


class MoveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_stage = forms.ChoiceField(label=_("New stage"))
    reached_on = forms.DateField(
        label=_("Reached on"),
        widget=DateInput(),
        help_text=_("The day the stage was reached; today if empty."),
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=NOTE_WIDGET,
        help_text=_("Required when the candidate goes back a stage."),
    )

    def __init__(self, *args, candidate=None, **kwargs):
        kwargs.setdefault("initial", {})
        if candidate is not None:
            kwargs["initial"].setdefault("version", candidate.version)
        kwargs["initial"].setdefault("reached_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        moves = allowed_moves(candidate.stage) if candidate is not None else ()
        self.fields["to_stage"].choices = [(s, PipelineStage(s).label) for s in moves]


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Reason for reopening"), max_length=2000, widget=NOTE_WIDGET)


class AssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    responsible = forms.ModelChoiceField(
        label=_("Responsible"), queryset=None, required=False, empty_label=_("nobody")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = people
        self.fields["responsible"].label_from_instance = lambda user: user.get_full_name() or user.email


class CandidatePrecheckForm(forms.Form):
    decision_date = forms.DateField(
        label=_("Decision date"), widget=DateInput(), help_text=_("The day the rules are applied for.")
    )


class RegisterForm(ResidenceStatusForm):
    """A person the authority identified itself: minimal person data, the current residence status, routes."""

    given_names = forms.CharField(label=_("Given names"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    name_original_script = forms.CharField(
        label=_("Name in original script"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    birth_day = forms.IntegerField(label=_("Day of birth"), min_value=1, max_value=31, required=False)
    birth_month = forms.TypedChoiceField(
        label=_("Month of birth"), required=False, coerce=int, empty_value=None, choices=()
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.NOT_STATED)
    nationality = forms.ChoiceField(label=_("Nationality"), required=False, choices=())
    arrival_germany = forms.DateField(label=_("Arrival in Germany"), required=False, widget=DateInput())
    routes = forms.MultipleChoiceField(label=_("Routes"), widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=NOTE_WIDGET)
    confirmed_different_person = forms.BooleanField(
        label=_("This is a different person than the one already recorded"), required=False
    )

    field_order = [
        "given_names",
        "family_name",
        "name_original_script",
        "birth_day",
        "birth_month",
        "birth_year",
        "gender",
        "nationality",
        "arrival_germany",
        "kind",
        "legal_basis",
        "valid_from",
        "valid_to",
        "issuing_authority",
        "routes",
        "note",
        "confirmed_different_person",
    ]

    def __init__(self, *args, authority=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_month"].choices = month_choices()
        self.fields["nationality"].choices = country_choices()
        self.fields["routes"].choices = _route_choices(routes_for(authority))
        self.fields["kind"].label = _("Current residence status")
        self.fields["birth_day"].help_text = _("Day and month are needed for the § 25a age alert.")

    def person(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "given_names",
                "family_name",
                "name_original_script",
                "birth_day",
                "birth_month",
                "birth_year",
                "gender",
                "arrival_germany",
            )
        }
        fields["nationalities"] = [data["nationality"]] if data.get("nationality") else []
        return fields

    def status(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ResidenceStatusForm.base_fields}


class StatisticsForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
