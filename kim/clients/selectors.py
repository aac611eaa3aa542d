"""Reads of clients, names, households: the scope rule, the search and the duplicate check.

**Who sees which client** (:func:`scope_clients`, applied by ``Client.objects.for_actor``) – the one place
of this rule:

- a *case manager* sees the clients of a case they manage (any status; kim.cases.models.CaseQuerySet
  already limits that to their own organisation), and the clients they created themselves in their
  organisation that have no case yet;
- a *team lead* sees every client of their organisation and the clients of every case of their organisation;
- *authority staff* see the clients of cases shared with their organisation under a valid consent (again
  CaseQuerySet), and only the data categories that consent names (:func:`client_data_categories`);
- coordination and system administrators see no client records.

**Search** (:func:`client_search`): by name (fuzzy, across spellings and scripts), case number, phone and
year of birth, always within the scope. Names are looked up in two cheap, indexed steps and then ranked in
Python on a bounded candidate list (never the whole table):

1. candidates from the key index (``ClientSearchKey``: consonant skeletons and three-letter prefixes of
   every name word, kim.clients.names), counted per client, best 200 – on every database;
2. on PostgreSQL, where the keys found fewer than 200, additionally the pg_trgm word-similarity operator
   ``search_names %> query`` on the GIN trigram index (migration 0003), best 200 by ``word_similarity`` –
   it catches typos the keys miss (Pondarenko → Bondarenko);
3. the candidates are ranked by kim.clients.names.name_similarity (rapidfuzz) over all their spellings.

**Duplicates** (:func:`client_find_similar`) use the same candidate steps over *all* clients (a person may
be known to another organisation), filtered by year of birth ±1, and report matches outside the actor's
scope only as one boolean – no name, id or count.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps

from django.db import connection, transaction
from django.db.models import BooleanField, Count, Exists, F, Func, OuterRef, Prefetch, Q, QuerySet, Value

from kim.accounts.models import Role
from kim.clients import names
from kim.clients.models import (
    Client,
    ClientName,
    ClientSearchKey,
    DataCategory,
    Household,
    HouseholdMember,
    Relation,
)
from kim.core.scoping import Actor, get_for_actor_or_404

#: Roles that work with client records at all (coordination and administrators do not).
CLIENT_READERS = (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)
#: Roles that create and change client records.
CLIENT_EDITORS = (Role.CASE_MANAGER, Role.TEAM_LEAD)

CANDIDATE_LIMIT = 200
#: The first, unscoped look-up in the key index takes this many times the candidates needed.
UNSCOPED_FACTOR = 10
SEARCH_THRESHOLD = 70
DUPLICATE_THRESHOLD = 85
TRIGRAM_THRESHOLD = 0.6


# Scope ---------------------------------------------------------------------------------------------------


def _visible_cases(actor: Actor):
    from kim.cases.models import Case

    return Case.objects.for_actor(actor)


def scope_clients(qs: QuerySet, actor: Actor) -> QuerySet:
    """Narrow a Client queryset to what ``actor`` may see (see the module docstring)."""
    if actor.membership is None or actor.role not in CLIENT_READERS:
        return qs.none()
    from kim.cases.models import Case

    case_clients = _visible_cases(actor).order_by().values("client_id")
    if actor.role == Role.CASE_MANAGER:
        own_without_case = (
            Client.objects.filter(organisation_id=actor.organisation_id, created_by=actor.user)
            .filter(~Exists(Case.objects.filter(client=OuterRef("pk"))))
            .order_by()
            .values("pk")
        )
        # One IN over a UNION rather than an OR of two conditions: both databases can then use their
        # indexes (an OR makes PostgreSQL and SQLite scan every client).
        return qs.filter(pk__in=case_clients.union(own_without_case))
    if actor.role == Role.TEAM_LEAD:
        own_organisation = Client.objects.filter(organisation_id=actor.organisation_id).order_by().values("pk")
        return qs.filter(pk__in=own_organisation.union(case_clients))
    return qs.filter(pk__in=case_clients)


def scope_households(qs: QuerySet, actor: Actor) -> QuerySet:
    """Households of the actor's organisation with a member the actor may see (case managers, team leads)."""
    if actor.membership is None or actor.role not in CLIENT_EDITORS:
        return qs.none()
    if actor.role == Role.TEAM_LEAD:
        return qs.filter(organisation_id=actor.organisation_id)
    visible_member = HouseholdMember.objects.filter(
        household=OuterRef("pk"), client__in=Client.objects.for_actor(actor)
    )
    return qs.filter(organisation_id=actor.organisation_id).filter(Exists(visible_member))


