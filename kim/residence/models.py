"""The client's residence-status timeline and saved pre-check runs. The rule engine is in precheck/."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.clients.models import Client


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
