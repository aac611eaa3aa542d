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
        return {
            name: getattr(status, name)
            for name in ("kind", "legal_basis", "valid_from", "valid_to", "issuing_authority")
        }


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


# Guided pre-check form ------------------------------------------------------------------------------------------


class TriStateField(forms.TypedChoiceField):
    """Yes / no / unknown; "unknown" (the empty choice) is a real answer and gives None, never False."""

    def __init__(self, **kwargs):
        kwargs["required"] = False
        super().__init__(
            choices=[("yes", _("yes")), ("no", _("no")), ("", _("unknown"))],
            coerce=lambda value: {"yes": True, "no": False}.get(value),
            empty_value=None,
            widget=forms.RadioSelect(attrs={"class": "tri-state"}),
            **kwargs,
        )


def question_field(question, *, source: str = "") -> forms.Field:
    """The form field for one question of kim.residence.precheck_facts (every answer may stay empty)."""
    help_text = str(question.help) if question.help else ""
    if source:
        help_text = " ".join(
            filter(None, [help_text, str(_("Filled in from: %(source)s.") % {"source": source})])
        )
    common = {"label": question.label, "help_text": help_text, "required": False}
    kind = question.kind
    if kind == "bool":
        return TriStateField(**common)
    if kind == "date":
        return forms.DateField(widget=DateInput(), **common)
    if kind in ("level", "choice"):
        return forms.TypedChoiceField(
            choices=[("", _("unknown")), *question.choices], empty_value=None, **common
        )
    if kind == "count":
        return forms.IntegerField(min_value=0, **common)
    if kind == "number":
        return forms.DecimalField(min_value=0, max_digits=8, decimal_places=2, **common)
    if kind == "pct":
        return forms.DecimalField(min_value=0, max_value=100, max_digits=6, decimal_places=2, **common)
    return forms.CharField(max_length=200, empty_value=None, **common)


def _number(value):
    """Decimal answers as the engine expects them: int when whole, else float; anything else unchanged."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    return value


class GuidedPrecheckForm(forms.Form):
    """The main questions of the guided pre-check (kim.residence.precheck_facts.GROUPS and OPTION_QUESTIONS)."""

    decision_date = forms.DateField(
        label=_("Decision date"), widget=DateInput(), help_text=_("The day the rules are applied for.")
    )

    def __init__(self, *args, sources: dict | None = None, **kwargs):
        from kim.residence import precheck_facts as pf

        super().__init__(*args, **kwargs)
        sources = sources or {}
        self.groups = []
        for group in pf.GROUPS:
            names = []
            for question in group.questions:
                self.fields[question.name] = question_field(question, source=sources.get(question.path, ""))
                names.append(question.name)
            self.groups.append((group, names))
        self.known_names = {}
        for group in pf.ROW_GROUPS:
            if group.known is not None:
                self.fields[group.known.name] = question_field(
                    group.known, source=sources.get(group.path, "")
                )
                self.known_names[group.key] = group.known.name
        self.option_names = []
        for question in pf.OPTION_QUESTIONS:
            self.fields[question.name] = question_field(question)
            self.option_names.append(question.name)

    def group_fields(self):
        """(group, bound fields) in the order of the questionnaire."""
        return [(group, [self[name] for name in names]) for group, names in self.groups]

    def option_fields(self):
        return [self[name] for name in self.option_names]

    def answers(self) -> dict:
        return {name: _number(value) for name, value in self.cleaned_data.items() if name != "decision_date"}


class PrecheckRowForm(forms.Form):
    """One row of a repeatable group (a child, a residence status, a conviction …); built per group."""

    questions: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in self.questions:
            self.fields[question.path] = question_field(question)

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return all(data.get(q.path) in (None, "") for q in self.questions)

    def row(self) -> dict:
        return {
            q.path: _number(self.cleaned_data.get(q.path))
            for q in self.questions
            if self.cleaned_data.get(q.path) not in (None, "")
        }

    def clean(self):
        data = super().clean()
        if {"route", "date"} == {q.path for q in self.questions}:  # applications: both or neither
            if data.get("date") and not data.get("route"):
                self.add_error("route", _("Choose the route of this application."))
            if data.get("route") and not data.get("date"):
                self.add_error("date", _("Enter the date of this application."))
        return data


def row_formset(group):
    """A formset class for the row group ``group`` (kim.residence.precheck_facts.ROW_GROUPS)."""
    form = type(f"{group.key.title()}RowForm", (PrecheckRowForm,), {"questions": group.questions})
    return forms.formset_factory(form, extra=0, can_delete=True, max_num=50, absolute_max=60)