def can_edit(actor: Actor) -> bool:
    return actor.membership is not None and actor.role in CLIENT_EDITORS


# Single records and lists --------------------------------------------------------------------------------


def client_list(*, actor: Actor) -> QuerySet[Client]:
    return (
        Client.objects.for_actor(actor)
        .select_related("district")
        .prefetch_related(Prefetch("cases", queryset=_visible_cases(actor).only("id", "number", "client_id")))
        .order_by("family_name", "given_names", "pk")
    )


def client_get(*, actor: Actor, pk: int) -> Client:
    queryset = Client.objects.select_related("district", "organisation", "created_by").prefetch_related(
        Prefetch("other_names", queryset=ClientName.objects.order_by("pk"))
    )
    return get_for_actor_or_404(queryset, actor, pk=pk)


def client_name_get(*, actor: Actor, client: Client, pk: int) -> ClientName:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(ClientName, client=client, pk=pk)


def client_cases(*, actor: Actor, client: Client):
    return _visible_cases(actor).filter(client=client).select_related("case_manager", "organisation")


def client_data_categories(*, actor: Actor, client: Client) -> frozenset[str]:
    """The data categories of ``client`` that ``actor`` may read: everything for the own organisation's case
    managers and team leads; for authority staff what the consents of the shares with them name."""
    if actor.role in CLIENT_EDITORS:
        return frozenset(DataCategory.values)
    if actor.role != Role.AUTHORITY_STAFF:
        return frozenset()
    from django.utils import timezone

    from kim.cases.models import CaseShare

    today = timezone.localdate()
    shares = CaseShare.objects.filter(
        case__client=client, organisation_id=actor.organisation_id, revoked_at__isnull=True
    ).select_related("consent")
    categories: set[str] = set()
    for share in shares:
        if share.consent.is_valid_on(today):
            categories.update(share.consent.data_categories)
    return frozenset(categories)


def client_households(*, actor: Actor, client: Client) -> list[HouseholdMember]:
    return list(
        HouseholdMember.objects.filter(client=client, household__in=Household.objects.for_actor(actor))
        .select_related("household")
        .order_by("household__name")
    )


def household_get(*, actor: Actor, pk: int) -> Household:
    return get_for_actor_or_404(Household.objects.all(), actor, pk=pk)


def household_members(*, actor: Actor, household: Household) -> tuple[list[HouseholdMember], int]:
    """The members the actor may see, and how many further members there are (only counted, not named)."""
    visible = Client.objects.for_actor(actor).values("pk")
    members = list(household.members.filter(client__in=visible).select_related("client"))
    order = list(Relation.values)
    members.sort(key=lambda m: (order.index(m.relation), m.client.birth_year or 0, m.client.given_names))
    hidden = household.members.exclude(client__in=visible).count()
    return members, hidden


def household_member_get(*, actor: Actor, pk: int) -> HouseholdMember:
    from django.http import Http404

    member = HouseholdMember.objects.select_related("household", "client").filter(pk=pk).first()
    if member is None or not Household.objects.for_actor(actor).filter(pk=member.household_id).exists():
        raise Http404
    if not Client.objects.for_actor(actor).filter(pk=member.client_id).exists():
        raise Http404
    return member


# Name candidates -----------------------------------------------------------------------------------------


class _WordSimilar(Func):
    """PostgreSQL ``field %> query`` (pg_trgm): true when a word extent of ``field`` is similar to the query.
    Unlike a comparison of ``word_similarity(…)`` with a number, the operator uses the GIN trigram index."""

    arg_joiner = " %%> "
    template = "(%(expressions)s)"
    output_field = BooleanField()


