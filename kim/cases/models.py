"""Requests, cases and everything done in a case: assessment, help plan, contacts, referrals, documents.

Life cycle of a case: intake → assessment → planning → implementation (monitoring) → closed, with paused
beside it; kim.cases.lifecycle holds the allowed transitions. A request (Anfrage) is triaged by the
coordination before it becomes a case.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District, Organisation, phone_validator
from kim.clients.models import Client, Consent, Household
from kim.core.fields import EncryptedTextField
from kim.core.scoping import ScopedQuerySet


class LifeDomain(models.TextChoices):
    LANGUAGE = "language", _("language")
    EDUCATION = "education", _("education")
    WORK = "work", _("work")
    INCOME = "income", _("income")
    HEALTH = "health", _("health")
    HOUSING = "housing", _("housing")
    RESIDENCE = "residence", _("residence status")
    FAMILY = "family", _("family and childcare")
    CONSUMER = "consumer", _("consumer matters and debts")
    PARTICIPATION = "participation", _("social and cultural participation")
    CARE = "care", _("care")


class NeedArea(models.TextChoices):
    """The three need areas of the Oberhausen KIM page (who is helped)."""

    FIRST_INTEGRATION = "first_integration", _("catch-up first integration")
    FAMILY_PROBLEMS = "family_problems", _("multiple family problems")
    CARE_SETTING = "care_setting", _("care setting")


# Requests (intake queue) ---------------------------------------------------------------------------------


class RequestChannel(models.TextChoices):
    PHONE = "phone", _("phone")
    WALK_IN = "walk_in", _("walk-in")
    PARTNER = "partner", _("referral by a partner")
    PUBLIC_FORM = "public_form", _("public contact form")
    EMAIL = "email", _("e-mail")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("open")
    ASSIGNED = "assigned", _("assigned")
    ADMITTED = "admitted", _("admitted")
    NOT_ADMITTED = "not_admitted", _("not admitted")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RequestQuerySet(ScopedQuerySet):
    """Requests are triaged by the coordination; a case manager sees those assigned to them."""

    scope_path = ""
    visible_to_system_admins = False

    def for_actor(self, actor):
        from kim.accounts.models import Role

        if actor.membership is None:
            return self.none()
        if actor.role in (Role.COORDINATOR, Role.ADMIN_ASSISTANT):
            return self.all()
        if actor.role == Role.CASE_MANAGER:
            return self.filter(assigned_to=actor.user, assigned_organisation_id=actor.organisation_id)
        if actor.role == Role.TEAM_LEAD:
            return self.filter(assigned_organisation_id=actor.organisation_id)
        return self.none()


class Request(models.Model):
    """An Anfrage: someone asks for KIM case management (by phone, in person, via a partner or the site)."""

    reference = models.CharField(_("reference number"), max_length=20, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=RequestChannel.choices)
    received_at = models.DateTimeField(_("received"))
    name = models.CharField(_("name"), max_length=300)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    district = models.ForeignKey(District, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("district"))
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=4000)
    referred_by = models.CharField(_("referred by"), max_length=200, blank=True)
    contact_consent = models.BooleanField(_("consents to be contacted"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    need_areas = models.JSONField(_("need areas"), default=list, blank=True)
    admission_rule_met = models.BooleanField(_("meets the site's admission rule"), null=True, blank=True)
    not_admitted_reason = models.TextField(_("why not admitted"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="assigned_requests"
    )
    assigned_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="assigned_requests"
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["received_at"]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def topic_labels(self) -> list[str]:
        labels = {**dict(NeedArea.choices), **dict(LifeDomain.choices)}
        return [str(labels[t]) for t in self.topics if t in labels]


# Cases ---------------------------------------------------------------------------------------------------


class CaseStatus(models.TextChoices):
    INTAKE = "intake", _("intake")
    ASSESSMENT = "assessment", _("assessment")
    PLANNING = "planning", _("planning")
    IMPLEMENTATION = "implementation", _("implementation and monitoring")
    PAUSED = "paused", _("paused")
    CLOSED = "closed", _("closed")


class ClosureReason(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("goals reached")
    HANDED_OVER = "handed_over", _("handed over to a regular service")
    MOVED_AWAY = "moved_away", _("moved away")
    NO_CONTACT = "no_contact", _("no contact any more")
    CLIENT_ENDED = "client_ended", _("ended by the client")
    NOT_ELIGIBLE = "not_eligible", _("no longer in the target group")
    DECEASED = "deceased", _("deceased")
    OTHER = "other", _("other")


class CaseQuerySet(ScopedQuerySet):
    """Who sees a case: its case manager; the team lead of the owning organisation; an organisation the
    case was shared with under a valid consent (authority staff). Coordination sees a pseudonymised list
    through kim.cases.selectors, never this queryset's full rows."""

    scope_path = "organisation"
    visible_to_system_admins = False

    def for_actor(self, actor):
        from django.utils import timezone

        from kim.accounts.models import Role

        if actor.membership is None:
            return self.none()
        if actor.role == Role.CASE_MANAGER:
            return self.filter(organisation_id=actor.organisation_id, case_manager=actor.user)
        if actor.role == Role.TEAM_LEAD:
            return self.filter(organisation_id=actor.organisation_id)
        if actor.role == Role.AUTHORITY_STAFF:
            today = timezone.localdate()
            shares = CaseShare.objects.filter(organisation_id=actor.organisation_id, revoked_at__isnull=True).filter(
                models.Q(consent__valid_from__lte=today),
                models.Q(consent__valid_until__isnull=True) | models.Q(consent__valid_until__gte=today),
                models.Q(consent__withdrawn_on__isnull=True) | models.Q(consent__withdrawn_on__gt=today),
            )
            return self.filter(pk__in=shares.values("case_id"))
        return self.none()


