"""Organisations, districts, staff accounts, memberships with roles, and staff profiles.

A user belongs to one or more organisations through memberships; each membership carries one role. What a
user may see is decided by the membership that is active in the session (kim.core.scoping), never by a
flag on the user.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.scoping import ScopedQuerySet

postcode_validator = RegexValidator(r"^\d{5}$", _("A German postcode has five digits."))
phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,30}$", _("Enter a phone number with digits, spaces and + ( ) / - only.")
)


class Role(models.TextChoices):
    CASE_MANAGER = "case_manager", _("Case manager")
    TEAM_LEAD = "team_lead", _("Team lead")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMIN_ASSISTANT = "admin_assistant", _("Administrative assistant")
    AUTHORITY_STAFF = "authority_staff", _("Authority staff")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


class OrganisationKind(models.TextChoices):
    INTEGRATION_CENTRE = "integration_centre", _("Integration centre")
    WELFARE_ORGANISATION = "welfare_organisation", _("Welfare organisation")
    FOREIGNERS_AUTHORITY = "foreigners_authority", _("Foreigners' authority")
    NATURALISATION_AUTHORITY = "naturalisation_authority", _("Naturalisation authority")
    JOB_CENTRE = "job_centre", _("Job centre")
    OTHER_OFFICE = "other_office", _("Other office")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class UserQuerySet(ScopedQuerySet):
    scope_path = "memberships__organisation"


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True


class User(AbstractBaseUser, PermissionsMixin):
    """A staff account. People seeking help have no account; they are clients (kim.clients)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("access to the technical administration (Django admin)"),
        default=False,
        help_text=_("Only for technical maintenance; everyday administration happens in the staff area."),
    )
    is_demo = models.BooleanField(
        _("demo account"), default=False, help_text=_("Demo accounts can only log in while demo mode is on.")
    )
    date_joined = models.DateTimeField(_("created"), default=timezone.now)

    objects = ScopedUserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class OrganisationQuerySet(ScopedQuerySet):
    scope_path = ""  # the organisation itself


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100, blank=True, default="Oberhausen")
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    provides_case_management = models.BooleanField(
        _("provides KIM case management"),
        default=False,
        help_text=_("Its staff can be assigned cases of the KIM case management."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class District(models.Model):
    """A Sozialraum: the area a team of case managers is responsible for."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("district (Sozialraum)")
        verbose_name_plural = _("districts (Sozialräume)")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class DistrictArea(models.Model):
    """A postcode, or a street within a postcode, that belongs to a district.

    A postcode row without a street covers the whole postcode; a street row overrides it, because a
    postcode may be split between two Sozialräume.
    """

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="areas")
    postcode = models.CharField(_("postcode"), max_length=5, validators=[postcode_validator])
    street = models.CharField(_("street"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("street or postcode")
        verbose_name_plural = _("streets and postcodes")
        ordering = ["postcode", "street"]
        constraints = [
            models.UniqueConstraint(Lower("street"), "postcode", name="district_area_unique_street_postcode")
        ]
        indexes = [models.Index(fields=["postcode"])]

    def __str__(self) -> str:
        return f"{self.postcode} {self.street}".strip()


class MembershipQuerySet(ScopedQuerySet):
    scope_path = "organisation"

    def active(self):
        return self.filter(is_active=True, user__is_active=True, organisation__is_active=True)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class StaffProfileQuerySet(ScopedQuerySet):
    scope_path = "user__memberships__organisation"

    def published(self):
        return self.filter(is_published=True, user__is_active=True)


class StaffProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="staff_profile")
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("ISO 639 codes, e.g. ar, tr, uk.")
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="staff_profiles", verbose_name=_("districts")
    )
    weekly_hours = models.DecimalField(
        _("weekly hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    max_caseload = models.PositiveSmallIntegerField(
        _("maximum caseload"), null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    is_published = models.BooleanField(
        _("show on the public website"),
        default=False,
        help_text=_("Name, organisation, languages, districts, phone and e-mail appear on the public site."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = StaffProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return str(self.user)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ContactPoint(models.Model):
    """A place where people can reach the KIM team: address, phone, e-mail and opening hours."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contact_points")
    name = models.CharField(_("name"), max_length=200)
    building = models.CharField(_("building"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=5, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100, default="Oberhausen")
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    is_central = models.BooleanField(_("central contact"), default=False)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["-is_central", "name"]

    def __str__(self) -> str:
        return self.name


class OpeningHours(models.Model):
    contact_point = models.ForeignKey(ContactPoint, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="opening_hours_order")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningExceptionReason(models.TextChoices):
    """Why a contact point deviates from its regular hours; shown to the public in the visitor's language."""

    TEAM_DAY = "team_day", _("team day")
    TRAINING = "training", _("staff training")
    BETWEEN_HOLIDAYS = "between_holidays", _("closed between the holidays")
    BRIDGE_DAY = "bridge_day", _("bridge day")
    EVENT = "event", _("event")
    BUILDING = "building", _("building closed")
    STAFF_SHORTAGE = "staff_shortage", _("staff shortage")
    OTHER = "other", _("other reason")


class OpeningHoursExceptionQuerySet(ScopedQuerySet):
    scope_path = "contact_point__organisation"


class OpeningHoursException(models.Model):
    """Closed days or special hours of a contact point for a period, entered by the coordination.

    Closed: the contact point is closed on every day of the period. Special hours: on the regular opening
    days of the period it opens only from ``opens`` to ``closes``; a period of a single day gets the special
    hours even when the contact point is normally closed that day (an open Saturday). An exception wins over
    a public holiday on the same day.
    """

    contact_point = models.ForeignKey(
        ContactPoint, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("contact point")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), help_text=_("The last day of the period (the same date for one day)."))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=30, choices=OpeningExceptionReason.choices)
    note = models.CharField(
        _("note for the public (German)"),
        max_length=200,
        blank=True,
        help_text=_("Optional, shown as written, e.g. where to go instead."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = OpeningHoursExceptionQuerySet.as_manager()

    #: A period longer than this is a typing error, not a closure.
    MAX_DAYS = 366

    class Meta:
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="opening_exception_period_order"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(is_closed=True, opens__isnull=True, closes__isnull=True)
                    | models.Q(is_closed=False, opens__isnull=False, closes__gt=models.F("opens"))
                ),
                name="opening_exception_hours",
            ),
        ]
        indexes = [models.Index(fields=["contact_point", "ends_on"])]

    def __str__(self) -> str:
        period = f"{self.starts_on:%d.%m.%Y}"
        if self.ends_on != self.starts_on:
            period += f"–{self.ends_on:%d.%m.%Y}"
        if self.is_closed:
            return f"{period}: {self.get_reason_display()}"
        return f"{period} {self.opens:%H:%M}–{self.closes:%H:%M}: {self.get_reason_display()}"

    @property
    def is_single_day(self) -> bool:
        return self.starts_on == self.ends_on

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.starts_on and self.ends_on:
            if self.ends_on < self.starts_on:
                errors["ends_on"] = _("The last day cannot be before the first day.")
            elif (self.ends_on - self.starts_on).days >= self.MAX_DAYS:
                errors["ends_on"] = _("A period can be at most one year long.")
        if self.is_closed:
            self.opens = self.closes = None
        else:
            if self.opens is None:
                errors["opens"] = _("Give the time it opens.")
            if self.closes is None:
                errors["closes"] = _("Give the time it closes.")
            if self.opens and self.closes and self.closes <= self.opens:
                errors["closes"] = _("It must close after it opens.")
        if not errors and self.contact_point_id and self.starts_on and self.ends_on:
            overlapping = OpeningHoursException.objects.filter(
                contact_point_id=self.contact_point_id, starts_on__lte=self.ends_on, ends_on__gte=self.starts_on
            ).exclude(pk=self.pk)
            other = overlapping.first()
            if other is not None:
                errors["starts_on"] = _("This period overlaps with another exception (%(other)s).") % {
                    "other": str(other)
                }
        if errors:
            raise ValidationError(errors)
