"""The candidate pipeline: referral with consent, registration, stages, scope, pages, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kim.accounts.models import Role
from kim.clients.consent import ConsentMissing, consent_withdraw
from kim.clients.models import Client, DataCategory
from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from kim.residence import pipeline
from kim.residence import pipeline_selectors as selectors
from kim.residence.models import Candidate, CandidateSource, CandidateStageChange, ResidenceStatus
from tests.residence.test_pipeline_support import actor, make_candidate, share_consent, today

# Referral by case management -----------------------------------------------------------------------------------


def test_propose_refused_without_consent(person, owner, authority):
    with pytest.raises(ConsentMissing) as error:
        pipeline.candidate_propose(
            actor=actor(owner), client=person, authority=authority, routes=["AUFENTHG_25B"]
        )
    assert "No valid consent" in str(error.value.messages[0])
    assert not Candidate.objects.exists()


def test_propose_refused_when_consent_lacks_residence(person, owner, authority):
    share_consent(person, authority, owner.user, categories=(DataCategory.MASTER_DATA,))
    with pytest.raises(ConsentMissing) as error:
        pipeline.candidate_propose(
            actor=actor(owner), client=person, authority=authority, routes=["AUFENTHG_25B"]
        )
    assert error.value.missing_categories == [DataCategory.RESIDENCE]
    assert not Candidate.objects.exists()


def test_propose_refused_when_consent_names_another_organisation(person, owner, authority, other_abh):
    share_consent(person, other_abh, owner.user)
    with pytest.raises(ConsentMissing):
        pipeline.candidate_propose(
            actor=actor(owner), client=person, authority=authority, routes=["AUFENTHG_25B"]
        )


def test_propose_with_consent_creates_one_candidate_per_route(person, owner, authority, consent):
    created = pipeline.candidate_propose(
        actor=actor(owner),
        client=person,
        authority=authority,
        routes=["AUFENTHG_25A", "AUFENTHG_25B"],
        note="Integrationskurs läuft.",
    )
    assert [c.route for c in created] == ["AUFENTHG_25A", "AUFENTHG_25B"]
    for candidate in created:
        assert candidate.source == CandidateSource.REFERRAL
        assert candidate.consent == consent
        assert candidate.referred_by == owner.user
        assert candidate.stage == "identified" and candidate.stage_since == today()
        assert candidate.case == person.cases.get()
        change = candidate.stage_changes.get()
        assert change.note == "Integrationskurs läuft." and change.to_stage == "identified"
    event = AuditEvent.objects.get(action="residence.pipeline.propose")
    assert event.details["consent"] == consent.pk and event.details["note_given"] is True
    assert "Integrationskurs" not in str(event.details)


def test_propose_checks_routes_against_the_authority(person, owner, authority, ebh, consent):
    share_consent(person, ebh, owner.user)
    with pytest.raises(ValidationError) as error:
        pipeline.candidate_propose(actor=actor(owner), client=person, authority=authority, routes=["STAG_10"])
    assert "routes" in error.value.message_dict
    with pytest.raises(ValidationError):
        pipeline.candidate_propose(actor=actor(owner), client=person, authority=ebh, routes=["AUFENTHG_25B"])
    with pytest.raises(ValidationError):
        pipeline.candidate_propose(actor=actor(owner), client=person, authority=authority, routes=[])
    assert pipeline.candidate_propose(actor=actor(owner), client=person, authority=ebh, routes=["STAG_10"])


def test_propose_twice_for_the_same_route_is_refused(person, owner, authority, consent):
    pipeline.candidate_propose(
        actor=actor(owner), client=person, authority=authority, routes=["AUFENTHG_25B"]
    )
    with pytest.raises(ValidationError) as error:
        pipeline.candidate_propose(
            actor=actor(owner), client=person, authority=authority, routes=["AUFENTHG_25B"]
        )
    assert "Already in the pipeline" in error.value.message_dict["routes"][0]
    assert Candidate.objects.count() == 1


def test_propose_only_for_own_clients(person, colleague, stranger, authority, consent, officer):
    for member in (colleague, stranger, officer):
        with pytest.raises(PermissionDenied):
            pipeline.candidate_propose(
                actor=actor(member), client=person, authority=authority, routes=["AUFENTHG_25B"]
            )
    assert not Candidate.objects.exists()


def test_authority_does_not_see_a_referral_without_valid_consent(referred, officer, consent):
    assert selectors.candidate_get(actor=actor(officer), pk=referred.pk) == referred
    consent.valid_until = today() - dt.timedelta(days=1)
    consent.save()
    with pytest.raises(Http404):
        selectors.candidate_get(actor=actor(officer), pk=referred.pk)


def test_withdrawing_the_consent_ends_the_access_at_once(referred, officer, owner, consent):
    consent_withdraw(actor=actor(owner), consent=consent, on=today())
    referred.refresh_from_db()
    assert referred.access_ended_at is not None and referred.access_end_reason == "consent_withdrawn"
    with pytest.raises(Http404):
        selectors.candidate_get(actor=actor(officer), pk=referred.pk)
    assert AuditEvent.objects.filter(
        action="residence.pipeline.access_end", object_id=str(referred.person_id)
    ).exists()
    # a new consent and a new proposal start a new candidacy; the ended one stays ended
    share_consent(referred.person, referred.authority, owner.user)
    again = pipeline.candidate_propose(
        actor=actor(owner), client=referred.person, authority=referred.authority, routes=["AUFENTHG_25B"]
    )[0]
    assert again.pk != referred.pk and selectors.candidate_get(actor=actor(officer), pk=again.pk) == again


def test_proposals_page_shows_the_stage_to_the_referring_case_manager(referred, owner, colleague, client_for):
    response = client_for(owner).get(reverse("pipeline:propose", kwargs={"pk": referred.person_id}))
    assert response.status_code == 200
    assert "Ausländerbehörde Testhausen" in response.content.decode()
    assert selectors.proposals_for_client(actor=actor(colleague), client=referred.person) == []


def test_propose_page_refuses_without_consent_and_keeps_the_input(person, owner, authority, client_for):
    http = client_for(owner)
    url = reverse("pipeline:propose", kwargs={"pk": person.pk})
    response = http.post(url, {"authority": authority.pk, "routes": ["AUFENTHG_25B"], "note": "Bitte prüfen"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "No valid consent" in body and "Bitte prüfen" in body
    assert not Candidate.objects.exists()


def test_propose_page_with_consent(person, owner, authority, consent, client_for):
    response = client_for(owner).post(
        reverse("pipeline:propose", kwargs={"pk": person.pk}),
        {"authority": authority.pk, "routes": ["AUFENTHG_25B"]},
    )
    assert response.status_code == 302
    assert Candidate.objects.get().route == "AUFENTHG_25B"


# Registration by the authority ------------------------------------------------------------------------------------

PERSON = {
    "given_names": "Aylin",
    "family_name": "Demir",
    "birth_year": 2000,
    "birth_month": 3,
    "birth_day": 25,
    "gender": "female",
    "nationalities": ["TR"],
    "arrival_germany": dt.date(2015, 9, 14),
}


def _status(**extra):
    values = {
        "kind": "duldung_60a",
        "valid_from": today() - dt.timedelta(days=90),
        "valid_to": today() + dt.timedelta(days=90),
    }
    values.update(extra)
    return values


def test_register_creates_an_own_record_with_timeline(officer, authority):
    created = pipeline.candidate_register(
        actor=actor(officer),
        routes=["AUFENTHG_25A"],
        status=_status(legal_basis="§ 60a Abs. 2 AufenthG"),
        **PERSON,
    )
    candidate = created[0]
    assert candidate.source == CandidateSource.AUTHORITY and candidate.consent is None
    assert candidate.responsible == officer.user
    person = candidate.person
    assert person.organisation == authority and person.nationalities == ["TR"]
    assert ResidenceStatus.objects.get(client=person).legal_basis == "§ 60a Abs. 2 AufenthG"
    assert set(AuditEvent.objects.filter(object_id=str(person.pk)).values_list("action", flat=True)) >= {
        "clients.client.create",
        "residence.status.create",
        "residence.pipeline.register",
    }


def test_register_refuses_bad_input_and_changes_nothing(officer):
    with pytest.raises(ValidationError) as error:
        pipeline.candidate_register(actor=actor(officer), routes=["STAG_10"], status=_status(), **PERSON)
    assert "routes" in error.value.message_dict
    with pytest.raises(ValidationError):
        pipeline.candidate_register(
            actor=actor(officer),
            routes=["AUFENTHG_25A"],
            status=_status(valid_to=today() - dt.timedelta(days=200)),
            **PERSON,
        )
    with pytest.raises(ValidationError):
        pipeline.candidate_register(
            actor=actor(officer),
            routes=["AUFENTHG_25A"],
            status=_status(),
            **{**PERSON, "birth_day": 31, "birth_month": 2},
        )
    assert (
        not Client.objects.exists()
        and not Candidate.objects.exists()
        and not ResidenceStatus.objects.exists()
    )


def test_register_asks_before_recording_the_same_person_twice(officer):
    pipeline.candidate_register(actor=actor(officer), routes=["AUFENTHG_25A"], status=_status(), **PERSON)
    with pytest.raises(ValidationError) as error:
        pipeline.candidate_register(actor=actor(officer), routes=["AUFENTHG_25B"], status=_status(), **PERSON)
    assert "confirmed_different_person" in error.value.message_dict
    assert Client.objects.count() == 1
    pipeline.candidate_register(
        actor=actor(officer),
        routes=["AUFENTHG_25B"],
        status=_status(),
        confirmed_different_person=True,
        **PERSON,
    )
    assert Client.objects.count() == 2


def test_only_abh_and_ebh_staff_register(make_member, owner):
    from kim.accounts.models import OrganisationKind
    from tests.factories import OrganisationFactory

    jobcenter = OrganisationFactory(name="Jobcenter Testhausen", kind=OrganisationKind.JOB_CENTRE)
    for member in (make_member(Role.AUTHORITY_STAFF, organisation=jobcenter), owner):
        with pytest.raises(PermissionDenied):
            pipeline.candidate_register(
                actor=actor(member), routes=["AUFENTHG_25A"], status=_status(), **PERSON
            )


def test_register_page_keeps_the_input_on_errors(officer, client_for):
    http = client_for(officer)
    response = http.post(
        reverse("pipeline:register"),
        {
            "given_names": "Aylin",
            "family_name": "Demir",
            "birth_year": "2000",
            "gender": "female",
            "kind": "duldung_60a",
            "valid_from": "2026-01-10",
            "valid_to": "2025-01-01",
            "routes": ["AUFENTHG_25A"],
        },
    )
    assert response.status_code == 200
    assert 'value="Aylin"' in response.content.decode()
    assert not Client.objects.exists()


def test_register_page_creates_and_opens_the_candidate(officer, client_for):
    response = client_for(officer).post(
        reverse("pipeline:register"),
        {
            "given_names": "Aylin",
            "family_name": "Demir",
            "birth_day": "25",
            "birth_month": "3",
            "birth_year": "2000",
            "gender": "female",
            "nationality": "TR",
            "kind": "duldung_60a",
            "valid_from": "2026-01-10",
            "valid_to": "2027-01-09",
            "routes": ["AUFENTHG_25A"],
        },
    )
    candidate = Candidate.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "pipeline:candidate_detail", kwargs={"pk": candidate.pk}
    )


def test_timeline_of_own_records_only(own, referred, officer):
    status = pipeline.candidate_status_add(
        actor=actor(officer),
        candidate=own,
        kind="duldung_60a",
        valid_from=dt.date(2026, 1, 1),
        valid_to=dt.date(2026, 12, 31),
        legal_basis="  § 60a  AufenthG ",
        issuing_authority="",
    )
    assert status.legal_basis == "§ 60a AufenthG"
    with pytest.raises(ValidationError):  # overlaps the status just added
        pipeline.candidate_status_add(
            actor=actor(officer),
            candidate=own,
            kind="duldung_60a",
            valid_from=dt.date(2026, 6, 1),
            valid_to=None,
            legal_basis="",
            issuing_authority="",
        )
    with pytest.raises(PermissionDenied):  # a referred person's timeline is the case manager's
        pipeline.candidate_status_add(
            actor=actor(officer),
            candidate=referred,
            kind="duldung_60a",
            valid_from=dt.date(2026, 1, 1),
            valid_to=None,
            legal_basis="",
            issuing_authority="",
        )
    pipeline.candidate_status_delete(actor=actor(officer), candidate=own, status=status)
    assert not ResidenceStatus.objects.filter(client=own.person).exists()


# Stages -------------------------------------------------------------------------------------------------------


def test_allowed_moves():
    assert pipeline.allowed_moves("identified") == (
        "counselled",
        "documents_complete",
        "applied",
        "withdrawn",
    )
    assert pipeline.allowed_moves("counselled") == (
        "documents_complete",
        "applied",
        "withdrawn",
        "identified",
    )
    assert pipeline.allowed_moves("applied") == ("granted", "refused", "withdrawn", "documents_complete")
    for final in ("granted", "refused", "withdrawn"):
        assert pipeline.allowed_moves(final) == ()


def _move(candidate, member, to_stage, **extra):
    candidate.refresh_from_db()
    return pipeline.candidate_move(
        actor=actor(member),
        candidate=candidate,
        to_stage=to_stage,
        expected_version=candidate.version,
        **extra,
    )


def test_move_through_the_stages_records_the_history(own, officer):
    for stage in ("counselled", "documents_complete", "applied", "granted"):
        _move(own, officer, stage)
    own.refresh_from_db()
    assert own.stage == "granted" and own.version == 5
    assert list(own.stage_changes.values_list("from_stage", "to_stage")) == [
        ("", "identified"),
        ("identified", "counselled"),
        ("counselled", "documents_complete"),
        ("documents_complete", "applied"),
        ("applied", "granted"),
    ]
    assert AuditEvent.objects.filter(action="residence.pipeline.move").count() == 4


def test_refused_transitions_change_nothing(own, officer):
    with pytest.raises(ValidationError) as error:
        _move(own, officer, "granted")  # a decision needs an application
    assert "to_stage" in error.value.message_dict
    _move(own, officer, "counselled")
    with pytest.raises(ValidationError) as error:
        _move(own, officer, "identified")  # back without a reason
    assert "note" in error.value.message_dict
    own.refresh_from_db()
    assert own.stage == "counselled" and own.stage_changes.count() == 2
    _move(own, officer, "identified", note="Termin nicht wahrgenommen, neu ansprechen.")
    own.refresh_from_db()
    assert own.stage == "identified"


def test_move_date_must_not_be_in_the_future_or_before_the_stage(own, officer):
    with pytest.raises(ValidationError) as error:
        _move(own, officer, "counselled", reached_on=today() + dt.timedelta(days=1))
    assert "reached_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        _move(own, officer, "counselled", reached_on=own.stage_since - dt.timedelta(days=1))
    _move(own, officer, "counselled", reached_on=own.stage_since)
    own.refresh_from_db()
    assert own.stage_since == own.stage_changes.last().reached_on


def test_stale_move_is_refused(own, officer, officer_colleague):
    stale_version = own.version
    _move(own, officer_colleague, "counselled")
    with pytest.raises(StaleRecordError):
        pipeline.candidate_move(
            actor=actor(officer), candidate=own, to_stage="counselled", expected_version=stale_version
        )
    assert own.stage_changes.count() == 2


def test_final_stage_is_reopened_with_a_reason(own, officer):
    for stage in ("applied", "refused"):
        _move(own, officer, stage)
    own.refresh_from_db()
    with pytest.raises(ValidationError):
        pipeline.candidate_reopen(
            actor=actor(officer), candidate=own, expected_version=own.version, note="  "
        )
    pipeline.candidate_reopen(
        actor=actor(officer), candidate=own, expected_version=own.version, note="Widerspruch"
    )
    own.refresh_from_db()
    assert own.stage == "applied"
    last = own.stage_changes.last()
    assert last.is_reopening and last.from_stage == "refused" and last.note == "Widerspruch"
    with pytest.raises(ValidationError):
        pipeline.candidate_reopen(actor=actor(officer), candidate=own, expected_version=own.version, note="x")


def test_withdrawn_reopens_to_the_stage_before(own, officer):
    _move(own, officer, "counselled")
    _move(own, officer, "withdrawn")
    own.refresh_from_db()
    pipeline.candidate_reopen(
        actor=actor(officer), candidate=own, expected_version=own.version, note="Doch weiter"
    )
    own.refresh_from_db()
    assert own.stage == "counselled"


def test_moving_an_unassigned_candidate_makes_the_mover_responsible(referred, officer):
    assert referred.responsible is None
    _move(referred, officer, "counselled")
    referred.refresh_from_db()
    assert referred.responsible == officer.user


def test_assign_only_staff_of_the_authority(own, officer, officer_colleague, other_officer, owner):
    pipeline.candidate_assign(
        actor=actor(officer), candidate=own, responsible=officer_colleague.user, expected_version=own.version
    )
    own.refresh_from_db()
    assert own.responsible == officer_colleague.user
    for user in (other_officer.user, owner.user):
        with pytest.raises(ValidationError):
            pipeline.candidate_assign(
                actor=actor(officer), candidate=own, responsible=user, expected_version=own.version
            )


def test_stage_notes_are_encrypted_at_rest(own, officer):
    from django.db import connection

    _move(own, officer, "counselled", note="Vorstrafe wegen Diebstahl besprochen")
    change = own.stage_changes.last()
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM residence_candidatestagechange WHERE id = %s", [change.pk])
        raw = cursor.fetchone()[0]
    assert "Diebstahl" not in raw
    assert CandidateStageChange.objects.get(pk=change.pk).note == "Vorstrafe wegen Diebstahl besprochen"
    assert "Diebstahl" not in str(list(AuditEvent.objects.values_list("details", flat=True)))


# Scope: owner / colleague / other authority ------------------------------------------------------------------


def test_scope_owner_colleague_other_authority(
    own, officer, officer_colleague, other_officer, ebh_officer, owner, client_for
):
    url = reverse("pipeline:candidate_detail", kwargs={"pk": own.pk})
    assert client_for(officer).get(url).status_code == 200  # responsible
    assert client_for(officer_colleague).get(url).status_code == 200  # colleague of the same authority
    assert client_for(other_officer).get(url).status_code == 404  # another foreigners' authority
    assert client_for(ebh_officer).get(url).status_code == 404  # the naturalisation authority
    assert client_for(owner).get(url).status_code == 403  # case managers do not work the pipeline
    with pytest.raises(PermissionDenied):
        pipeline.candidate_move(
            actor=actor(other_officer), candidate=own, to_stage="counselled", expected_version=1
        )


def test_other_authority_cannot_post_to_a_candidate(own, other_officer, client_for):
    response = client_for(other_officer).post(
        reverse("pipeline:candidate_move", kwargs={"pk": own.pk}),
        {"version": own.version, "to_stage": "counselled", "reached_on": today().isoformat()},
    )
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.stage == "identified"


def test_board_shows_only_the_own_authority(own, referred, other_abh, other_officer, officer, client_for):
    from tests.clients.factories import ClientFactory

    elsewhere = make_candidate(
        ClientFactory(organisation=other_abh, family_name="Fremdling"), other_abh, other_officer.user
    )
    body = client_for(officer).get(reverse("pipeline:board")).content.decode()
    assert "Nouri" in body and "Al-Ahmad" in body and "Fremdling" not in body
    assert elsewhere.pk not in [
        row.candidate.pk for row in selectors.board(actor=actor(officer), today=today()).rows
    ]
    assert AuditEvent.objects.filter(action="residence.pipeline.list", actor=officer.user).exists()


def test_board_filters(own, referred, officer, officer_colleague):
    own.stage = "applied"
    own.save()

    def rows(**filters):
        return [r.candidate.pk for r in selectors.board(actor=actor(officer), today=today(), **filters).rows]

    assert set(rows()) == {own.pk, referred.pk}
    assert rows(stage="applied") == [own.pk]
    assert rows(stage="open") == rows() and rows(stage="final") == []
    assert rows(responsible="me") == [own.pk]
    assert rows(responsible="none") == [referred.pk]
    assert rows(route="AUFENTHG_25A") == []
    matrix = selectors.board(actor=actor(officer), today=today()).matrix
    assert matrix[0]["route"] == "AUFENTHG_25B" and matrix[0]["total"] == 2


# Pages ----------------------------------------------------------------------------------------------------------


def test_detail_page_is_audited_and_shows_history(own, officer, client_for):
    response = client_for(officer).get(reverse("pipeline:candidate_detail", kwargs={"pk": own.pk}))
    assert response.status_code == 200
    assert "Samir Nouri" in response.content.decode()
    event = AuditEvent.objects.get(action="residence.pipeline.view")
    assert event.object_id == str(own.person_id) and event.details["candidate"] == own.pk


def test_move_page_keeps_the_input_on_errors(own, officer, client_for):
    response = client_for(officer).post(
        reverse("pipeline:candidate_move", kwargs={"pk": own.pk}),
        {
            "version": own.version,
            "to_stage": "granted",
            "note": "Mein Vermerk",
            "reached_on": today().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Mein Vermerk" in response.content.decode()
    own.refresh_from_db()
    assert own.stage == "identified"


def test_move_page(own, officer, client_for):
    response = client_for(officer).post(
        reverse("pipeline:candidate_move", kwargs={"pk": own.pk}),
        {"version": own.version, "to_stage": "counselled", "note": "", "reached_on": today().isoformat()},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.stage == "counselled"


def test_move_page_with_a_stale_version_saves_nothing(own, officer, client_for):
    http = client_for(officer)
    url = reverse("pipeline:candidate_move", kwargs={"pk": own.pk})
    http.post(url, {"version": own.version, "to_stage": "counselled", "reached_on": today().isoformat()})
    response = http.post(
        url, {"version": own.version, "to_stage": "applied", "reached_on": today().isoformat()}, follow=True
    )
    assert "Someone else changed this candidate" in response.content.decode()
    own.refresh_from_db()
    assert own.stage == "counselled"


def test_precheck_for_a_candidate_links_the_run(own, officer, client_for):
    from kim.residence.models import PrecheckRun

    response = client_for(officer).post(
        reverse("pipeline:candidate_precheck", kwargs={"pk": own.pk}), {"decision_date": today().isoformat()}
    )
    assert response.status_code == 302
    run = PrecheckRun.objects.get(client=own.person)
    own.refresh_from_db()
    assert own.precheck_run == run and run.created_by == officer.user
    assert run.facts["person"]["birth_date"] == "1991-05-12"
    assert AuditEvent.objects.filter(action="residence.pipeline.precheck").exists()


def test_a_new_run_of_the_case_manager_becomes_the_latest_evaluation(referred, owner):
    from kim.residence import services

    run = services.precheck_run(actor=actor(owner), client=referred.person, facts={}, on=today())
    referred.refresh_from_db()
    assert referred.precheck_run == run


def test_navigation_entries(officer, make_member, client_for):
    body = client_for(officer).get(reverse("core:home")).content.decode()
    assert reverse("pipeline:board") in body
    coordinator = make_member(Role.COORDINATOR)
    body = client_for(coordinator).get(reverse("core:home")).content.decode()
    assert reverse("pipeline:statistics") in body and f'href="{reverse("pipeline:board")}"' not in body


def test_access_ends_when_consent_expires_and_the_scan_records_it(referred, officer, consent):
    from kim.residence.alerts import scan

    consent.valid_until = today() - dt.timedelta(days=1)
    consent.save()
    assert scan()["access_ended"] == 1
    referred.refresh_from_db()
    assert referred.access_end_reason == "consent_expired"
    assert scan()["access_ended"] == 0


def test_timezone_today_is_used(own):
    assert own.stage_since == timezone.localdate()


def test_board_is_paginated(officer, authority, client_for):
    from tests.clients.factories import ClientFactory

    for i in range(101):
        make_candidate(
            ClientFactory(organisation=authority, family_name=f"Seite{i:03d}"), authority, officer.user
        )
    http = client_for(officer)
    first = http.get(reverse("pipeline:board"), {"stage": "open"})
    assert len(first.context["page"].object_list) == 100 and "page=2" in first.content.decode()
    assert "stage=open&amp;page=2" in first.content.decode()
    assert (
        len(http.get(reverse("pipeline:board"), {"stage": "open", "page": 2}).context["page"].object_list)
        == 1
    )
