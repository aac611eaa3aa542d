"""Appointments, deadlines, calendar subscriptions (iCalendar feed tokens) and the reminder log.

An appointment belongs to the organisation of the membership that made it and has one owner (the case
manager whose calendar it is in). Deadlines are made by hand or by the residence rule
(kim.scheduling.residence): a residence document that expires creates a deadline three months before.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import Organisation
from kim.cases.models import Case
from kim.clients.models import Client
from kim.core.fields import EncryptedTextField
from kim.core.scoping import ScopedQuerySet
from kim.residence.models import ResidenceStatus


class ScheduleQuerySet(ScopedQuerySet):
    """Scope of calendars and deadlines: a case manager sees their own entries, a team lead those of the
    own organisation; nobody else, and never another organisation's (404). ``owner_field`` names the person
    the entry belongs to."""

    scope_path = "organisation"
    visible_to_system_admins = False
    owner_field = "owner"

    def for_actor(self, actor):
        from kim.accounts.models import Role

        if actor.membership is None:
            return self.none()
        if actor.role == Role.CASE_MANAGER:
            return self.filter(organisation_id=actor.organisation_id, **{self.owner_field: actor.user})
        if actor.role == Role.TEAM_LEAD:
            return self.filter(organisation_id=actor.organisation_id)
        return self.none()


class AppointmentQuerySet(ScheduleQuerySet):
    owner_field = "owner"

    def active(self):
        return self.filter(cancelled_at__isnull=True)


class DeadlineQuerySet(ScheduleQuerySet):
    owner_field = "responsible"

    def open(self):
        return self.filter(done_on__isnull=True)


class AppointmentKind(models.TextChoices):
    CLIENT = "client", _("appointment with the client")
    ACCOMPANIMENT = "accompaniment", _("accompaniment")
    CASE_CONFERENCE = "case_conference", _("case conference")
    INTERNAL = "internal", _("internal appointment")


class Appointment(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("calendar of"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("organisation")
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("case"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AppointmentKind.choices, default=AppointmentKind.CLIENT
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    interpreter_language = models.CharField(_("interpreter language"), max_length=10, blank=True)
    interpreter_booked = models.BooleanField(_("interpreter booked"), default=False)
    #: May mention health or family matters: encrypted at rest, never in the audit log or the feed.
    note = EncryptedTextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["owner", "starts_at"]),
            models.Index(fields=["organisation", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="appointment_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def clean(self):
        from kim.core.languages import LANGUAGE_CHOICES_CODES

        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.interpreter_language and self.interpreter_language not in LANGUAGE_CHOICES_CODES:
            errors["interpreter_language"] = _("Choose a language from the list.")
        if self.interpreter_booked and not self.interpreter_language:
            errors["interpreter_language"] = _("Which language should the interpreter speak?")
        if errors:
            raise ValidationError(errors)


class DeadlineKind(models.TextChoices):
    PERMIT_EXPIRY = "permit_expiry", _("residence document expires")
    DULDUNG_EXPIRY = "duldung_expiry", _("Duldung expires")
    OTHER = "other", _("other deadline")


class Deadline(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("organisation")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="deadlines",
        verbose_name=_("responsible"),
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("case"),
    )
    client = models.ForeignKey(
        Client,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("client"),
    )
    residence_status = models.ForeignKey(
        ResidenceStatus,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("residence status"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DeadlineKind.choices, default=DeadlineKind.OTHER
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    #: For automatic deadlines: the expiry date the deadline was computed from.
    expires_on = models.DateField(_("document expires on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_automatic = models.BooleanField(_("created automatically"), default=False, editable=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["responsible", "done_on", "due_on"]),
            models.Index(fields=["organisation", "due_on"]),
        ]
        constraints = [
            # The residence rule keeps at most one open automatic deadline per client.
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(is_automatic=True, done_on__isnull=True),
                name="deadline_one_open_automatic_per_client",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on:%Y-%m-%d}"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def display_title(self) -> str:
        """The title in the reader's language: automatic deadlines are worded when shown, not when made."""
        if self.is_automatic and self.expires_on:
            from django.utils.formats import date_format
            from django.utils.translation import gettext

            # Callers select_related("residence_status"); without a status the wording stays generic.
            status = self.residence_status.get_kind_display() if self.residence_status_id else None
            return gettext("%(status)s expires on %(date)s") % {
                "status": status or gettext("Residence document"),
                # isolated (FSI … PDI), so the date reads right inside right-to-left text
                "date": "\u2068" + date_format(self.expires_on, "SHORT_DATE_FORMAT") + "\u2069",
            }
        return self.title

    @property
    def rule_note(self) -> str:
        from kim.scheduling.residence import rule_note

        return rule_note(self)


class CalendarFeedToken(models.Model):
    """A secret address for subscribing to one's own calendar in a calendar app. Only its SHA-256 is stored;
    the token itself is shown once. Revoked tokens answer 404."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_tokens"
    )
    label = models.CharField(_("name"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.label or f"#{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ReminderItem(models.TextChoices):
    APPOINTMENT = "appointment", _("appointment")
    DEADLINE = "deadline", _("deadline")
    MEASURE = "measure", _("measure")
    REFERRAL = "referral", _("referral")


class ReminderLog(models.Model):
    """One line per item e-mailed to a person on a day: makes ``kim send-reminders`` idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    item_type = models.CharField(max_length=20, choices=ReminderItem.choices)
    object_id = models.PositiveBigIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "user_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "day", "item_type", "object_id"], name="reminder_log_once_a_day"
            )
        ]
