"""Forms for requests and cases. They parse and validate input; services write."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District, Membership, Role
from kim.cases.models import (
    CaseStatus,
    ClosureReason,
    ContactMode,
    GoalStatus,
    LifeDomain,
    NeedArea,
    RequestChannel,
    Responsible,
)
from kim.core.forms import DateInput
from kim.core.languages import language_choices


def _language_field(label, required=False):
    return forms.ChoiceField(label=label, required=required, choices=())


class LanguageChoicesMixin:
    language_fields: tuple[str, ...] = ()

    def _set_language_choices(self):
        choices = [("", _("— none —")), *language_choices()]
        for name in self.language_fields:
            self.fields[name].choices = choices


class RequestForm(LanguageChoicesMixin, forms.Form):
    language_fields = ("preferred_language",)

    channel = forms.ChoiceField(
        label=_("How did the request come in?"),
        choices=[c for c in RequestChannel.choices if c[0] != RequestChannel.PUBLIC_FORM],
    )
    name = forms.CharField(label=_("Name"), max_length=300)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    preferred_language = _language_field(_("Preferred language"))
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("A German postcode has five digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    street = forms.CharField(label=_("Street"), max_length=200, required=False)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        choices=[*NeedArea.choices, *LifeDomain.choices],
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(label=_("What is it about?"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    referred_by = forms.CharField(label=_("Referred by (partner)"), max_length=200, required=False)
    contact_consent = forms.BooleanField(
        label=_("The person agrees to be contacted about the request"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_language_choices()

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            raise forms.ValidationError(_("Give a phone number or an e-mail address, so that someone can answer."))
        if data.get("channel") == RequestChannel.PARTNER and not data.get("referred_by"):
            self.add_error("referred_by", _("Name the partner who referred the person."))
        return data


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("open and assigned")),
            ("open", _("open")),
            ("assigned", _("assigned")),
            ("admitted", _("admitted")),
            ("not_admitted", _("not admitted")),
            ("withdrawn", _("withdrawn")),
        ],
    )
    district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=District.objects.order_by("number"), empty_label=_("All")
    )


class AssignForm(forms.Form):
    membership = forms.ModelChoiceField(label=_("Case manager"), queryset=Membership.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = (
            Membership.objects.active()
            .filter(role=Role.CASE_MANAGER, organisation__provides_case_management=True)
            .select_related("user", "organisation")
            .order_by("user__last_name")
        )
        self.fields["membership"].label_from_instance = lambda m: f"{m.user.get_full_name()} ({m.organisation})"


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class IntakeForm(forms.Form):
    DECISION_CHOICES = [("admit", _("Admit: open a case")), ("reject", _("Do not admit"))]

    need_areas = forms.MultipleChoiceField(
        label=_("Need areas that apply"), required=False, choices=NeedArea.choices, widget=forms.CheckboxSelectMultiple
    )
    admission_rule_met = forms.TypedChoiceField(
        label=_("Does the request meet the site's admission rule?"),
        choices=[("", _("not checked")), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
        required=False,
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        # The rule is the site's own wording (a setting), shown as it is.
        self.fields["admission_rule_met"].help_text = settings.KIM_ADMISSION_RULE
    not_admitted_reason = forms.CharField(
        label=_("Why not admitted"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    given_names = forms.CharField(label=_("Given names"), max_length=200, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=200, required=False)
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    different_person_confirmed = forms.BooleanField(
        label=_("I have checked the similar records: this is a different person"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("not_admitted_reason") or "").strip():
            self.add_error("not_admitted_reason", _("Say why the request is not admitted."))
        if data.get("decision") == "admit":
            if not data.get("need_areas"):
                self.add_error("need_areas", _("Choose at least one need area for an admission."))
            if not (data.get("given_names") or "").strip() or not (data.get("family_name") or "").strip():
                self.add_error("family_name", _("Given names and family name are needed for the client record."))
        if data.get("birth_year") and data["birth_year"] > timezone.localdate().year:
            self.add_error("birth_year", _("The date of birth lies in the future."))
        return data


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class StatusForm(VersionedForm):
    to_status = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class CloseForm(VersionedForm):
    reason = forms.ChoiceField(label=_("Reason for closing"), choices=ClosureReason.choices)
    goal_attainment = forms.TypedChoiceField(
        label=_("Goal attainment"),
        coerce=int,
        choices=[
            (0, _("0 – no goal reached")),
            (1, _("1 – little reached")),
            (2, _("2 – partly reached")),
            (3, _("3 – mostly reached")),
            (4, _("4 – fully reached")),
        ],
    )
    note = forms.CharField(label=_("Note on closing"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(VersionedForm):
    note = forms.CharField(label=_("Why is the case reopened?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class TransferForm(forms.Form):
    membership = forms.ModelChoiceField(label=_("Hand over to"), queryset=Membership.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, exclude_user_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = (
            Membership.objects.active()
            .filter(role=Role.CASE_MANAGER, organisation__provides_case_management=True)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__last_name")
        )
        if exclude_user_id:
            qs = qs.exclude(user_id=exclude_user_id)
        self.fields["membership"].queryset = qs
        self.fields["membership"].label_from_instance = lambda m: f"{m.user.get_full_name()} ({m.organisation})"


class TransferDecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("Date of the assessment"), widget=DateInput())
    note = forms.CharField(label=_("Summary"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    LEVEL_CHOICES = [
        ("", _("not assessed")),
        ("0", _("0 – no need")),
        ("1", _("1 – low")),
        ("2", _("2 – medium")),
        ("3", _("3 – high")),
        ("4", _("4 – acute")),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("assessed_on", timezone.localdate())
        for domain in LifeDomain:
            self.fields[f"level_{domain.value}"] = forms.ChoiceField(
                label=_("Need: %(domain)s") % {"domain": domain.label}, choices=self.LEVEL_CHOICES, required=False
            )
            self.fields[f"resources_{domain.value}"] = forms.CharField(
                label=_("Resources: %(domain)s") % {"domain": domain.label}, required=False, max_length=1000
            )

    def domain_rows(self):
        return [(d, self[f"level_{d.value}"], self[f"resources_{d.value}"]) for d in LifeDomain]

    def levels(self) -> dict:
        return {
            d.value: int(self.cleaned_data[f"level_{d.value}"])
            for d in LifeDomain
            if self.cleaned_data.get(f"level_{d.value}") not in (None, "")
        }

    def resources(self) -> dict:
        return {d.value: self.cleaned_data.get(f"resources_{d.value}", "") for d in LifeDomain}

    def clean(self):
        data = super().clean()
        if data.get("assessed_on") and data["assessed_on"] > timezone.localdate():
            self.add_error("assessed_on", _("An assessment cannot be dated in the future."))
        if not any(data.get(f"level_{d.value}") not in (None, "") for d in LifeDomain):
            raise forms.ValidationError(_("Assess at least one life domain."))
        return data


class GoalForm(forms.Form):
    domain = forms.ChoiceField(label=_("Life domain"), choices=LifeDomain.choices)
    wording = forms.CharField(label=_("Goal"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    agreed_with_client = forms.BooleanField(label=_("Agreed with the client"), required=False)
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())


class GoalUpdateForm(VersionedForm, GoalForm):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class MeasureForm(forms.Form):
    description = forms.CharField(label=_("Measure"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.ChoiceField(label=_("Who does it?"), choices=Responsible.choices)
    partner = forms.CharField(label=_("Partner"), max_length=200, required=False)
    due_date = forms.DateField(label=_("Due"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("responsible") == Responsible.PARTNER and not data.get("partner"):
            self.add_error("partner", _("Name the partner."))
        return data


class ContactForm(LanguageChoicesMixin, forms.Form):
    language_fields = ("interpreter_language",)

    happened_on = forms.DateField(label=_("Date"), widget=DateInput())
    minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=1, max_value=720)
    mode = forms.ChoiceField(label=_("Mode"), choices=ContactMode.choices)
    interpreter_language = _language_field(_("Interpreter language"))
    domains = forms.MultipleChoiceField(
        label=_("Life domains"), required=False, choices=LifeDomain.choices, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Simple formatting is kept (paragraphs, bold, lists, links); anything else is removed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_language_choices()
        if not self.is_bound:
            self.initial.setdefault("happened_on", timezone.localdate())

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A contact cannot be recorded for a day in the future."))
        return value


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("open", _("open cases")), ("", _("all")), *CaseStatus.choices],
    )
