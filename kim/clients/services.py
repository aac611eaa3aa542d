"""Writes to client records, their further names, households and household members.

Every function checks that the actor may do it (a case manager or team lead with the record in scope),
runs in one transaction, validates with ``full_clean`` and writes an audit entry naming the changed fields –
never their values. A new client is checked for duplicates first (kim.clients.selectors.client_find_similar):
if similar persons are known, the service refuses with :class:`PossibleDuplicate` until the user confirms
that this is a different person. Client updates are optimistic-locked (kim.core.concurrency).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.accounts.selectors import district_for_address
from kim.clients import names
from kim.clients.models import (
    Client,
    ClientName,
    ClientSearchKey,
    Household,
    HouseholdMember,
    LanguageLevel,
    Relation,
)
from kim.clients.selectors import CLIENT_EDITORS, client_find_similar
from kim.core.audit import audit_log
from kim.core.concurrency import save_versioned
from kim.core.languages import LANGUAGE_CHOICES_CODES
from kim.core.scoping import Actor

CLIENT_FIELDS = (
    "given_names",
    "family_name",
    "name_original_script",
    "birth_year",
    "birth_month",
    "birth_day",
    "gender",
    "nationalities",
    "languages",
    "interpreter_needed",
    "interpreter_language",
    "phone",
    "email",
    "messenger",
    "street",
    "postcode",
    "city",
    "arrival_germany",
    "arrival_city",
)
NAME_FIELDS = {"given_names", "family_name", "name_original_script"}


class PossibleDuplicate(Exception):
    """Similar persons are known: ``matches`` the actor may see, ``hidden_elsewhere`` for the others."""

    def __init__(self, matches, hidden_elsewhere: bool):
        self.matches = matches
        self.hidden_elsewhere = hidden_elsewhere
        super().__init__("Similar persons are already recorded.")


def _require_editor(actor: Actor, client: Client | None = None) -> None:
    if actor.membership is None or actor.role not in CLIENT_EDITORS:
        raise PermissionDenied
    if client is not None and not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        raise PermissionDenied


def reindex_client(client: Client) -> None:
    """Rebuild the search fields and key rows of ``client`` from all its spellings."""
    document = names.search_document(client.spellings(other_names=list(client.other_names.all())))
    Client.objects.filter(pk=client.pk).update(search_names=document.names, search_keys=document.keys)
    client.search_names, client.search_keys = document.names, document.keys
    ClientSearchKey.objects.filter(client=client).delete()
    ClientSearchKey.objects.bulk_create(ClientSearchKey(client=client, key=key) for key in sorted(document.key_set))


def _clean_fields(fields: dict) -> dict:
    """Normalise the values of a client form and check the coded lists (nationalities, languages)."""
    from kim.clients.forms import country_codes

    data = {name: fields[name] for name in CLIENT_FIELDS if name in fields}
    for name in ("given_names", "family_name", "name_original_script", "phone", "email", "messenger", "street",
                 "postcode", "city", "interpreter_language"):
        if name in data and data[name] is not None:
            data[name] = " ".join(str(data[name]).split())
    errors = {}
    nationalities = [str(code).upper() for code in data.get("nationalities") or [] if code]
    if set(nationalities) - country_codes():
        errors["nationalities"] = _("Unknown country code.")
    data["nationalities"] = list(dict.fromkeys(nationalities))
    languages = []
    for entry in data.get("languages") or []:
        code, level = entry.get("code", ""), entry.get("level", "")
        if code not in LANGUAGE_CHOICES_CODES:
            errors["languages"] = _("Unknown language code: %(codes)s") % {"codes": code}
        elif level and level not in LanguageLevel.values:
            errors["languages"] = _("Unknown language level.")
        elif code not in [known["code"] for known in languages]:
            languages.append({"code": code, "level": level})
    data["languages"] = languages
    if data.get("interpreter_language") and data["interpreter_language"] not in LANGUAGE_CHOICES_CODES:
        errors["interpreter_language"] = _("Unknown language code: %(codes)s") % {
            "codes": data["interpreter_language"]
        }
    if not data.get("interpreter_needed"):
        data["interpreter_language"] = data.get("interpreter_language") or ""
    if errors:
        raise ValidationError(errors)
    return data


def _derived(client: Client) -> None:
    client.phone_digits = names.phone_digits(client.phone)
    client.district = (
        district_for_address(postcode=client.postcode, street=client.street) if client.postcode else None
    )


@transaction.atomic
def client_create(*, actor: Actor, confirmed_different_person: bool = False, **fields) -> Client:
    """Record a new client of the actor's organisation; refuses with PossibleDuplicate unless confirmed."""
    _require_editor(actor)
    data = _clean_fields(fields)
    client = Client(organisation_id=actor.organisation_id, created_by=actor.user, **data)
    _derived(client)
    client.full_clean()
    matches, hidden = client_find_similar(
        actor,
        client.given_names,
        client.family_name,
        client.birth_year,
        other_spellings=[client.name_original_script] if client.name_original_script else [],
    )
    if (matches or hidden) and not confirmed_different_person:
        raise PossibleDuplicate(matches, hidden)
    client.save()  # the post_save signal builds the search index (kim.clients.models)
    audit_log(
        actor=actor,
        action="clients.client.create",
        obj=client,
        details={"confirmed_different_person": bool(matches or hidden)} if (matches or hidden) else {},
    )
    return client


