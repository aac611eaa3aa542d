from django import forms
from django.utils.translation import gettext_lazy as _

from kim.network.models import BarrierCategory, BarrierStatus


class BarrierForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=BarrierCategory.choices)
    institution = forms.CharField(label=_("Institution or office concerned"), max_length=200)
    description = forms.CharField(
        label=_("What is the barrier?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe the obstacle in general terms – no names, no dates of birth, no case details."),
    )


class BarrierUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=BarrierStatus.choices)
    note = forms.CharField(label=_("Note of the coordination"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class BarrierFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *BarrierStatus.choices])
    category = forms.ChoiceField(label=_("Category"), required=False, choices=[("", _("All")), *BarrierCategory.choices])
