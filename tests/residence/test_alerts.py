"""Deadline alerts of the pipeline: exact day boundaries, and their deadlines in kim.scheduling."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from kim.residence import pipeline
from kim.residence.alerts import AlertConfig, alert_done, candidate_alerts, compute_alerts, scan
from kim.residence.models import PipelineDeadline
from kim.scheduling.models import Deadline, DeadlineKind
from tests.residence.test_pipeline_support import actor, make_candidate, status, today

D = dt.date
CONFIG = AlertConfig()  # 3 months, 6 months, 8 weeks


def S(kind, start, end=None, pk=1):
    return SimpleNamespace(kind=kind, valid_from=start, valid_to=end, pk=pk)


def alerts(
    on, *, statuses=(), route="AUFENTHG_25B", stage="counselled", birth=None, result=None, config=CONFIG
):
    found = compute_alerts(
        route=route,
        stage=stage,
        birth_date=birth,
        statuses=list(statuses),
        run_result=result,
        run_date=D(2026, 10, 1) if result else None,
        today=on,
        config=config,
    )
    return [(a.kind, a.trigger_date, a.starts_on) for a in found]


def run_result(**outcomes):
    return {"results": [{"route": route, "outcome": outcome} for route, outcome in outcomes.items()]}


# (a) § 104c ends without § 25a/§ 25b met ----------------------------------------------------------------------

CHANCEN = S("aufenthaltserlaubnis_104c", D(2025, 7, 25), D(2027, 1, 24))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2026, 10, 23), []),  # the day before the three months
        (D(2026, 10, 24), [("chancen_ending", D(2027, 1, 24), D(2026, 10, 24))]),  # first day
        (D(2027, 1, 24), [("chancen_ending", D(2027, 1, 24), D(2026, 10, 24))]),  # last day of the permit
        (D(2027, 1, 25), []),  # expired
    ],
)
def test_chancen_boundaries(on, expected):
    assert alerts(on, statuses=[CHANCEN]) == expected


def test_chancen_end_derived_from_18_months_when_no_end_is_recorded():
    # granted 25.07.2025 for 18 months: the first day counts, the last day is 24.01.2027
    assert alerts(D(2026, 10, 24), statuses=[S("aufenthaltserlaubnis_104c", D(2025, 7, 25))]) == [
        ("chancen_ending", D(2027, 1, 24), D(2026, 10, 24))
    ]
    assert alerts(D(2026, 10, 23), statuses=[S("aufenthaltserlaubnis_104c", D(2025, 7, 25))]) == []


def test_chancen_start_is_clamped_to_the_month_end():
    permit = S("aufenthaltserlaubnis_104c", D(2025, 12, 1), D(2027, 5, 31))
    assert alerts(D(2027, 2, 27), statuses=[permit]) == []
    assert alerts(D(2027, 2, 28), statuses=[permit])[0][2] == D(2027, 2, 28)


def test_chancen_months_are_configurable():
    assert alerts(D(2026, 11, 23), statuses=[CHANCEN], config=AlertConfig(chancen_months=2)) == []
    assert alerts(D(2026, 11, 24), statuses=[CHANCEN], config=AlertConfig(chancen_months=2))


@pytest.mark.parametrize(
    ("outcomes", "alert"),
    [
        ({"AUFENTHG_25B": "ELIGIBLE"}, False),
        ({"AUFENTHG_25A": "ELIGIBLE_DISCRETION", "AUFENTHG_25B": "NOT_ELIGIBLE"}, False),
        ({"AUFENTHG_25A": "NOT_APPLICABLE", "AUFENTHG_25B": "ELIGIBLE_WITH_OPEN_CONDITIONS"}, True),
        ({"AUFENTHG_19D": "ELIGIBLE", "AUFENTHG_25B": "NOT_ELIGIBLE"}, True),  # only § 25a/§ 25b count
    ],
)
def test_chancen_follows_the_latest_evaluation(outcomes, alert):
    found = alerts(D(2026, 12, 1), statuses=[CHANCEN], result=run_result(**outcomes))
    assert [k for k, *_ in found].count("chancen_ending") == (1 if alert else 0)


def test_no_alerts_in_final_stages():
    for stage in ("granted", "refused", "withdrawn"):
        assert alerts(D(2026, 12, 1), statuses=[CHANCEN], stage=stage) == []


# (b) § 25a: the application before the 27th birthday ----------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2026, 9, 24), []),  # the day before the six months
        (D(2026, 9, 25), [("age_27", D(2027, 3, 24), D(2026, 9, 25))]),
        (D(2027, 3, 24), [("age_27", D(2027, 3, 24), D(2026, 9, 25))]),  # the last day to apply
        (D(2027, 3, 25), []),  # the 27th birthday: too late
    ],
)
def test_age_27_boundaries(on, expected):
    assert alerts(on, route="AUFENTHG_25A", birth=D(2000, 3, 25)) == expected


def test_age_27_born_on_29_february():
    # 2027 is no leap year: the birthday is 1 March, the last day to apply 28 February
    assert alerts(D(2026, 8, 31), route="AUFENTHG_25A", birth=D(2000, 2, 29)) == []
    assert alerts(D(2026, 9, 1), route="AUFENTHG_25A", birth=D(2000, 2, 29)) == [
        ("age_27", D(2027, 2, 28), D(2026, 9, 1))
    ]
    assert alerts(D(2027, 3, 1), route="AUFENTHG_25A", birth=D(2000, 2, 29)) == []


def test_age_27_only_for_25a_before_the_application():
    assert alerts(D(2027, 1, 1), route="AUFENTHG_25B", birth=D(2000, 3, 25)) == []
    assert alerts(D(2027, 1, 1), route="AUFENTHG_25A", stage="applied", birth=D(2000, 3, 25)) == []
    assert alerts(D(2027, 1, 1), route="AUFENTHG_25A", stage="identified", birth=None) == []


def test_partial_birth_date_gives_no_age_alert(own):
    own.route = "AUFENTHG_25A"
    own.person.birth_year, own.person.birth_day = 2000, None
    own.person.birth_month = 3
    assert candidate_alerts(own, D(2027, 1, 1), CONFIG) == []
    own.person.birth_day = 25
    assert [a.kind for a in candidate_alerts(own, D(2027, 1, 1), CONFIG)] == ["age_27"]


# (c) Duldung or permit expires ---------------------------------------------------------------------------------

DULDUNG = S("duldung_60a", D(2026, 6, 17), D(2026, 12, 16))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2026, 10, 20), []),
        (
            D(2026, 10, 21),
            [("document_expiry", D(2026, 12, 16), D(2026, 10, 21))],
        ),  # 8 weeks = 56 days before
        (D(2026, 12, 16), [("document_expiry", D(2026, 12, 16), D(2026, 10, 21))]),
        (D(2026, 12, 17), []),
    ],
)
def test_expiry_boundaries(on, expected):
    assert alerts(on, statuses=[DULDUNG]) == expected


def test_expiry_weeks_are_configurable():
    assert alerts(D(2026, 11, 17), statuses=[DULDUNG], config=AlertConfig(expiry_weeks=4)) == []
    assert alerts(D(2026, 11, 18), statuses=[DULDUNG], config=AlertConfig(expiry_weeks=4))


def test_expiry_not_when_the_follow_up_is_recorded_or_nothing_expires():
    renewal = S("duldung_60a", D(2026, 12, 17), D(2027, 6, 16), pk=2)
    assert alerts(D(2026, 12, 1), statuses=[DULDUNG, renewal]) == []
    assert alerts(D(2026, 12, 1), statuses=[S("niederlassungserlaubnis", D(2020, 1, 1))]) == []


def test_chancen_alert_is_not_repeated_as_expiry_but_expiry_shows_when_25b_is_met():
    assert [k for k, *_ in alerts(D(2027, 1, 10), statuses=[CHANCEN])] == ["chancen_ending"]
    met = run_result(AUFENTHG_25B="ELIGIBLE")
    assert alerts(D(2027, 1, 10), statuses=[CHANCEN], result=met) == [
        ("document_expiry", D(2027, 1, 24), D(2026, 11, 29))
    ]


def test_messages_name_the_dates():
    from django.utils import translation

    with translation.override("de"):
        found = compute_alerts(
            route="AUFENTHG_25A",
            stage="counselled",
            birth_date=D(2000, 3, 25),
            statuses=[CHANCEN],
            run_result=None,
            run_date=None,
            today=D(2027, 1, 1),
            config=CONFIG,
        )
        texts = [a.message for a in found]
    assert len(texts) == 2 and any("24.01.2027" in t for t in texts)
    assert any("25.03.2027" in t and "24.03.2027" in t for t in texts)


# Deadlines in kim.scheduling ---------------------------------------------------------------------------------


def _expiring(candidate, user, days=20):
    return status(
        candidate.person,
        user,
        "duldung_60a",
        today() - dt.timedelta(days=100),
        today() + dt.timedelta(days=days),
    )


def test_alert_becomes_a_deadline_for_the_responsible_once(own, officer):
    _expiring(own, officer.user)  # the timeline signal syncs at once
    deadline = Deadline.objects.get(pipeline_alert__candidate=own)
    assert deadline.responsible == officer.user and deadline.organisation == own.authority
    assert deadline.kind == DeadlineKind.DULDUNG_EXPIRY and deadline.client == own.person
    assert deadline.due_on == today() + dt.timedelta(days=20) - dt.timedelta(weeks=8)
    assert deadline.expires_on == today() + dt.timedelta(days=20)
    assert not deadline.is_automatic
    assert "Nouri" not in deadline.title
    assert scan()["deadlines_created"] == 0  # idempotent
    call_command("scan_pipeline_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Deadline.objects.filter(pipeline_alert__candidate=own).count() == 1


def test_unassigned_candidate_gets_no_deadline_until_someone_is_responsible(referred, officer, owner):
    _expiring(referred, owner.user)
    pipeline_deadlines = Deadline.objects.filter(pipeline_alert__isnull=False)
    assert not pipeline_deadlines.exists()
    assert [a.kind for a in candidate_alerts(referred)] == ["document_expiry"]
    pipeline.candidate_assign(
        actor=actor(officer), candidate=referred, responsible=officer.user, expected_version=referred.version
    )
    assert pipeline_deadlines.get().responsible == officer.user
    # the case manager keeps the residence rule's own deadline (kim.scheduling.residence)
    assert Deadline.objects.get(is_automatic=True).responsible == owner.user


def test_responsible_change_moves_the_deadline(own, officer, officer_colleague):
    _expiring(own, officer.user)
    pipeline.candidate_assign(
        actor=actor(officer), candidate=own, responsible=officer_colleague.user, expected_version=own.version
    )
    assert Deadline.objects.get().responsible == officer_colleague.user


def test_final_stage_removes_the_open_deadline(own, officer):
    _expiring(own, officer.user)
    own.refresh_from_db()
    pipeline.candidate_move(
        actor=actor(officer), candidate=own, to_stage="withdrawn", expected_version=own.version
    )
    assert not Deadline.objects.exists() and not PipelineDeadline.objects.exists()


def test_done_deadline_is_not_made_again(own, officer):
    _expiring(own, officer.user)
    link = PipelineDeadline.objects.get()
    alert_done(actor=actor(officer), candidate=own, link=link)
    assert scan()["deadlines_created"] == 0
    deadline = Deadline.objects.get()
    assert deadline.done_on == today() and deadline.done_by == officer.user


def test_person_alerts_make_one_deadline_for_two_routes(own, officer, authority):
    second = make_candidate(
        own.person, authority, officer.user, route="AUFENTHG_25A", responsible=officer.user
    )
    _expiring(own, officer.user)
    assert Deadline.objects.count() == 1
    assert [a.kind for a in candidate_alerts(second)] == ["document_expiry"]  # still shown on both


def test_withdrawn_consent_removes_the_deadlines(referred, officer, owner, consent):
    from kim.clients.consent import consent_withdraw

    referred.responsible = officer.user
    referred.save()
    _expiring(referred, owner.user)
    pipeline_deadlines = Deadline.objects.filter(pipeline_alert__isnull=False)
    assert pipeline_deadlines.count() == 1
    consent_withdraw(actor=actor(owner), consent=consent, on=today())
    assert not pipeline_deadlines.exists()
    assert not Deadline.objects.filter(organisation=referred.authority).exists()


def test_pipeline_deadlines_reach_the_reminder_mail(own, officer):
    from kim.scheduling import reminders

    _expiring(own, officer.user, days=50)  # due 6 days ago: in the mail
    digest = reminders.collect(today())[officer.user.pk]
    assert [d.pk for d in digest.deadlines] == [Deadline.objects.get().pk]


def test_alert_done_page(own, officer, officer_colleague, client_for):
    from django.urls import reverse

    _expiring(own, officer.user)
    link = PipelineDeadline.objects.get()
    url = reverse("pipeline:alert_done", kwargs={"pk": own.pk, "link_pk": link.pk})
    assert client_for(officer_colleague).post(url).status_code == 302
    assert Deadline.objects.get().done_on == today()
    response = client_for(officer_colleague).post(url, follow=True)
    assert "already marked as done" in response.content.decode()
