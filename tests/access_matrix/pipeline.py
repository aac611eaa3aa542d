"""Access rules of the residence pipeline URLs (kim.residence.pipeline_urls)."""

import datetime as dt

from django.utils import timezone

from kim.accounts.models import OrganisationKind, Role
from tests.access_matrix import Entry

AUTHORITY = (Role.AUTHORITY_STAFF,)
STATISTICS = (Role.AUTHORITY_STAFF, Role.COORDINATOR, Role.ADMIN_ASSISTANT)
REFERRERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def _p(key):
    return lambda w: {"pk": w["pipeline"][key].pk}


def _version(key, **extra):
    return lambda w: {"version": w["pipeline"][key].version, **extra}


ENTRIES: list[Entry] = [
    Entry("pipeline:board", AUTHORITY),
    Entry("pipeline:register", AUTHORITY),
    Entry("pipeline:statistics", STATISTICS),
    Entry("pipeline:statistics_xlsx", STATISTICS),
    Entry("pipeline:candidate_detail", AUTHORITY, kwargs=_p("own")),
    # A candidate of another foreigners' authority: not found for our authority staff.
    Entry(
        "pipeline:candidate_detail", AUTHORITY, kwargs=_p("elsewhere"), overrides={Role.AUTHORITY_STAFF: 404}
    ),
    Entry(
        "pipeline:candidate_move",
        AUTHORITY,
        kwargs=_p("own"),
        method="post",
        ok=302,
        data=_version("own", to_stage="counselled", reached_on=timezone.localdate().isoformat()),
    ),
    Entry(
        "pipeline:candidate_move",
        AUTHORITY,
        kwargs=_p("elsewhere"),
        method="post",
        data=_version("elsewhere", to_stage="counselled"),
        overrides={Role.AUTHORITY_STAFF: 404},
    ),
    Entry(
        "pipeline:candidate_reopen",
        AUTHORITY,
        kwargs=_p("final"),
        method="post",
        ok=302,
        data=_version("final", note="Widerspruch erfolgreich"),
    ),
    Entry(
        "pipeline:candidate_assign", AUTHORITY, kwargs=_p("own"), method="post", ok=302, data=_version("own")
    ),
    Entry(
        "pipeline:candidate_precheck",
        AUTHORITY,
        kwargs=_p("own"),
        method="post",
        ok=302,
        data=lambda w: {"decision_date": timezone.localdate().isoformat()},
    ),
    Entry("pipeline:status_create", AUTHORITY, kwargs=_p("own")),
    Entry(
        "pipeline:status_delete",
        AUTHORITY,
        method="post",
        ok=302,
        kwargs=lambda w: {"pk": w["pipeline"]["own"].pk, "status_pk": w["pipeline"]["status"].pk},
    ),
    Entry(
        "pipeline:alert_done",
        AUTHORITY,
        method="post",
        ok=302,
        kwargs=lambda w: {"pk": w["pipeline"]["own"].pk, "link_pk": w["pipeline"]["link"].pk},
    ),
    Entry("pipeline:propose", REFERRERS, kwargs=lambda w: {"pk": w["pipeline"]["client"].pk}),
]


def build(world: dict) -> None:
    """The matrix's authority staff work at a foreigners' authority: an own candidate with an expiring Duldung
    (so it has an alert deadline), a granted one, and a candidate of another authority; a client of the
    matrix's case manager for the proposal page."""
    from kim.residence.models import PipelineDeadline
    from tests.clients.factories import ClientFactory, make_case
    from tests.factories import OrganisationFactory
    from tests.residence.test_pipeline_support import make_candidate, status

    staff = world["members"][Role.AUTHORITY_STAFF]
    authority = staff.organisation
    authority.kind = OrganisationKind.FOREIGNERS_AUTHORITY
    authority.save()
    today = timezone.localdate()
    person = ClientFactory(
        organisation=authority, birth_year=1990, birth_month=1, birth_day=2, created_by=staff.user
    )
    own = make_candidate(person, authority, staff.user, responsible=staff.user)
    expiring = status(
        person, staff.user, "duldung_60a", today - dt.timedelta(days=100), today + dt.timedelta(days=10)
    )
    final = make_candidate(
        ClientFactory(organisation=authority, created_by=staff.user),
        authority,
        staff.user,
        stage="granted",
        history=[("", "identified", today), ("identified", "applied", today), ("applied", "granted", today)],
    )
    other = OrganisationFactory(name="Ausländerbehörde Anderswo", kind=OrganisationKind.FOREIGNERS_AUTHORITY)
    elsewhere = make_candidate(ClientFactory(organisation=other), other, staff.user)
    case_manager = world["members"][Role.CASE_MANAGER]
    client = ClientFactory(organisation=case_manager.organisation, created_by=case_manager.user)
    make_case(client, case_manager.user, number="T-P-0001")
    own.refresh_from_db()
    world["pipeline"] = {
        "own": own,
        "final": final,
        "elsewhere": elsewhere,
        "status": expiring,
        "link": PipelineDeadline.objects.get(candidate=own),
        "client": client,
    }
