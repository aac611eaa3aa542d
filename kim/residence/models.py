"""The client's residence-status timeline and saved pre-check runs. The rule engine is in precheck/."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.clients.models import Client
from kim.core.fields import EncryptedTextField
from kim.core.scoping import ScopedQuerySet


class StatusKind(models.TextChoices):
    ASYLUM_PROCEDURE = "aufenthaltsgestattung", _("Aufenthaltsgestattung (asylum procedure)")
    DULDUNG = "duldung", _("Duldung")
    DULDUNG_60A = "duldung_60a", _("Duldung § 60a AufenthG")
    DULDUNG_60B = "duldung_60b", _("Duldung für Personen mit ungeklärter Identität § 60b")
    DULDUNG_60C = "duldung_60c", _("Ausbildungsduldung § 60c")
    DULDUNG_60D = "duldung_60d", _("Beschäftigungsduldung § 60d")
    AUFENTHALTSERLAUBNIS = "aufenthaltserlaubnis", _("Aufenthaltserlaubnis")
    CHANCEN_104C = "aufenthaltserlaubnis_104c", _("Chancen-Aufenthaltsrecht § 104c")
    NIEDERLASSUNGSERLAUBNIS = "niederlassungserlaubnis", _("Niederlassungserlaubnis")
    DAUERAUFENTHALT_EU = "daueraufenthalt_eu", _("Erlaubnis zum Daueraufenthalt – EU")
    FIKTION = "fiktionsbescheinigung", _("Fiktionsbescheinigung")
    VISA = "visum", _("visa")
    EU_FREEDOM = "freizuegigkeit", _("EU freedom of movement")
    GERMAN = "deutsch", _("German citizenship")
    NONE = "none", _("no status / unknown")


class ResidenceStatus(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="residence_statuses")
    kind = models.CharField(_("status"), max_length=40, choices=StatusKind.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=100, blank=True, help_text=_("e.g. § 25 Abs. 2 AufenthG"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    issuing_authority = models.CharField(_("issuing authority"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["valid_from", "id"]
        verbose_name = _("residence status")
        verbose_name_plural = _("residence statuses")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.valid_from:%d.%m.%Y}"

    def clean(self):
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end is before the start.")})


class PrecheckRun(models.Model):
    """One saved run of the pre-check engine (kim.residence.precheck): the exact input and the answer as the
    engine gave it. A run is never changed after saving; reopening it shows the stored result, even after the
    rules have changed (``engine_version`` says which rules answered)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="precheck_runs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decision_date = models.DateField(_("decision date"))
    engine_version = models.CharField(_("engine version"), max_length=40)
    facts = models.JSONField(_("facts"), default=dict)
    options = models.JSONField(_("options"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pre-check run")
        verbose_name_plural = _("pre-check runs")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.decision_date:%d.%m.%Y}"

    def save(self, *args, **kwargs):
        if self.pk is not None and PrecheckRun.objects.filter(pk=self.pk).exists():
            raise ValidationError(_("A saved pre-check run cannot be changed."))
        super().save(*args, **kwargs)


# Candidate pipeline of the foreigners' and naturalisation authorities (Baustein 3) ------------------------
# Services: kim.residence.pipeline; reads: kim.residence.pipeline_selectors; alerts: kim.residence.alerts.


class PipelineStage(models.TextChoices):
    IDENTIFIED = "identified", _("identified")
    COUNSELLED = "counselled", _("counselled")
    DOCUMENTS_COMPLETE = "documents_complete", _("documents complete")
    APPLIED = "applied", _("applied")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")
    WITHDRAWN = "withdrawn", _("withdrawn")


class CandidateSource(models.TextChoices):
    REFERRAL = "referral", _("referred by case management")
    AUTHORITY = "authority", _("registered by the authority")


def pipeline_route_choices():
    """The pre-check engine's route ids with the norm they stand for (evaluated lazily, Django 5 callable)."""
    from kim.residence.precheck import ROUTES
    from kim.residence.views import ROUTE_LABELS

    return [(route, ROUTE_LABELS.get(route, route)) for route in ROUTES]


class CandidateQuerySet(ScopedQuerySet):
    """Authority staff see the candidates of their own authority – those it registered itself, and referred
    ones only while the consent they were referred under is valid and access has not been ended. Nobody
    else sees candidates through this queryset (case managers see their referrals through
    ``pipeline_selectors.proposals_for_client``; coordination sees statistics only)."""

    scope_path = "authority"
    visible_to_system_admins = False

    def accessible(self, day):
        consent_valid = (
            models.Q(consent__valid_from__lte=day)
            & (models.Q(consent__valid_until__isnull=True) | models.Q(consent__valid_until__gte=day))
            & (models.Q(consent__withdrawn_on__isnull=True) | models.Q(consent__withdrawn_on__gt=day))
        )
        return self.filter(access_ended_at__isnull=True).filter(
            models.Q(source=CandidateSource.AUTHORITY)
            | (models.Q(source=CandidateSource.REFERRAL) & consent_valid)
        )

    def for_actor(self, actor):
        from django.utils import timezone

        from kim.accounts.models import Role

        if actor.membership is None or actor.role != Role.AUTHORITY_STAFF:
            return self.none()
        return self.filter(authority_id=actor.organisation_id).accessible(timezone.localdate())


class Candidate(models.Model):
    """A person on one route to a secure residence status or naturalisation, worked by one authority."""

    person = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="pipeline_candidacies", verbose_name=_("person")
    )
    authority = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="pipeline_candidates",
        verbose_name=_("authority"),
    )
    route = models.CharField(_("route"), max_length=20, choices=pipeline_route_choices)
    source = models.CharField(_("source"), max_length=20, choices=CandidateSource.choices)
    #: The consent to share with the authority that a referral relies on (None for the authority's own records).
    consent = models.ForeignKey(
        "clients.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="pipeline_candidates"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="pipeline_candidates"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=PipelineStage.choices, default=PipelineStage.IDENTIFIED
    )
    stage_since = models.DateField(_("in this stage since"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pipeline_candidates",
        verbose_name=_("responsible"),
    )
    #: The person's latest pre-check run (kept current by kim.residence.pipeline when runs are saved).
    precheck_run = models.ForeignKey(
        PrecheckRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="pipeline_candidates"
    )
    access_ended_at = models.DateTimeField(null=True, blank=True)
    access_end_reason = models.CharField(max_length=30, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["stage_since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "authority", "route"],
                condition=models.Q(access_ended_at__isnull=True),
                name="pipeline_candidate_one_active_per_route",
            )
        ]
        indexes = [models.Index(fields=["authority", "route", "stage"])]

    def __str__(self) -> str:
        return f"{self.get_route_display()} – {self.get_stage_display()}"


class CandidateStageChange(models.Model):
    """One step of a candidate's history: who moved it to which stage, on which day, with which note."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=PipelineStage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=PipelineStage.choices)
    reached_on = models.DateField(_("reached on"))
    is_reopening = models.BooleanField(default=False)
    #: May name reasons for a refusal (e.g. a conviction): encrypted at rest, never in the audit log.
    note = EncryptedTextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["to_stage", "reached_on"])]

    def __str__(self) -> str:
        return f"{self.from_stage or '–'} → {self.to_stage} {self.reached_on:%Y-%m-%d}"


class PipelineAlertKind(models.TextChoices):
    CHANCEN_ENDING = "chancen_ending", _("§ 104c permit ends, no § 25a/§ 25b route met")
    AGE_27 = "age_27", _("§ 25a: application needed before the 27th birthday")
    DOCUMENT_EXPIRY = "document_expiry", _("Duldung or residence permit expires")


class PipelineDeadline(models.Model):
    """The deadline (kim.scheduling) an alert of a candidate created: one per candidate, kind and the date the
    alert is about, so that the daily scan is idempotent and a deadline marked done is not made again."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="alert_deadlines")
    kind = models.CharField(max_length=20, choices=PipelineAlertKind.choices)
    trigger_date = models.DateField()
    deadline = models.OneToOneField(
        "scheduling.Deadline", on_delete=models.SET_NULL, null=True, blank=True, related_name="pipeline_alert"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "kind", "trigger_date"], name="pipeline_deadline_once"
            )
        ]


# The pipeline follows consents, pre-check runs and the timeline, whoever saves them (kim.residence.pipeline).


def _pipeline_receiver(name: str):
    def receiver(*args, **kwargs):
        from kim.residence import pipeline

        return getattr(pipeline, name)(*args, **kwargs)

    return receiver


models.signals.post_save.connect(
    _pipeline_receiver("end_access_for_consent"),
    sender="clients.Consent",
    weak=False,
    dispatch_uid="pipeline_consent",
)
models.signals.post_save.connect(
    _pipeline_receiver("link_run"), sender=PrecheckRun, weak=False, dispatch_uid="pipeline_run"
)
for _signal in (models.signals.post_save, models.signals.post_delete):
    _signal.connect(
        _pipeline_receiver("timeline_changed"),
        sender=ResidenceStatus,
        weak=False,
        dispatch_uid="pipeline_timeline",
    )