@transaction.atomic
def client_update(*, actor: Actor, client: Client, expected_version: int, **fields) -> Client:
    """Save changes if nobody else saved the record since ``expected_version`` (else StaleRecordError)."""
    _require_editor(actor, client)
    data = _clean_fields(fields)
    changed = [name for name, value in data.items() if getattr(client, name) != value]
    for name, value in data.items():
        setattr(client, name, value)
    _derived(client)
    client.full_clean()
    client.updated_at = timezone.now()
    save_versioned(client, expected_version, [*data.keys(), "phone_digits", "district", "updated_at"])
    if NAME_FIELDS & set(changed):
        reindex_client(client)
    audit_log(actor=actor, action="clients.client.update", obj=client, details={"fields": sorted(changed)})
    return client


# Further names -------------------------------------------------------------------------------------------


def _name_clean(name: ClientName) -> None:
    name.given_names = " ".join(name.given_names.split())
    name.family_name = " ".join(name.family_name.split())
    if not name.given_names and not name.family_name:
        raise ValidationError({"family_name": _("Enter at least a given name or a family name.")})
    name.full_clean()


@transaction.atomic
def client_name_create(*, actor: Actor, client: Client, kind: str, given_names: str, family_name: str) -> ClientName:
    _require_editor(actor, client)
    name = ClientName(client=client, kind=kind, given_names=given_names or "", family_name=family_name or "")
    _name_clean(name)
    name.save()
    audit_log(actor=actor, action="clients.name.create", obj=client, details={"name_id": name.pk, "kind": kind})
    return name


@transaction.atomic
def client_name_update(*, actor: Actor, name: ClientName, kind: str, given_names: str, family_name: str) -> ClientName:
    _require_editor(actor, name.client)
    name.kind, name.given_names, name.family_name = kind, given_names or "", family_name or ""
    _name_clean(name)
    name.save()
    audit_log(
        actor=actor, action="clients.name.update", obj=name.client, details={"name_id": name.pk, "kind": kind}
    )
    return name


@transaction.atomic
def client_name_delete(*, actor: Actor, name: ClientName) -> None:
    client = name.client
    _require_editor(actor, client)
    name_id = name.pk
    name.delete()
    audit_log(actor=actor, action="clients.name.delete", obj=client, details={"name_id": name_id})


# Households ----------------------------------------------------------------------------------------------


def _require_household(actor: Actor, household: Household) -> None:
    _require_editor(actor)
    if not Household.objects.for_actor(actor).filter(pk=household.pk).exists():
        raise PermissionDenied


@transaction.atomic
def household_create(*, actor: Actor, client: Client, name: str) -> Household:
    """A new household of the actor's organisation with ``client`` as its reference person."""
    _require_editor(actor, client)
    household = Household(organisation_id=actor.organisation_id, name=" ".join((name or "").split()))
    household.full_clean()
    household.save()
    HouseholdMember.objects.create(household=household, client=client, relation=Relation.REFERENCE)
    audit_log(actor=actor, action="clients.household.create", obj=household, details={"client_id": client.pk})
    return household


@transaction.atomic
def household_update(*, actor: Actor, household: Household, name: str) -> Household:
    _require_household(actor, household)
    household.name = " ".join((name or "").split())
    household.full_clean()
    household.save()
    audit_log(actor=actor, action="clients.household.update", obj=household, details={"fields": ["name"]})
    return household


@transaction.atomic
def household_delete(*, actor: Actor, household: Household) -> None:
    """Dissolve a household: the memberships end, the clients stay."""
    _require_household(actor, household)
    if household.members.exclude(client__in=Client.objects.for_actor(actor)).exists():
        raise ValidationError(_("Members of this household are recorded whose records you cannot open; ask your team lead."))
    audit_log(actor=actor, action="clients.household.delete", obj=household)
    household.delete()


def _check_relation(household: Household, relation: str, member: HouseholdMember | None = None) -> None:
    if relation not in Relation.values:
        raise ValidationError({"relation": _("Choose a relation.")})
    if relation == Relation.REFERENCE:
        others = household.members.filter(relation=Relation.REFERENCE)
        if member is not None:
            others = others.exclude(pk=member.pk)
        if others.exists():
            raise ValidationError({"relation": _("The household already has a reference person.")})


@transaction.atomic
def household_member_add(*, actor: Actor, household: Household, client: Client, relation: str) -> HouseholdMember:
    _require_household(actor, household)
    _require_editor(actor, client)
    if client.organisation_id != household.organisation_id:
        raise ValidationError({"client": _("Only clients of the household's organisation can be added.")})
    if household.members.filter(client=client).exists():
        raise ValidationError({"client": _("This person is already a member of the household.")})
    _check_relation(household, relation)
    try:
        with transaction.atomic():
            member = HouseholdMember.objects.create(household=household, client=client, relation=relation)
    except IntegrityError:
        raise ValidationError({"relation": _("The household already has a reference person.")}) from None
    audit_log(
        actor=actor,
        action="clients.household_member.create",
        obj=household,
        details={"client_id": client.pk, "relation": relation},
    )
    return member


@transaction.atomic
def household_member_update(*, actor: Actor, member: HouseholdMember, relation: str) -> HouseholdMember:
    _require_household(actor, member.household)
    _require_editor(actor, member.client)
    _check_relation(member.household, relation, member)
    member.relation = relation
    member.save(update_fields=["relation"])
    audit_log(
        actor=actor,
        action="clients.household_member.update",
        obj=member.household,
        details={"client_id": member.client_id, "relation": relation},
    )
    return member


@transaction.atomic
def household_member_remove(*, actor: Actor, member: HouseholdMember) -> bool:
    """Remove a member; a household without members is dissolved. Returns whether it still exists."""
    household = member.household
    _require_household(actor, household)
    _require_editor(actor, member.client)
    client_id = member.client_id
    member.delete()
    audit_log(
        actor=actor, action="clients.household_member.delete", obj=household, details={"client_id": client_id}
    )
    if not household.members.exists():
        audit_log(actor=actor, action="clients.household.delete", obj=household, details={"reason": "empty"})
        household.delete()
        return False
    return True
