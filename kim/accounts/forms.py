"""Forms of the staff administration area. They only parse and validate; services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District, Organisation, OrganisationKind, Role, StaffProfile
from kim.core.languages import language_choices


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "street",
            "postcode",
            "city",
            "phone",
            "email",
            "website",
            "provides_case_management",
            "is_active",
        ]
        widgets = {
            "postcode": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *OrganisationKind.choices]
    )


class DistrictForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    areas = forms.CharField(
        label=_("Postcodes and streets"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One per line: a postcode alone covers the whole postcode area; "
            "“46045 Mülheimer Straße” assigns one street."
        ),
    )

    def __init__(self, *args, district: District | None = None, **kwargs):
        self.district = district
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        qs = District.objects.filter(name__iexact=name)
        if self.district:
            qs = qs.exclude(pk=self.district.pk)
        if qs.exists():
            raise forms.ValidationError(_("A district with this name already exists."))
        return name

    def clean_number(self):
        number = self.cleaned_data["number"]
        qs = District.objects.filter(number=number)
        if self.district:
            qs = qs.exclude(pk=self.district.pk)
        if qs.exists():
            raise forms.ValidationError(_("A district with this number already exists."))
        return number


class UserCreateForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    send_invitation = forms.BooleanField(
        label=_("Send an e-mail with a link to set the password"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(is_active=True).order_by("name")


class UserUpdateForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))


class MembershipForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(is_active=True).order_by("name")


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none(), empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class StaffProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages I counsel in"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-grid"}),
        choices=(),
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        required=False,
        queryset=District.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = StaffProfile
        fields = ["job_title", "languages", "districts", "weekly_hours", "max_caseload", "phone", "is_published"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = language_choices()