@contextmanager
def _search_session():
    """PostgreSQL: the trigram threshold of the ``%>`` operator, and no JIT compilation for the search
    queries – their cost estimates (scope subqueries) trigger it, and compiling takes far longer (≈0.8 s)
    than running them (≈0.1 s). Both settings are local to this transaction."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = %s", [TRIGRAM_THRESHOLD])
        yield


def _in_search_session(function):
    @wraps(function)
    def wrapped(*args, **kwargs):
        with _search_session():
            return function(*args, **kwargs)

    return wrapped


def _trigram_candidates(base: QuerySet, text: str, limit: int) -> list[int]:
    from django.contrib.postgres.search import TrigramWordSimilarity

    folded = names.fold_name(text)
    if len(folded) < 3:
        return []
    with _search_session():
        return list(
            base.filter(_WordSimilar(F("search_names"), Value(folded)))
            .annotate(similarity=TrigramWordSimilarity(Value(folded), "search_names"))
            .order_by("-similarity", "pk")
            .values_list("pk", flat=True)[:limit]
        )


def _key_candidates(base: QuerySet, text: str, limit: int, broad: bool = False) -> list[int]:
    """Clients of ``base`` sharing the most index keys with ``text``, best first.

    A narrow ``base`` (a case manager's clients, one year-of-birth window) is joined to the key rows
    directly. For a ``broad`` one (a team lead's whole organisation) SQLite would first have to list the
    scope; there the key index is asked alone (a few milliseconds even for common names) for the best
    ``UNSCOPED_FACTOR × limit`` clients, which are then narrowed to ``base`` by primary key – and only if that
    leaves too few is the joined query run after all."""
    keys = names.search_keys(text)
    if not keys:
        return []

    def grouped(rows, size):
        return [
            row["client_id"]
            for row in rows.values("client_id").annotate(hits=Count("id")).order_by("-hits", "client_id")[:size]
        ]

    if broad:
        first = grouped(ClientSearchKey.objects.filter(key__in=keys), UNSCOPED_FACTOR * limit)
        allowed = set(base.filter(pk__in=first).values_list("pk", flat=True))
        ids = [pk for pk in first if pk in allowed]
        if len(ids) >= limit or len(first) < UNSCOPED_FACTOR * limit:
            return ids[:limit]
    return grouped(ClientSearchKey.objects.filter(key__in=keys, client__in=base.order_by().values("pk")), limit)


def name_candidates(base: QuerySet, text: str, limit: int = CANDIDATE_LIMIT, broad: bool = False) -> list[int]:
    """Ids of at most about 2 × ``limit`` clients of ``base`` whose names may match ``text``."""
    ids = _key_candidates(base, text, limit, broad)
    if connection.vendor == "postgresql" and len(ids) < limit:
        # The trigram look-up adds what the keys miss (typos in the first letters or consonants); where
        # the keys already fill the candidate list, the ranking has enough to choose from.
        ids = list(dict.fromkeys([*ids, *_trigram_candidates(base, text, limit)]))
    return ids


def _ranked(ids: list[int], spellings: list[str]) -> list[tuple[Client, float]]:
    if not ids:
        return []
    clients = Client.objects.filter(pk__in=ids).prefetch_related("other_names")
    ranked = []
    for client in clients:
        candidate_spellings = client.spellings()
        score = max(names.name_similarity(spelling, candidate_spellings) for spelling in spellings)
        ranked.append((client, score))
    return ranked


# Search --------------------------------------------------------------------------------------------------


@dataclass
class SearchHit:
    client: Client
    score: int
    #: "name", "case_number", "phone" or "birth_year"
    matched_by: str


_YEAR = re.compile(r"19\d\d|20\d\d")
_PHONE_LIKE = re.compile(r"^\+?[\d\s()/\-]+$")
#: A case number (2026-00042, S-0099967): searched as such, not as a name.
_CASE_NUMBER_LIKE = re.compile(r"^[A-Za-z]{0,3}-?\d{2,}[\d-]*$")


@_in_search_session
def client_search(*, actor: Actor, query: str, birth_year: int | None = None, limit: int = 50) -> list[SearchHit]:
    """Clients in scope matching a name (fuzzy), case number, phone or year of birth; best first."""
    base = Client.objects.for_actor(actor)
    text = (query or "").strip()
    words = text.split()
    years = [word for word in words if _YEAR.fullmatch(word)]
    if years and (len(words) > 1 or not _PHONE_LIKE.match(text) or len(text) == 4):
        # "Haddad 1990" or "1990": a word that is a year is the year of birth.
        birth_year = birth_year or int(years[0])
        text = " ".join(word for word in words if word not in years)
    if birth_year:
        base = base.filter(birth_year=birth_year)
    hits: dict[int, SearchHit] = {}

    def add(client: Client, score: float, matched_by: str) -> None:
        score = round(score)
        if client.pk not in hits or hits[client.pk].score < score:
            hits[client.pk] = SearchHit(client=client, score=score, matched_by=matched_by)

    if text and any(ch.isdigit() for ch in text):
        cases = _visible_cases(actor).filter(number__icontains=text).values("client_id")
        for client in base.filter(pk__in=cases)[:limit]:
            add(client, 100, "case_number")
        digits = names.phone_digits(text)
        if _PHONE_LIKE.match(text) and len(digits) >= 4:
            for client in base.filter(phone_digits__contains=digits)[:limit]:
                add(client, 100, "phone")
    if text and any(ch.isalpha() for ch in text) and not (_CASE_NUMBER_LIKE.match(text) and hits):
        broad = actor.role == Role.TEAM_LEAD
        for client, score in _ranked(name_candidates(base, text, broad=broad), [text]):
            if score >= SEARCH_THRESHOLD:
                add(client, score, "name")
    if not text and birth_year:
        for client in base.order_by("family_name", "given_names")[:limit]:
            add(client, 100, "birth_year")
    ordered = sorted(hits.values(), key=lambda hit: (-hit.score, hit.client.family_name, hit.client.given_names))
    ordered = ordered[:limit]
    _prefetch_for_display(actor, [hit.client for hit in ordered])
    return ordered


def _prefetch_for_display(actor: Actor, clients: list[Client]) -> None:
    """Districts and the *visible* cases of the clients shown in a result list (no N+1, no other cases)."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        clients,
        "district",
        Prefetch("cases", queryset=_visible_cases(actor).only("id", "number", "client_id")),
    )


# Duplicates ----------------------------------------------------------------------------------------------


@dataclass
class SimilarClient:
    client: Client
    score: int


def _year_adjusted(score: float, year: int | None, other: int | None) -> float | None:
    """Same year: unchanged; one year apart: −10; unknown on either side: −5; further apart: no match."""
    if year is None or other is None:
        return score - 5
    if year == other:
        return score
    if abs(year - other) == 1:
        return score - 10
    return None


@_in_search_session
def client_find_similar(
    actor: Actor,
    given_names: str,
    family_name: str,
    birth_year: int | None,
    exclude_pk: int | None = None,
    other_spellings: list[str] | tuple[str, ...] = (),
) -> tuple[list[SimilarClient], bool]:
    """Possible duplicates of a person: (matches the actor may see, best first; whether there are matches
    the actor may not see). Of the latter nothing else is revealed – "ask the coordination"."""
    spellings = [s for s in [f"{given_names} {family_name}".strip(), *other_spellings] if s and s.strip()]
    if not spellings:
        return [], False
    base = Client.objects.all()
    if birth_year:
        base = base.filter(Q(birth_year__isnull=True) | Q(birth_year__range=(birth_year - 1, birth_year + 1)))
    if exclude_pk:
        base = base.exclude(pk=exclude_pk)
    ids: list[int] = []
    for spelling in spellings:
        ids.extend(name_candidates(base, spelling))
    ids = list(dict.fromkeys(ids))
    if not ids:
        return [], False
    visible_ids = set(Client.objects.for_actor(actor).filter(pk__in=ids).values_list("pk", flat=True))
    visible: list[SimilarClient] = []
    hidden = False
    for client, score in _ranked(ids, spellings):
        adjusted = _year_adjusted(score, birth_year, client.birth_year)
        if adjusted is None or adjusted < DUPLICATE_THRESHOLD:
            continue
        if client.pk in visible_ids:
            visible.append(SimilarClient(client=client, score=round(adjusted)))
        else:
            hidden = True
    visible.sort(key=lambda match: (-match.score, match.client.family_name, match.client.pk))
    _prefetch_for_display(actor, [match.client for match in visible])
    return visible, hidden
