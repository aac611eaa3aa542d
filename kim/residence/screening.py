# Screening – built by engineer 'screening'
"""Residence screening ("Bleiberechts-Screening"): who in my scope may have a route?

Evaluates every person of the actor's scope with the pre-check engine (kim.residence.precheck) on today's date
and lists, per route, the candidates: outcome ELIGIBLE, ELIGIBLE_DISCRETION, ELIGIBLE_WITH_OPEN_CONDITIONS, or
NOT_ELIGIBLE with an earliest date within the next 12 months ("soon").

Scope (never wider than the case scope, kim.cases.models.CaseQuerySet):

- case managers: their own open cases; team leads: the open cases of their organisation;
- authority staff: cases shared with their authority under a valid consent (share not revoked); only the
  data the share's consent names: persons whose share does not name the residence status are not evaluated
  (counted), and names are shown only where the share names master data;
- every other role: PermissionDenied.

Only persons with a valid consent for case management today are evaluated; the others are counted.

Facts: the latest saved pre-check run of the person (its facts and options), else the facts the record holds
(the same facts as kim.residence.precheck_facts.facts_from_client). Everything is loaded with a fixed number
of queries, whatever the number of persons; the engine runs in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import Role
from kim.cases.models import Case, CaseShare, CaseStatus
from kim.clients.models import Consent, ConsentPurpose, DataCategory
from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.residence import precheck_facts
from kim.residence.models import PrecheckRun, ResidenceStatus
from kim.residence.precheck import ROUTES, FactError, evaluate_facts, parse_facts
from kim.residence.precheck.labels import fact_label
from kim.residence.precheck.outcome import (
    ELIGIBLE,
    ELIGIBLE_DISCRETION,
    ELIGIBLE_WITH_OPEN_CONDITIONS,
    NOT_ELIGIBLE,
)
from kim.residence.views import OUTCOME_LABELS, ROUTE_LABELS

SCREENING_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)
#: Pseudo-outcome of the screening: NOT_ELIGIBLE, but with an earliest date within the next 12 months.
SOON = "SOON"
#: The screening's outcomes, in the order the page shows them.
SCREENING_OUTCOMES = (ELIGIBLE, ELIGIBLE_DISCRETION, ELIGIBLE_WITH_OPEN_CONDITIONS, SOON)
SCREENING_OUTCOME_LABELS = {
    ELIGIBLE: OUTCOME_LABELS[ELIGIBLE],
    ELIGIBLE_DISCRETION: OUTCOME_LABELS[ELIGIBLE_DISCRETION],
    ELIGIBLE_WITH_OPEN_CONDITIONS: OUTCOME_LABELS[ELIGIBLE_WITH_OPEN_CONDITIONS],
    SOON: _("Soon: requirements met within 12 months"),
}


def soon_limit(today: dt.date) -> dt.date:
    """The last day that counts as "soon": the same day next year (28 February for 29 February)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def screening_outcome(outcome: str, earliest: dt.date | None, today: dt.date) -> str | None:
    """The screening outcome of one route result, or None if the person is no candidate for the route."""
    if outcome in (ELIGIBLE, ELIGIBLE_DISCRETION, ELIGIBLE_WITH_OPEN_CONDITIONS):
        return outcome
    if outcome == NOT_ELIGIBLE and earliest is not None and earliest <= soon_limit(today):
        return SOON
    return None


# Facts ------------------------------------------------------------------------------------------------------


def record_facts(client, statuses: list[ResidenceStatus], on: dt.date) -> dict:
    """The facts of the client record (:func:`kim.residence.precheck_facts.facts_from_client`) from statuses
    already loaded (ordered by valid_from, pk) – no query per person."""
    return precheck_facts.facts_from_client(client, on, statuses=statuses)


# Loading ----------------------------------------------------------------------------------------------------


def screening_cases(actor: Actor, today: dt.date):
    """The cases the screening looks at: the actor's case scope, narrowed as the module docstring says."""
    if actor.membership is None or actor.role not in SCREENING_ROLES:
        raise PermissionDenied
    cases = Case.objects.for_actor(actor)
    if actor.role in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        cases = cases.exclude(status=CaseStatus.CLOSED)
    consented = Consent.objects.valid_on(today).filter(
        client_id=OuterRef("client_id"), purpose=ConsentPurpose.CASE_MANAGEMENT
    )
    latest_run = PrecheckRun.objects.filter(client_id=OuterRef("client_id")).order_by("-created_at", "-id")
    return cases.annotate(consented=Exists(consented), latest_run_id=Subquery(latest_run.values("id")[:1]))


@dataclass
class Candidate:
    case: Case
    route: str
    outcome: str
    missing: list[str]
    earliest: dt.date | None
    run: PrecheckRun | None
    show_name: bool

    @property
    def client(self):
        return self.case.client

    @property
    def outcome_label(self) -> str:
        return str(SCREENING_OUTCOME_LABELS[self.outcome])


