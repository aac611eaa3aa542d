"""Saved pre-check runs (Vorprüfung): pre-filled facts, service, pages, PDF, stored results."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kim.core.models import AuditEvent
from kim.residence import services
from kim.residence.models import PrecheckRun, ResidenceStatus, StatusKind
from kim.residence.precheck import ENGINE_VERSION
from kim.residence.precheck_facts import facts_from_client, prefill_from_client

D = dt.date
ON = D(2026, 11, 24)
FACTS = {"person": {"birth_date": "1990-03-14"}, "entry_date": "2015-09-01"}


def status(client, member, kind, start, end=None, **extra):
    return ResidenceStatus.objects.create(
        client=client, kind=kind, valid_from=start, valid_to=end, recorded_by=member.user, **extra
    )


def post(http, client, facts_text, decision_date="2026-11-24"):
    """A submission of the expert JSON mode (the guided form is tested in test_precheck_guided.py)."""
    return http.post(
        reverse("clients:precheck_form", kwargs={"pk": client.pk}),
        {"decision_date": decision_date, "facts": facts_text, "mode": "json"},
    )


# Pre-filled facts --------------------------------------------------------------------------------------------


def test_prefill_takes_only_what_the_platform_knows(person, owner):
    person.birth_month, person.birth_day, person.arrival_germany = 3, 14, D(2015, 9, 1)
    person.save()
    status(person, owner, StatusKind.ASYLUM_PROCEDURE, D(2015, 9, 10), D(2018, 1, 31))
    status(person, owner, StatusKind.DULDUNG, D(2018, 1, 31), D(2020, 5, 31))
    status(person, owner, StatusKind.AUFENTHALTSERLAUBNIS, D(2020, 6, 1), legal_basis="§ 25b AufenthG")
    status(person, owner, StatusKind.FIKTION, D(2026, 1, 1), D(2026, 6, 30))
    status(person, owner, StatusKind.VISA, D(2015, 8, 1), D(2015, 9, 1))

    facts, notes = prefill_from_client(person, ON)

    assert facts["person"] == {"evaluation_date": "2026-11-24", "birth_date": "1988-03-14"}
    assert facts["entry_date"] == "2015-09-01"
    assert facts["status_history"] == [
        {"status": "gestattung", "from": "2015-09-10", "to": "2018-01-31"},
        {"status": "duldung_60a", "from": "2018-01-31", "to": "2020-05-31"},
        {"status": "aufenthaltserlaubnis", "from": "2020-06-01", "to": None, "title_basis": "§ 25b AufenthG"},
    ]
    assert len(notes) == 2  # the visa and the overlapping Fiktionsbescheinigung
    assert set(facts) == {"person", "entry_date", "status_history"}
    # the engine accepts the pre-filled facts as they are
    from kim.residence.precheck import evaluate

    assert evaluate(facts)["evaluation_date"] == "2026-11-24"


def test_partial_birth_date_stays_out(person):
    person.birth_month = 3
    person.save()
    facts = facts_from_client(person, ON)
    assert facts == {"person": {"evaluation_date": "2026-11-24"}}


# Service -------------------------------------------------------------------------------------------------------


def test_run_is_saved_with_input_result_and_version_and_audited(person, owner, actor_for):
    run = services.precheck_run(actor=actor_for(owner), client=person, facts=FACTS, on=ON)
    run.refresh_from_db()
    assert run.facts == FACTS and run.engine_version == ENGINE_VERSION and run.decision_date == ON
    assert run.created_by == owner.user and run.options == {}
    assert run.result["evaluation_date"] == "2026-11-24"
    assert {item["route"] for item in run.result["results"]} >= {"AUFENTHG_25B", "STAG_10"}
    event = AuditEvent.objects.get(action="residence.precheck.run")
    assert event.object_id == str(person.pk) and event.details["run_id"] == run.pk
    assert "1990-03-14" not in json.dumps(event.details) and "facts" not in event.details


def test_saved_run_cannot_be_changed(person, owner, actor_for):
    run = services.precheck_run(actor=actor_for(owner), client=person, facts=FACTS, on=ON)
    run.engine_version = "0"
    with pytest.raises(ValidationError):
        run.save()


def test_fact_error_becomes_a_validation_error_naming_the_field(person, owner, actor_for):
    with pytest.raises(ValidationError) as error:
        services.precheck_run(actor=actor_for(owner), client=person, facts={"person": {"birth_date": "1990-02-30"}}, on=ON)
    assert "person.birth_date" in error.value.message_dict["facts"][0]
    assert not PrecheckRun.objects.exists() and not AuditEvent.objects.filter(action="residence.precheck.run").exists()


def test_only_editors_in_scope_may_run(person, colleague, stranger, actor_for):
    for member in (colleague, stranger):
        with pytest.raises(PermissionDenied):
            services.precheck_run(actor=actor_for(member), client=person, facts=FACTS, on=ON)
    assert not PrecheckRun.objects.exists()


# Pages ---------------------------------------------------------------------------------------------------------


def test_form_shows_prefilled_facts_and_post_saves_and_redirects(person, owner, client_for):
    person.arrival_germany = D(2015, 9, 1)
    person.save()
    http = client_for(owner)
    page = http.get(reverse("clients:precheck_form", kwargs={"pk": person.pk}) + "?mode=json")
    assert page.status_code == 200
    prefilled = json.loads(page.context["form"].initial["facts"])
    assert prefilled["entry_date"] == "2015-09-01"

    response = post(http, person, json.dumps(FACTS))
    run = PrecheckRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("clients:precheck_detail", kwargs={"run_pk": run.pk})
    assert run.decision_date == ON and run.facts == FACTS

    detail = http.get(response["Location"])
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "§ 25b AufenthG" in html and ENGINE_VERSION in html
    assert "Possible – open conditions" in html  # outcome label
    assert "Missing facts" in html and "met" in html
    client_page = http.get(reverse("clients:client_detail", kwargs={"pk": person.pk})).content.decode()
    assert reverse("clients:precheck_form", kwargs={"pk": person.pk}) in client_page
    assert reverse("clients:precheck_detail", kwargs={"run_pk": run.pk}) in client_page


@pytest.mark.parametrize("text", ["{not json", "[1, 2]"])
def test_bad_json_keeps_the_input_and_saves_nothing(person, owner, client_for, text):
    response = post(client_for(owner), person, text)
    assert response.status_code == 200
    assert response.context["form"].errors["facts"]
    assert text.replace('"', "&quot;") in response.content.decode() or text in response.content.decode()
    assert not PrecheckRun.objects.exists()


def test_fact_error_keeps_the_input_and_saves_nothing(person, owner, client_for):
    text = json.dumps({"person": {"birth_date": "1990-02-30"}})
    response = post(client_for(owner), person, text)
    assert response.status_code == 200
    assert "person.birth_date" in response.context["form"].errors["facts"][0]
    assert response.context["form"]["facts"].value() == text
    assert not PrecheckRun.objects.exists()


def test_colleague_and_stranger_get_404(person, owner, colleague, stranger, actor_for, client_for):
    run = services.precheck_run(actor=actor_for(owner), client=person, facts=FACTS, on=ON)
    urls = [
        reverse("clients:precheck_form", kwargs={"pk": person.pk}),
        reverse("clients:precheck_detail", kwargs={"run_pk": run.pk}),
        reverse("clients:precheck_pdf", kwargs={"run_pk": run.pk}),
    ]
    for member in (colleague, stranger):
        http = client_for(member)
        for url in urls:
            assert http.get(url).status_code == 404, (member, url)
        assert post(http, person, json.dumps(FACTS)).status_code == 404
    assert PrecheckRun.objects.count() == 1


def test_pdf_summary_carries_the_notice(person, owner, actor_for, client_for):
    from pypdf import PdfReader

    run = services.precheck_run(actor=actor_for(owner), client=person, facts=FACTS, on=ON)
    response = client_for(owner).get(reverse("clients:precheck_pdf", kwargs={"run_pk": run.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "keine Rechtsberatung" in " ".join(text.split())


def test_saved_run_renders_its_stored_result_after_the_rules_change(person, owner, actor_for, client_for, monkeypatch):
    run = services.precheck_run(actor=actor_for(owner), client=person, facts=FACTS, on=ON)
    stored = json.loads(json.dumps(run.result))
    first = stored["results"][0]["criteria"][0]["text_en"]  # the English UI shows the stored English text

    import kim.residence.precheck as precheck
    import kim.residence.precheck.engine as engine

    def changed(*args, **kwargs):
        raise AssertionError("a saved run must not be evaluated again")

    monkeypatch.setattr(precheck, "evaluate", changed)
    monkeypatch.setattr(engine, "evaluate", changed)
    monkeypatch.setattr(engine, "ENGINE_VERSION", "2099.01.1")

    http = client_for(owner)
    page = http.get(reverse("clients:precheck_detail", kwargs={"run_pk": run.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    assert ENGINE_VERSION in html and "2099.01.1" not in html
    from django.utils.html import escape

    assert escape(first) in html
    assert AuditEvent.objects.filter(action="residence.precheck.view", details__run_id=run.pk).exists()
    assert http.get(reverse("clients:precheck_pdf", kwargs={"run_pk": run.pk})).status_code == 200
    run.refresh_from_db()
    assert run.result == stored
