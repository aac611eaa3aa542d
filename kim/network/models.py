"""The network: structural barriers reported from cases (the coordination's backlog)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District, Organisation


class BarrierCategory(models.TextChoices):
    ACCESS = "access", _("access to a service")
    WAITING = "waiting", _("waiting times")
    LANGUAGE = "language", _("language and interpreting")
    INFORMATION = "information", _("missing or unclear information")
    COOPERATION = "cooperation", _("cooperation between offices")
    LEGAL = "legal", _("legal or administrative rules")
    DIGITAL = "digital", _("digital procedures")
    DISCRIMINATION = "discrimination", _("discrimination")
    OFFER_MISSING = "offer_missing", _("no suitable offer")
    OTHER = "other", _("other")


class BarrierStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_REVIEW = "in_review", _("being reviewed")
    WORKING_GROUP = "working_group", _("in a working group")
    STEERING_GROUP = "steering_group", _("on the steering group's agenda")
    RESOLVED = "resolved", _("resolved")
    CLOSED = "closed", _("closed without change")


class StructuralBarrier(models.Model):
    """A barrier seen in a case, written without personal data. The link to the case is kept for the
    reporting case manager only; the coordination sees category, institution, description, district and
    domain."""

    category = models.CharField(_("category"), max_length=30, choices=BarrierCategory.choices)
    institution = models.CharField(_("institution"), max_length=200)
    institution_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="barriers"
    )
    description = models.TextField(_("description (without personal data)"), max_length=4000)
    domain = models.CharField(_("life domain"), max_length=20, blank=True)
    district = models.ForeignKey(District, on_delete=models.SET_NULL, null=True, blank=True)
    source_case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reporting_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=BarrierStatus.choices, default=BarrierStatus.NEW)
    coordination_note = models.TextField(_("note of the coordination"), blank=True)

    class Meta:
        ordering = ["-reported_at"]
        verbose_name = _("structural barrier")
        verbose_name_plural = _("structural barriers")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.institution}"
