"""Forms of the calendar, deadlines and calendar subscriptions."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import Role
from kim.core.forms import DateInput, TimeInput
from kim.core.languages import language_choices
from kim.scheduling import selectors
from kim.scheduling.models import AppointmentKind, DeadlineKind


class CaseChoiceField(forms.ModelChoiceField):
    """Cases by number only: no client names in drop-downs (they would be an unaudited read)."""

    def label_from_instance(self, obj):
        return obj.number


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class AppointmentForm(forms.Form):
    owner = PersonChoiceField(label=_("Calendar of"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=AppointmentKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_(
            "Shown in the KIM calendar. Calendar subscriptions show only the kind and the case number."
        ),
    )
    case = CaseChoiceField(label=_("Case"), queryset=None, required=False, empty_label=_("– no case –"))
    day = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("From"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Until"), widget=TimeInput())
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("e.g. office, Ausländerbehörde room 2.14, video"),
    )
    interpreter_language = forms.ChoiceField(label=_("Interpreter for"), required=False)
    interpreter_booked = forms.BooleanField(label=_("Interpreter booked"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("For you and your team lead only; never part of reminders or subscriptions."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["owner"].queryset = selectors.calendar_people(actor=actor)
        if actor.role != Role.TEAM_LEAD:
            del self.fields["owner"]
        self.fields["case"].queryset = selectors.cases_for_scheduling(actor=actor)
        self.fields["interpreter_language"].choices = [("", _("– no interpreter –")), *language_choices()]

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start and end and end <= start:
            self.add_error("end_time", _("The end must be after the start."))
        if data.get("interpreter_booked") and not data.get("interpreter_language"):
            self.add_error("interpreter_language", _("Which language should the interpreter speak?"))
        return data

    def service_fields(self) -> dict:
        """The cleaned data as the service takes it: aware start and end in the local time zone."""
        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        fields = {
            "kind": data["kind"],
            "title": data["title"],
            "case": data.get("case"),
            "starts_at": dt.datetime.combine(data["day"], data["start_time"], tzinfo=tz),
            "ends_at": dt.datetime.combine(data["day"], data["end_time"], tzinfo=tz),
            "place": data["place"],
            "interpreter_language": data["interpreter_language"],
            "interpreter_booked": data["interpreter_booked"],
            "note": data["note"],
        }
        if "owner" in self.fields:
            fields["owner"] = data["owner"]
        return fields

    @staticmethod
    def initial_for(appointment) -> dict:
        start = timezone.localtime(appointment.starts_at)
        end = timezone.localtime(appointment.ends_at)
        return {
            "owner": appointment.owner_id,
            "kind": appointment.kind,
            "title": appointment.title,
            "case": appointment.case_id,
            "day": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "end_time": end.time().replace(second=0, microsecond=0),
            "place": appointment.place,
            "interpreter_language": appointment.interpreter_language,
            "interpreter_booked": appointment.interpreter_booked,
            "note": appointment.note,
            "version": appointment.version,
        }


#: Errors of the service named after model fields, shown at the form field the user typed into.
SERVICE_FIELD_TO_FORM = {"starts_at": "start_time", "ends_at": "end_time"}


class DeadlineForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=DeadlineKind.choices, initial=DeadlineKind.OTHER)
    case = CaseChoiceField(label=_("Case"), queryset=None, required=False, empty_label=_("– no case –"))
    responsible = PersonChoiceField(label=_("Responsible"), queryset=None, empty_label=None)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = selectors.cases_for_scheduling(actor=actor)
        self.fields["responsible"].queryset = selectors.calendar_people(actor=actor)
        if actor.role != Role.TEAM_LEAD:
            del self.fields["responsible"]


class FeedTokenForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the device or app"),
        max_length=100,
        required=False,
        help_text=_("So that you know later which subscription to revoke, e.g. “work phone”."),
    )