class Case(models.Model):
    number = models.CharField(_("case number"), max_length=20, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="cases", verbose_name=_("client"))
    household = models.ForeignKey(
        Household, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases", verbose_name=_("household")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cases", verbose_name=_("organisation")
    )
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases", verbose_name=_("case manager")
    )
    request = models.OneToOneField(
        Request, on_delete=models.SET_NULL, null=True, blank=True, related_name="case", verbose_name=_("request")
    )
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.INTAKE)
    status_before_pause = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    need_areas = models.JSONField(_("need areas"), default=list, blank=True)
    admission_rule_met = models.BooleanField(_("meets the site's admission rule"), null=True, blank=True)
    came_via = models.CharField(_("came via"), max_length=200, blank=True)
    domains = models.JSONField(_("life domains"), default=list, blank=True)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = models.CharField(_("reason for closing"), max_length=30, choices=ClosureReason.choices, blank=True)
    goal_attainment = models.PositiveSmallIntegerField(
        _("goal attainment (0–4)"), null=True, blank=True, validators=[MaxValueValidator(4)]
    )
    closure_note = models.TextField(_("note on closing"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["organisation", "case_manager", "status"]),
            models.Index(fields=["status", "opened_on"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status != CaseStatus.CLOSED

    @property
    def need_area_labels(self) -> list[str]:
        return [str(NeedArea(a).label) for a in self.need_areas if a in NeedArea.values]


class CaseEvent(models.Model):
    """The case's history: every status change, assignment and transfer, shown on the case page."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.CharField(max_length=500, blank=True)

    KIND_LABELS = {
        "opened": _("case opened"),
        "status": _("status changed"),
        "closed": _("case closed"),
        "reopened": _("case reopened"),
        "transfer_requested": _("transfer requested"),
        "transfer_accepted": _("transfer accepted"),
        "transfer_declined": _("transfer declined"),
        "referral_created": _("referral planned"),
        "referral_sent": _("referral sent"),
        "referral_status": _("referral updated"),
        "referral_answered": _("partner answered the referral"),
    }

    class Meta:
        ordering = ["at", "id"]

    @property
    def kind_label(self) -> str:
        return str(self.KIND_LABELS.get(self.kind, self.kind))

    @property
    def to_status_label(self) -> str:
        return str(CaseStatus(self.to_status).label) if self.to_status in CaseStatus.values else self.to_status


class CaseShare(models.Model):
    """A case shared with another organisation under a consent; it ends when the consent ends."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="case_shares")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="case_shares")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], condition=models.Q(revoked_at__isnull=True), name="case_share_active"
            )
        ]


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the receiver")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")


