"""Access rules of the request queue, cases and coordination overviews."""

import datetime as dt

from django.utils import timezone

from kim.accounts.models import Role
from tests.access_matrix import Entry

COORD = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def build(world: dict) -> None:
    from kim.cases.models import Case, Goal, Measure, Request, RequestStatus, Transfer
    from kim.clients.models import Client

    cm = world["members"]["case_manager"]
    client = Client.objects.create(organisation=cm.organisation, given_names="Amal", family_name="Matrix", created_by=cm.user)
    case = Case.objects.create(
        number="T-M-0001", client=client, organisation=cm.organisation, case_manager=cm.user, opened_on=timezone.localdate()
    )
    request = Request.objects.create(
        reference="A-T-0001", channel="phone", received_at=timezone.now() - dt.timedelta(days=3), name="Amal Matrix",
        phone="0208 123", status=RequestStatus.ASSIGNED, assigned_to=cm.user, assigned_organisation=cm.organisation,
    )
    goal = Goal.objects.create(case=case, domain="language", wording="B1 erreichen")
    measure = Measure.objects.create(goal=goal, description="Kurs suchen", responsible="client")
    transfer = Transfer.objects.create(
        case=case, from_organisation=cm.organisation, from_case_manager=cm.user,
        to_organisation=cm.organisation, to_case_manager=cm.user, reason="Test",
    )
    world.update(case=case, client=client, request=request, goal=goal, measure=measure, transfer=transfer)


ENTRIES = [
    Entry("cases:request_list", (*COORD, *WORKERS)),
    Entry("cases:request_create", COORD),
    Entry("cases:request_detail", (*COORD, *WORKERS), kwargs=lambda w: {"pk": w["request"].pk}),
    Entry(
        "cases:request_assign", COORD, kwargs=lambda w: {"pk": w["request"].pk}, method="post", ok=302,
        data=lambda w: {"membership": w["members"]["case_manager"].pk},
    ),
    Entry(
        "cases:request_withdraw", COORD, kwargs=lambda w: {"pk": w["request"].pk}, method="post", ok=302,
        data=lambda w: {"reason": "doppelt"},
    ),
    Entry("cases:request_intake", WORKERS, kwargs=lambda w: {"pk": w["request"].pk}),
    Entry("cases:case_list", (*WORKERS, Role.AUTHORITY_STAFF)),
    Entry(
        "cases:case_detail", WORKERS, kwargs=lambda w: {"pk": w["case"].pk},
        overrides={Role.AUTHORITY_STAFF: 404},
    ),
    Entry(
        "cases:case_status", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}, method="post", ok=302,
        data=lambda w: {"to_status": "assessment", "version": w["case"].version},
    ),
    Entry("cases:case_close", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:case_reopen", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:case_transfer", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:transfer_decide", WORKERS, kwargs=lambda w: {"pk": w["transfer"].pk}),
    Entry("cases:assessment_create", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:goal_create", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:goal_update", WORKERS, kwargs=lambda w: {"pk": w["goal"].pk}),
    Entry("cases:measure_create", WORKERS, kwargs=lambda w: {"pk": w["goal"].pk}),
    Entry(
        "cases:measure_done", WORKERS, kwargs=lambda w: {"pk": w["measure"].pk}, method="post", ok=302,
        data=lambda w: {"done": "1"},
    ),
    Entry("cases:contact_create", WORKERS, kwargs=lambda w: {"pk": w["case"].pk}),
    Entry("cases:coordination_cases", COORD),
    Entry("cases:caseload", (*COORD, Role.TEAM_LEAD)),
]