@dataclass
class RouteGroup:
    route: str
    label: str
    candidates: list[Candidate] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        """The counts in the order of SCREENING_OUTCOMES (the summary table's row)."""
        return [self.counts.get(kind, 0) for kind in SCREENING_OUTCOMES]


@dataclass
class Screening:
    today: dt.date
    evaluated: int
    no_consent: int
    #: authority staff: shared persons whose share does not name the residence status
    no_residence_share: int
    #: persons whose facts the engine refused (contradictory facts in a saved run, for instance)
    failed: int
    groups: list[RouteGroup]

    @property
    def candidate_count(self) -> int:
        return sum(len(g.candidates) for g in self.groups)

    @property
    def total_cells(self) -> list[int]:
        """Candidates per screening outcome over all routes (the summary's last row)."""
        return [sum(column) for column in zip(*(g.cells for g in self.groups), strict=True)] or [0] * len(
            SCREENING_OUTCOMES
        )


def _share_categories(actor: Actor, cases, today: dt.date) -> dict[int, set[str]]:
    """case id → data categories the actor's authority may read through valid shares (one query)."""
    shares = (
        CaseShare.objects.filter(
            case__in=cases.values("pk"), organisation_id=actor.organisation_id, revoked_at__isnull=True
        )
        .select_related("consent")
        .only(
            "case_id",
            "consent__valid_from",
            "consent__valid_until",
            "consent__withdrawn_on",
            "consent__data_categories",
        )
    )
    categories: dict[int, set[str]] = defaultdict(set)
    for share in shares:
        if share.consent.is_valid_on(today):
            categories[share.case_id].update(share.consent.data_categories)
    return categories


def screen(*, actor: Actor, route: str = "", outcome: str = "", today: dt.date | None = None) -> Screening:
    """Evaluate every person in the actor's scope (see the module docstring) and audit the screening.

    ``route`` and ``outcome`` narrow the lists (the counts of the summary too); unknown values are ignored
    by the caller's form. Runs a fixed number of queries whatever the number of persons."""
    today = today or timezone.localdate()
    cases = screening_cases(actor, today)
    rows = list(
        cases.select_related("client")
        .prefetch_related(
            Prefetch(
                "client__residence_statuses", queryset=ResidenceStatus.objects.order_by("valid_from", "pk")
            )
        )
        .order_by("number", "pk")
    )
    authority = actor.role == Role.AUTHORITY_STAFF
    categories = _share_categories(actor, cases, today) if authority else {}
    runs = {
        run.pk: run
        for run in PrecheckRun.objects.filter(
            pk__in=cases.filter(consented=True).values("latest_run_id")
        ).only("id", "client_id", "created_at", "decision_date", "facts", "options")
    }

    lang = "de" if (get_language() or "de").startswith("de") else "en"
    routes = [route] if route else list(ROUTES)
    groups = {r: RouteGroup(r, ROUTE_LABELS.get(r, r)) for r in routes}
    seen: set[int] = set()
    no_consent = no_share = failed = evaluated = 0
    for case in rows:
        if case.client_id in seen:  # one person with several cases in scope: screened once, first case shown
            continue
        seen.add(case.client_id)
        if not case.consented:
            no_consent += 1
            continue
        case_categories = categories.get(case.pk, set()) if authority else set(DataCategory.values)
        if DataCategory.RESIDENCE not in case_categories:
            no_share += 1
            continue
        run = runs.get(case.latest_run_id)
        if run is not None:
            facts, options = run.facts, run.options or None
        else:
            facts, options = (
                record_facts(case.client, list(case.client.residence_statuses.all()), today),
                None,
            )
        try:
            evaluation = evaluate_facts(parse_facts(facts), on=today, options=options)
        except FactError:
            failed += 1
            continue
        evaluated += 1
        show_name = DataCategory.MASTER_DATA in case_categories
        for result in evaluation.results:
            group = groups.get(result.route)
            if group is None:
                continue
            kind = screening_outcome(result.outcome, result.earliest_date, today)
            if kind is None or (outcome and kind != outcome):
                continue
            group.counts[kind] = group.counts.get(kind, 0) + 1
            group.candidates.append(
                Candidate(
                    case=case,
                    route=result.route,
                    outcome=kind,
                    missing=[fact_label(path, lang) for path in result.missing_facts],
                    earliest=result.earliest_date,
                    run=run,
                    show_name=show_name,
                )
            )
    order = {kind: i for i, kind in enumerate(SCREENING_OUTCOMES)}
    for group in groups.values():
        group.candidates.sort(key=lambda c: (order[c.outcome], c.earliest or dt.date.min, c.case.number))
    audit_log(
        actor=actor,
        action="residence.screening.run",
        details={
            "evaluated": evaluated,
            "not_screened_no_consent": no_consent,
            "not_screened_no_share": no_share,
            "failed": failed,
            "route": route,
            "outcome": outcome,
        },
    )
    return Screening(today, evaluated, no_consent, no_share, failed, list(groups.values()))
