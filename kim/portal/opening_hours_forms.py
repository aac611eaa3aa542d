"""Back-office forms for opening hours: an exception (closed days or special hours) and the weekly hours."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import OpeningExceptionReason, Weekday
from kim.core.forms import DateInput, TimeInput


class ExceptionForm(forms.Form):
    KIND_CLOSED = "closed"
    KIND_SPECIAL = "special"

    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Until (inclusive)"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for a single day."),
    )
    kind = forms.ChoiceField(
        label=_("What applies"),
        choices=[(KIND_CLOSED, _("closed all day")), (KIND_SPECIAL, _("special opening hours"))],
        widget=forms.RadioSelect,
        initial=KIND_CLOSED,
    )
    opens = forms.TimeField(label=_("Opens at"), required=False, widget=TimeInput(format="%H:%M"))
    closes = forms.TimeField(
        label=_("Closes at"),
        required=False,
        widget=TimeInput(format="%H:%M"),
        help_text=_(
            "Special hours apply on the regular opening days of the period; a single date gets them even if it "
            "is normally closed (for example an open Saturday)."
        ),
    )
    reason = forms.ChoiceField(
        label=_("Reason (shown to the public in their language)"), choices=OpeningExceptionReason.choices
    )
    note = forms.CharField(
        label=_("Note for the public (optional, in German)"),
        required=False,
        max_length=200,
        help_text=_("For example where people can go instead."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("kind") == self.KIND_SPECIAL:
            if not data.get("opens"):
                self.add_error("opens", _("Give the time it opens."))
            if not data.get("closes"):
                self.add_error("closes", _("Give the time it closes."))
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        closed = data["kind"] == self.KIND_CLOSED
        return {
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"] or data["starts_on"],
            "is_closed": closed,
            "opens": None if closed else data["opens"],
            "closes": None if closed else data["closes"],
            "reason": data["reason"],
            "note": data["note"],
        }

    @classmethod
    def initial_for(cls, exception) -> dict:
        return {
            "starts_on": exception.starts_on,
            "ends_on": exception.ends_on if exception.ends_on != exception.starts_on else None,
            "kind": cls.KIND_CLOSED if exception.is_closed else cls.KIND_SPECIAL,
            "opens": exception.opens,
            "closes": exception.closes,
            "reason": exception.reason,
            "note": exception.note,
            "version": exception.version,
        }


class WeeklyHoursForm(forms.Form):
    """Up to two periods per weekday (e.g. 09:00–12:00 and 13:00–15:00); an empty day is closed."""

    based_on = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for weekday, label in Weekday.choices:
            for index in (1, 2):
                self.fields[f"d{weekday}_opens_{index}"] = forms.TimeField(
                    label=_("%(day)s, period %(n)d: opens") % {"day": label, "n": index},
                    required=False,
                    widget=TimeInput(format="%H:%M"),
                )
                self.fields[f"d{weekday}_closes_{index}"] = forms.TimeField(
                    label=_("%(day)s, period %(n)d: closes") % {"day": label, "n": index},
                    required=False,
                    widget=TimeInput(format="%H:%M"),
                )

    @staticmethod
    def initial_from(contact_point, based_on: str) -> dict:
        initial = {"based_on": based_on}
        counters: dict[int, int] = {}
        for row in contact_point.opening_hours.order_by("weekday", "opens"):
            index = counters[row.weekday] = counters.get(row.weekday, 0) + 1
            if index <= 2:
                initial[f"d{row.weekday}_opens_{index}"] = row.opens
                initial[f"d{row.weekday}_closes_{index}"] = row.closes
        return initial

    def rows(self):
        """(weekday label, [(opens field, closes field), …]) for the template's table."""
        return [
            (label, [(self[f"d{weekday}_opens_{i}"], self[f"d{weekday}_closes_{i}"]) for i in (1, 2)])
            for weekday, label in Weekday.choices
        ]

    def clean(self):
        data = super().clean()
        for weekday, _label in Weekday.choices:
            for index in (1, 2):
                opens, closes = data.get(f"d{weekday}_opens_{index}"), data.get(f"d{weekday}_closes_{index}")
                if bool(opens) != bool(closes):
                    missing = f"d{weekday}_closes_{index}" if opens else f"d{weekday}_opens_{index}"
                    if missing not in self.errors:
                        self.add_error(missing, _("Give both times of the period, or neither."))
        return data

    def slots(self) -> dict[int, list]:
        data = self.cleaned_data
        result: dict[int, list] = {}
        for weekday, _label in Weekday.choices:
            for index in (1, 2):
                opens, closes = data.get(f"d{weekday}_opens_{index}"), data.get(f"d{weekday}_closes_{index}")
                if opens and closes:
                    result.setdefault(weekday, []).append((opens, closes))
        return result
