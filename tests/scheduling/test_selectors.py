"""Scope: owner / colleague / team lead / other organisation; constant query counts."""

import datetime as dt

import pytest
from django.http import Http404

from kim.cases.models import CaseStatus, Goal, Measure, Referral, ReferralStatus
from kim.scheduling import selectors
from tests.scheduling.conftest import BERLIN, TODAY
from tests.scheduling.factories import make_appointment, make_case, make_deadline

pytestmark = pytest.mark.usefixtures("frozen_today")
MONDAY = dt.date(2026, 11, 23)


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def test_week_of_the_owner_and_its_boundaries(cm, actor_for):
    inside = make_appointment(cm, starts_at=at(MONDAY, 0, 0))
    late_sunday = make_appointment(cm, starts_at=at(MONDAY + dt.timedelta(days=6), 23, 0), minutes=30)
    make_appointment(cm, starts_at=at(MONDAY + dt.timedelta(days=7), 0, 0))  # next week
    make_appointment(
        cm, starts_at=at(MONDAY - dt.timedelta(days=1), 22, 0), minutes=120
    )  # ends at Monday 00:00
    cancelled = make_appointment(cm, starts_at=at(MONDAY, 9))
    cancelled.cancelled_at = cancelled.starts_at
    cancelled.save()
    assert selectors.appointments_in_week(actor_for(cm), cm.user, MONDAY) == [inside, late_sunday]


def test_colleague_cannot_open_the_calendar_or_an_appointment(cm, colleague, actor_for):
    appointment = make_appointment(cm, starts_at=at(MONDAY, 9))
    with pytest.raises(Http404):
        selectors.appointments_in_week(actor_for(colleague), cm.user, MONDAY)
    with pytest.raises(Http404):
        selectors.appointment_get(actor=actor_for(colleague), pk=appointment.pk)
    assert selectors.appointment_get(actor=actor_for(cm), pk=appointment.pk) == appointment


def test_team_lead_sees_the_case_managers_of_the_organisation(cm, tl, actor_for):
    appointment = make_appointment(cm, starts_at=at(MONDAY, 9))
    assert selectors.appointments_in_week(actor_for(tl), cm.user, MONDAY) == [appointment]
    assert selectors.appointment_get(actor=actor_for(tl), pk=appointment.pk) == appointment
    assert set(selectors.calendar_people(actor=actor_for(tl))) == {cm.user, tl.user}


def test_other_organisation_and_other_roles_get_404(
    cm, other_cm, other_tl, coordinator, make_member, actor_for
):
    from kim.accounts.models import Role

    appointment = make_appointment(cm, starts_at=at(MONDAY, 9))
    deadline = make_deadline(cm, due_on=TODAY)
    for member in (other_cm, other_tl, coordinator, make_member(Role.SYSTEM_ADMIN)):
        with pytest.raises(Http404):
            selectors.appointment_get(actor=actor_for(member), pk=appointment.pk)
        with pytest.raises(Http404):
            selectors.deadline_get(actor=actor_for(member), pk=deadline.pk)
        with pytest.raises(Http404):
            selectors.appointments_in_week(actor_for(member), cm.user, MONDAY)
    assert selectors.deadlines_upcoming(actor_for(other_tl), TODAY + dt.timedelta(days=30)) == []


def test_a_team_lead_in_two_organisations_sees_only_the_active_one(cm, other_welfare, make_member, actor_for):
    from kim.accounts.models import Membership, Role

    tl_other = make_member(Role.TEAM_LEAD, organisation=other_welfare)
    Membership.objects.create(user=tl_other.user, organisation=cm.organisation, role=Role.CASE_MANAGER)
    appointment = make_appointment(cm, starts_at=at(MONDAY, 9))
    with pytest.raises(Http404):
        selectors.appointment_get(actor=actor_for(tl_other), pk=appointment.pk)


def test_deadlines_upcoming_and_overdue(cm, colleague, tl, actor_for):
    overdue = make_deadline(cm, due_on=TODAY - dt.timedelta(days=1))
    today = make_deadline(cm, due_on=TODAY)
    later = make_deadline(cm, due_on=TODAY + dt.timedelta(days=20))
    make_deadline(cm, due_on=TODAY - dt.timedelta(days=3), done_on=TODAY)
    theirs = make_deadline(colleague, due_on=TODAY + dt.timedelta(days=1))
    assert selectors.deadlines_overdue(actor_for(cm)) == [overdue]
    assert selectors.deadlines_upcoming(actor_for(cm), TODAY + dt.timedelta(days=7)) == [today]
    assert selectors.deadlines_upcoming(actor_for(tl), TODAY + dt.timedelta(days=30)) == [
        today,
        theirs,
        later,
    ]