class Transfer(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    from_case_manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="incoming_transfers")
    to_case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="incoming_transfers"
    )
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(max_length=20, choices=TransferStatus.choices, default=TransferStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-requested_at"]


# Assessment ----------------------------------------------------------------------------------------------


class Assessment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date"))
    note = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["assessed_on", "id"]
        verbose_name = _("assessment")


class AssessmentItem(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="items")
    domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    need_level = models.PositiveSmallIntegerField(
        _("need (0 none – 4 acute)"), validators=[MinValueValidator(0), MaxValueValidator(4)]
    )
    resources = models.TextField(_("resources"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "domain"], name="assessment_item_domain")]


# Help plan -----------------------------------------------------------------------------------------------


class GoalStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    ACHIEVED = "achieved", _("achieved")
    PARTLY = "partly", _("partly achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")
    DROPPED = "dropped", _("dropped")


class Goal(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    wording = models.TextField(_("goal"))
    agreed_with_client = models.BooleanField(_("agreed with the client"), default=False)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["target_date", "id"]
        verbose_name = _("goal")


class Responsible(models.TextChoices):
    CLIENT = "client", _("client")
    CASE_MANAGER = "case_manager", _("case manager")
    PARTNER = "partner", _("partner")


class Measure(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures")
    description = models.TextField(_("measure"))
    responsible = models.CharField(_("who"), max_length=20, choices=Responsible.choices)
    partner = models.CharField(_("partner"), max_length=200, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("measure")
        indexes = [models.Index(fields=["due_date", "done_on"])]


# Contacts ------------------------------------------------------------------------------------------------


class ContactMode(models.TextChoices):
    OFFICE = "office", _("in the office")
    HOME_VISIT = "home_visit", _("home visit")
    PHONE = "phone", _("phone")
    VIDEO = "video", _("video")
    ACCOMPANIMENT = "accompaniment", _("accompaniment")


class Contact(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), validators=[MinValueValidator(1), MaxValueValidator(720)])
    mode = models.CharField(_("mode"), max_length=20, choices=ContactMode.choices)
    interpreter_language = models.CharField(_("interpreter language"), max_length=10, blank=True)
    domains = models.JSONField(_("life domains"), default=list, blank=True)
    #: Sanitised HTML (kim.core.html.sanitise); encrypted at rest, may contain health matters.
    note = EncryptedTextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-id"]
        verbose_name = _("contact")
        indexes = [models.Index(fields=["case", "happened_on"]), models.Index(fields=["created_by", "happened_on"])]


# Referrals -----------------------------------------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    SENT = "sent", _("sent")
    APPOINTMENT = "appointment", _("appointment arranged")
    ACCEPTED = "accepted", _("accepted")
    COMPLETED = "completed", _("completed")
    DECLINED = "declined", _("declined")
    NO_SHOW = "no_show", _("no show")


class Referral(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals_received"
    )
    to_service = models.CharField(_("service"), max_length=200, blank=True)
    partner_email = models.EmailField(_("partner's e-mail"), blank=True)
    domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    reason = models.TextField(_("reason"))
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    due_date = models.DateField(_("feedback due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.PLANNED)
    feedback = models.TextField(_("feedback"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    #: SHA-256 of the single-use answer link's token; the token itself is only in the e-mail.
    answer_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    answer_token_expires_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referral")
        indexes = [models.Index(fields=["status", "due_date"])]


# Documents -----------------------------------------------------------------------------------------------


class DocumentCategory(models.TextChoices):
    IDENTITY = "identity", _("identity and residence documents")
    CERTIFICATES = "certificates", _("certificates and qualifications")
    AUTHORITY_LETTERS = "authority_letters", _("letters from authorities")
    HEALTH = "health", _("health")
    CONSENT = "consent", _("consent forms")
    OTHER = "other", _("other")


class Document(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    category = models.CharField(_("category"), max_length=30, choices=DocumentCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to="documents/%Y/%m/")
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("document")


# Public contact form: spam protection ----------------------------------------------------------------------


class PublicFormAttempt(models.Model):
    """One submission of the public contact form, for the rate limit per sender address.

    Only a keyed hash of the address is stored (never the address itself), and rows are deleted once they
    are older than the longest limit window, so this is no log of who wrote. It lives in the database so
    that the limit holds across several app processes.
    """

    ip_hash = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)
    accepted = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("contact form submission (rate limit)")
        verbose_name_plural = _("contact form submissions (rate limit)")
        indexes = [models.Index(fields=["ip_hash", "at"])]
