"""People seeking help (clients), their names in several spellings and scripts, households, and consent.

A client record belongs to the organisation that created it (the employer of the case manager). Other
organisations see it only through a transfer or a sharing that a valid consent covers (kim.clients.consent).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import District, Organisation, phone_validator, postcode_validator
from kim.core.scoping import ScopedQuerySet


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    DIVERSE = "diverse", _("diverse")
    NOT_STATED = "not_stated", _("not stated")


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("first language")
    FLUENT = "fluent", _("fluent")
    BASIC = "basic", _("basic")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class ClientQuerySet(ScopedQuerySet):
    """Scope: who sees which client is decided in one place, kim.clients.selectors.scope_clients (own cases,
    the team lead's organisation, cases shared with an authority); ``for_actor`` applies it, so every
    ``Client.objects.for_actor(actor)`` anywhere in the code base keeps the same rule."""

    scope_path = "organisation"
    visible_to_system_admins = False  # administrators run the platform, they do not read case files

    def for_actor(self, actor):
        from kim.clients.selectors import scope_clients

        return scope_clients(self, actor)


class HouseholdQuerySet(ScopedQuerySet):
    """Households are seen through their members: kim.clients.selectors.scope_households."""

    scope_path = "organisation"
    visible_to_system_admins = False

    def for_actor(self, actor):
        from kim.clients.selectors import scope_households

        return scope_households(self, actor)


class Client(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="clients", verbose_name=_("organisation")
    )
    given_names = models.CharField(_("given names"), max_length=200)
    family_name = models.CharField(_("family name"), max_length=200)
    name_original_script = models.CharField(
        _("name in original script"), max_length=300, blank=True, help_text=_("e.g. محمد الأحمد or Олександр Коваль")
    )
    #: Normalised Latin transliteration of every name and spelling, for fuzzy search (kim.clients.names).
    search_names = models.TextField(editable=False, default="")
    #: Phonetic keys of every name token, space separated, for duplicate detection.
    search_keys = models.TextField(editable=False, default="")
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    birth_month = models.PositiveSmallIntegerField(
        _("month of birth"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    birth_day = models.PositiveSmallIntegerField(
        _("day of birth"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, default=Gender.NOT_STATED)
    nationalities = models.JSONField(
        _("nationalities"), default=list, blank=True, help_text=_("ISO 3166 country codes; XX = stateless")
    )
    #: [{"code": "ar", "level": "native"}, …]
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    #: The phone number's digits in international form (kim.clients.names.phone_digits), for search.
    phone_digits = models.CharField(max_length=40, blank=True, editable=False, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    messenger = models.CharField(_("messenger"), max_length=100, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100, blank=True, default="Oberhausen")
    district = models.ForeignKey(
        District, on_delete=models.SET_NULL, null=True, blank=True, related_name="clients", verbose_name=_("district")
    )
    arrival_germany = models.DateField(_("arrival in Germany"), null=True, blank=True)
    arrival_city = models.DateField(_("arrival in the city"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["family_name", "given_names"]
        indexes = [
            models.Index(fields=["organisation", "family_name"]),
            models.Index(fields=["birth_year"]),
            models.Index(fields=["phone"]),
        ]

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)

    def spellings(self, other_names=None) -> list[str]:
        """Every way this person's name is written: main name, original script, further spellings."""
        names = [str(self), self.name_original_script]
        for other in self.other_names.all() if other_names is None else other_names:
            names.append(str(other))
        return [name for name in dict.fromkeys(names) if name and name.strip()]

    @property
    def birth_date_display(self) -> str:
        """The partial birth date as it is known: 1990, 03/1990 or 14.03.1990."""
        if not self.birth_year:
            return ""
        if self.birth_month and self.birth_day:
            return f"{self.birth_day:02d}.{self.birth_month:02d}.{self.birth_year}"
        if self.birth_month:
            return f"{self.birth_month:02d}/{self.birth_year}"
        return str(self.birth_year)

    def age_on(self, day: dt.date) -> int | None:
        """Completed years on ``day``, or None where the partial birth date leaves it open."""
        if not self.birth_year or self.birth_month is None:
            return None
        years = day.year - self.birth_year
        if self.birth_day is None:
            if day.month == self.birth_month:
                return None
            return years - (1 if day.month < self.birth_month else 0)
        return years - (1 if (day.month, day.day) < (self.birth_month, self.birth_day) else 0)

    def clean(self):
        if self.birth_day and not self.birth_month:
            raise ValidationError({"birth_month": _("A day of birth needs the month too.")})
        if self.birth_year and self.birth_month and self.birth_day:
            try:
                born = dt.date(self.birth_year, self.birth_month, self.birth_day)
            except ValueError:
                raise ValidationError({"birth_day": _("This date does not exist.")}) from None
            if born > timezone.localdate():
                raise ValidationError({"birth_year": _("The date of birth lies in the future.")})
        elif self.birth_year and self.birth_year > timezone.localdate().year:
            raise ValidationError({"birth_year": _("The date of birth lies in the future.")})
        if self.arrival_germany and self.arrival_city and self.arrival_city < self.arrival_germany:
            raise ValidationError({"arrival_city": _("The arrival in the city cannot be before the arrival in Germany.")})
        if self.interpreter_needed and not self.interpreter_language:
            raise ValidationError({"interpreter_language": _("Which language should the interpreter speak?")})


class ClientSearchKey(models.Model):
    """The search index: one row per key of a client's names (kim.clients.names.search_keys).

    Exact, indexed look-ups on these keys are the cheap pre-filter of the name search and the duplicate check
    on every database; the candidates found are then ranked by kim.clients.names.name_similarity. The
    services rebuild a client's rows whenever a name changes."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="search_key_rows")
    key = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["key", "client"], name="client_search_key_idx")]

    def __str__(self) -> str:
        return self.key


class NameKind(models.TextChoices):
    SPELLING = "spelling", _("other spelling")
    BIRTH_NAME = "birth_name", _("birth name")
    PREVIOUS = "previous", _("previous name")
    DOCUMENT = "document", _("as in the passport")


class ClientName(models.Model):
    """A further spelling of the client's name (passport, earlier documents, other transliteration)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="other_names")
    kind = models.CharField(_("kind"), max_length=20, choices=NameKind.choices, default=NameKind.SPELLING)
    given_names = models.CharField(_("given names"), max_length=200, blank=True)
    family_name = models.CharField(_("family name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class Household(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="households")
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Family Haddad"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return self.name


class Relation(models.TextChoices):
    REFERENCE = "reference", _("reference person")
    SPOUSE = "spouse", _("spouse or partner")
    CHILD = "child", _("child")
    PARENT = "parent", _("parent")
    SIBLING = "sibling", _("sibling")
    GRANDPARENT = "grandparent", _("grandparent")
    OTHER = "other", _("other relative")


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="household_memberships")
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        constraints = [
            models.UniqueConstraint(fields=["household", "client"], name="household_member_unique"),
            models.UniqueConstraint(
                fields=["household"], condition=models.Q(relation="reference"), name="household_one_reference"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client} ({self.get_relation_display()})"


class ConsentPurpose(models.TextChoices):
    CASE_MANAGEMENT = "case_management", _("case management")
    SHARE_WITH_ORGANISATION = "share", _("sharing with a named organisation")
    CONTACT_PHONE = "contact_phone", _("contact by phone")
    CONTACT_EMAIL = "contact_email", _("contact by e-mail")
    CONTACT_MESSENGER = "contact_messenger", _("contact by messenger")


class DataCategory(models.TextChoices):
    MASTER_DATA = "master_data", _("name, birth date, contact")
    RESIDENCE = "residence", _("residence status")
    FAMILY = "family", _("family and household")
    EDUCATION_WORK = "education_work", _("education, work and income")
    HEALTH = "health", _("health")
    HOUSING = "housing", _("housing")
    CASE_HISTORY = "case_history", _("help plan and contacts")
    DOCUMENTS = "documents", _("documents")


class ConsentQuerySet(ScopedQuerySet):
    scope_path = "client__organisation"
    visible_to_system_admins = False

    def valid_on(self, day: dt.date):
        return self.filter(
            models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
            models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gt=day),
        )


class Consent(models.Model):
    """A Schweigepflichtentbindung / consent: one purpose, one recipient (for sharing), named data categories."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_received",
        verbose_name=_("recipient"),
    )
    data_categories = models.JSONField(_("data categories"), default=list, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_note = models.CharField(_("note on the withdrawal"), max_length=300, blank=True)
    form_language = models.CharField(_("language of the form"), max_length=10, default="de")
    form_version = models.CharField(_("form version"), max_length=20)
    signed_scan = models.FileField(_("signed form (scan)"), upload_to="consents/%Y/%m/", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-valid_from", "-id"]

    def __str__(self) -> str:
        recipient = f" → {self.recipient}" if self.recipient_id else ""
        return f"{self.get_purpose_display()}{recipient}"

    def is_valid_on(self, day: dt.date) -> bool:
        if self.valid_from > day:
            return False
        if self.valid_until and self.valid_until < day:
            return False
        return not (self.withdrawn_on and self.withdrawn_on <= day)

    def clean(self):
        if self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end of validity is before its start.")})
        if self.purpose == ConsentPurpose.SHARE_WITH_ORGANISATION and not self.recipient_id:
            raise ValidationError({"recipient": _("Sharing needs a named recipient organisation.")})
        if self.purpose == ConsentPurpose.SHARE_WITH_ORGANISATION and not self.data_categories:
            raise ValidationError({"data_categories": _("Name the data that may be shared.")})
        unknown = set(self.data_categories) - set(DataCategory.values)
        if unknown:
            raise ValidationError({"data_categories": _("Unknown data category.")})


# The search index follows every change of a name, whoever saves it (services, request intake, seeds). --------
# kim.clients.services.client_update saves through an UPDATE (optimistic locking) and reindexes itself.


def _reindex_on_client_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not {"given_names", "family_name", "name_original_script"} & set(update_fields):
        return
    from kim.clients.services import reindex_client

    reindex_client(instance)


def _reindex_on_name_change(sender, instance, raw=False, origin=None, **kwargs):
    if raw:
        return
    # A name deleted because its client is being deleted: nothing to index.
    if origin is not None and not (
        origin is instance or (isinstance(origin, models.QuerySet) and origin.model is ClientName)
    ):
        return
    from kim.clients.services import reindex_client

    client = Client.objects.filter(pk=instance.client_id).first()
    if client is not None:
        reindex_client(client)


models.signals.post_save.connect(_reindex_on_client_save, sender=Client, dispatch_uid="clients_reindex_client")
models.signals.post_save.connect(_reindex_on_name_change, sender=ClientName, dispatch_uid="clients_reindex_name")
models.signals.post_delete.connect(_reindex_on_name_change, sender=ClientName, dispatch_uid="clients_reindex_name_del")