def _goal(case):
    return Goal.objects.create(case=case, domain="work", wording="Arbeit finden")


def _referral(case, member, **fields):
    return Referral.objects.create(
        case=case, domain="work", reason="Beratung", created_by=member.user, **fields
    )


def test_measures_overdue_of_own_open_cases(cm, colleague, tl, actor_for):
    own = make_case(cm)
    goal = _goal(own)
    overdue = Measure.objects.create(
        goal=goal, description="Lebenslauf", responsible="client", due_date=TODAY - dt.timedelta(days=2)
    )
    Measure.objects.create(
        goal=goal,
        description="erledigt",
        responsible="client",
        due_date=TODAY - dt.timedelta(days=2),
        done_on=TODAY,
    )
    Measure.objects.create(goal=goal, description="heute", responsible="client", due_date=TODAY)
    closed = make_case(cm, status=CaseStatus.CLOSED)
    Measure.objects.create(
        goal=_goal(closed), description="alt", responsible="client", due_date=TODAY - dt.timedelta(days=9)
    )
    Measure.objects.create(
        goal=_goal(make_case(colleague)),
        description="fremd",
        responsible="client",
        due_date=TODAY - dt.timedelta(days=9),
    )
    assert selectors.measures_overdue(actor_for(cm)) == [overdue]
    assert selectors.measures_overdue(actor_for(tl)) == []  # "own" cases: the team lead has none


def test_referrals_awaiting_feedback(cm, colleague, actor_for):
    case = make_case(cm)
    soon = _referral(case, cm, status=ReferralStatus.SENT, due_date=TODAY + dt.timedelta(days=7))
    overdue = _referral(case, cm, status=ReferralStatus.APPOINTMENT, due_date=TODAY - dt.timedelta(days=3))
    _referral(case, cm, status=ReferralStatus.ACCEPTED, due_date=TODAY + dt.timedelta(days=8))
    _referral(case, cm, status=ReferralStatus.COMPLETED, due_date=TODAY)
    _referral(case, cm, status=ReferralStatus.PLANNED, due_date=TODAY)
    _referral(make_case(colleague), colleague, status=ReferralStatus.SENT, due_date=TODAY)
    assert selectors.referrals_awaiting_feedback(actor_for(cm)) == [overdue, soon]


def _fill(cm, n):
    for i in range(n):
        case = make_case(cm)
        make_appointment(cm, starts_at=at(TODAY, 9 + i % 8), case=case)
        make_deadline(cm, due_on=TODAY + dt.timedelta(days=i), case=case)
        Measure.objects.create(
            goal=_goal(case), description="m", responsible="client", due_date=TODAY - dt.timedelta(days=1)
        )
        _referral(case, cm, status=ReferralStatus.SENT, due_date=TODAY)


def test_query_counts_do_not_grow_with_the_data(cm, actor_for, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    actor = actor_for(cm)
    _fill(cm, 1)
    with CaptureQueriesContext(connection) as one:
        context = selectors.my_week_context(actor)["my_week"]
        selectors.appointments_in_week(actor, cm.user, MONDAY)
    assert len(context["appointments_today"]) == 1
    _fill(cm, 6)
    with django_assert_num_queries(len(one.captured_queries)):
        context = selectors.my_week_context(actor)["my_week"]
        selectors.appointments_in_week(actor, cm.user, MONDAY)
        # everything the partial shows is loaded already
        [(a.case.number, a.owner.pk) for a in context["appointments_today"]]
        [m.goal.case.number for m in context["measures_overdue"]]
        [(d.case.number, d.display_title) for d in context["deadlines"]]
        [(r.case.number, str(r.to_organisation)) for r in context["referrals_awaiting_feedback"]]
    assert len(context["appointments_today"]) == 7
    assert len(context["measures_overdue"]) == 7
    assert len(context["referrals_awaiting_feedback"]) == 7
