"""The guided Vorprüfung form: grouped questions, "unknown" as a real answer, repeatable rows, facts filled in
from the record (and overridable), the engine's input errors at the right field, and the saved run."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from kim.core.models import AuditEvent
from kim.residence import services
from kim.residence.models import PrecheckRun, ResidenceStatus, StatusKind
from kim.residence.precheck_facts import GROUPS, OPTION_QUESTIONS, ROW_GROUPS

D = dt.date
ON = "2026-11-24"
ROW_KEYS = [group.key for group in ROW_GROUPS]


def url(client):
    return reverse("clients:precheck_form", kwargs={"pk": client.pk})


def answers(**values):
    """A POST of the guided form: empty row groups, the decision date, and ``values`` (field name → value)."""
    data = {"decision_date": ON}
    for key in ROW_KEYS:
        data[f"{key}-TOTAL_FORMS"] = "1"
        data[f"{key}-INITIAL_FORMS"] = "0"
    data.update(values)
    return data


def rows(data, key, items):
    data[f"{key}-TOTAL_FORMS"] = str(len(items) + 1)
    for i, item in enumerate(items):
        for name, value in item.items():
            data[f"{key}-{i}-{name}"] = value
    return data


def formset_in(sections, key):
    """The formset of the row group ``key`` among the page's sections."""
    return next(content for kind, group, content, _known in sections if kind == "rows" and group.key == key)


def rows_of(response, key):
    return formset_in(response.context["sections"], key)


def saved_facts():
    return PrecheckRun.objects.get().facts


# The questionnaire ------------------------------------------------------------------------------------------


def test_every_fact_of_the_fact_model_is_asked():
    """Every top-level field and every nested field of the engine's fact model has a question (or is a row)."""
    import dataclasses

    from kim.residence.precheck import facts as model

    asked = {q.path for g in GROUPS for q in g.questions} | {g.path for g in ROW_GROUPS}
    asked |= {"person.evaluation_date", "options"}  # the decision date field and the expert settings
    simple = {
        "person": model.Person,
        "asylum": model.Asylum,
        "identity": model.Identity,
        "deception": model.Deception,
        "language": model.Language,
        "knowledge_test": model.KnowledgeTest,
        "education": model.Education,
        "employment": model.Employment,
        "livelihood": model.Livelihood,
        "ausweisungsinteresse": model.Ausweisungsinteresse,
        "training": model.Training,
        "person.marital": model.Marital,
    }
    missing = []
    for field in dataclasses.fields(model.Facts):
        if field.name in simple:
            for sub in dataclasses.fields(simple[field.name]):
                path = f"{field.name}.{sub.name}"
                if path in simple:
                    missing += [
                        f"{path}.{s.name}"
                        for s in dataclasses.fields(simple[path])
                        if f"{path}.{s.name}" not in asked and s.name != "spouse_id"
                    ]
                elif path not in asked:
                    missing.append(path)
        elif field.name not in asked:
            missing.append(field.name)
    assert missing == []
    from kim.residence.precheck.options import Options

    assert {q.path for q in OPTION_QUESTIONS} == {f"options.{f.name}" for f in dataclasses.fields(Options)}


def test_form_shows_grouped_questions_with_unknown_and_record_values(person, owner, client_for):
    person.birth_month, person.birth_day, person.arrival_germany = 5, 17, D(2016, 2, 20)
    person.save()
    ResidenceStatus.objects.create(
        client=person, kind=StatusKind.DULDUNG, valid_from=D(2018, 7, 1), recorded_by=owner.user
    )
    page = client_for(owner).get(url(person))
    assert page.status_code == 200
    html = page.content.decode()
    for title in (
        "Person and family",
        "Identity and passport",
        "German language and integration",
        "Employment",
        "Livelihood and household",
        "Convictions and security",
        "Children",
        "Residence statuses",
        "Convictions of the person",
        "Expert settings",
    ):
        assert title in html, title
    form = page.context["form"]
    assert form["person__birth_date"].value() == "1988-05-17"
    assert "Filled in from: the client record." in html
    # "unknown" is a real, preselected answer of every yes/no question
    assert form["identity__clarified"].value() is None
    assert re.search(r'name="identity__clarified" value=""[^>]*checked', html)
    statuses = page.context["sections"]
    status_formset = formset_in(statuses, "status")
    assert status_formset.forms[0]["status"].value() == "duldung_60a"
    assert status_formset.forms[0]["from"].value() == "2018-07-01"
    assert AuditEvent.objects.filter(action="residence.precheck.view", object_id=str(person.pk)).exists()


# Answers become facts -------------------------------------------------------------------------------------


def test_unknown_is_left_out_and_no_is_false(person, owner, client_for):
    data = answers(
        identity__clarified="no",
        identity__passport_valid="",
        language__oral="A2",
        livelihood__receives_wohngeld="yes",
        employment__hours_per_week="19.5",
        pension_contribution_months="12",
    )
    response = client_for(owner).post(url(person), data)
    assert response.status_code == 302
    facts = saved_facts()
    assert facts["identity"] == {"clarified": False}  # passport "unknown" is not in the facts at all
    assert facts["language"] == {"oral": "A2"}
    assert facts["livelihood"] == {"receives_wohngeld": True}
    assert facts["employment"] == {"hours_per_week": 19.5}
    assert facts["pension_contribution_months"] == 12
    assert "convictions" not in facts and "deception" not in facts
    assert facts["person"]["evaluation_date"] == ON


@pytest.mark.parametrize(("answer", "expected"), [("no", []), ("", None)])
def test_a_list_without_rows_is_empty_for_no_and_missing_for_unknown(
    person, owner, client_for, answer, expected
):
    client_for(owner).post(url(person), answers(convictions=answer, **{"person__children": answer}))
    facts = saved_facts()
    assert facts.get("convictions") == expected
    assert facts["person"].get("children") == expected
    run = PrecheckRun.objects.get()
    routes = {r["route"]: r for r in run.result["results"]}
    if expected is None:
        assert (
            "convictions" in routes["AUFENTHG_25B"]["missing_facts"]
            or routes["AUFENTHG_25B"]["outcome"] == "NOT_APPLICABLE"
        )


def test_repeatable_rows_give_lists_with_the_statute_specific_fields(person, owner, client_for):
    data = answers(convictions="yes", spouse_convictions="no", stays_abroad="yes")
    rows(
        data,
        "convictions",
        [
            {
                "date": "2020-03-01",
                "court_country": "DE",
                "sanction_type": "geldstrafe",
                "tagessaetze": "30",
                "intentional": "yes",
                "auslaenderspezifisch": "no",
                "tilgungsreif": "no",
            },
            {
                "date": "2022-06-01",
                "court_country": "DE",
                "sanction_type": "freiheitsstrafe",
                "months": "4",
                "suspended": "yes",
                "remitted_after_probation": "",
                "gesamtstrafe_group": "g1",
            },
        ],
    )
    rows(data, "abroad", [{"from": "2023-01-01", "to": "2023-03-01"}])
    rows(
        data,
        "status",
        [
            {"status": "gestattung", "from": "2016-03-01", "to": "2018-06-30"},
            {"status": "duldung_60a", "from": "2018-07-01"},
        ],
    )
    rows(data, "children", [{"birth_date": "2015-04-01", "unmarried": "yes", "school_age": "yes"}])
    rows(data, "family", [{"route": "AUFENTHG_25B", "relation": "spouse", "beneficiary_qualifies": "yes"}])
    rows(data, "applications", [{"route": "AUFENTHG_25A", "date": "2026-01-15"}])
    response = client_for(owner).post(url(person), data)
    assert response.status_code == 302, response.context and response.context["error_summary"]
    facts = saved_facts()
    assert facts["convictions"] == [
        {
            "date": "2020-03-01",
            "court_country": "DE",
            "sanction_type": "geldstrafe",
            "tagessaetze": 30,
            "intentional": True,
            "auslaenderspezifisch": False,
            "tilgungsreif": False,
        },
        {
            "date": "2022-06-01",
            "court_country": "DE",
            "sanction_type": "freiheitsstrafe",
            "months": 4,
            "suspended": True,
            "gesamtstrafe_group": "g1",
        },
    ]
    assert facts["spouse_convictions"] == []
    assert facts["stays_abroad"] == [{"from": "2023-01-01", "to": "2023-03-01"}]
    assert facts["status_history"] == [
        {"status": "gestattung", "from": "2016-03-01", "to": "2018-06-30"},
        {"status": "duldung_60a", "from": "2018-07-01"},
    ]
    assert facts["person"]["children"] == [
        {"birth_date": "2015-04-01", "unmarried": True, "school_age": True}
    ]
    assert facts["family_links"] == [
        {"route": "AUFENTHG_25B", "relation": "spouse", "beneficiary_qualifies": True}
    ]
    assert facts["person"]["application_dates"] == {"AUFENTHG_25A": "2026-01-15"}


def test_add_another_row_works_without_javascript_and_saves_nothing(person, owner, client_for):
    data = answers(convictions="yes", **{"add-convictions": "1", "person__birth_date": "1990-01-01"})
    rows(data, "convictions", [{"date": "2020-03-01", "sanction_type": "geldstrafe"}])
    response = client_for(owner).post(url(person), data)
    assert response.status_code == 200
    formset = rows_of(response, "convictions")
    assert len(formset.forms) == 3  # the filled row, the blank row, and the one just added
    assert formset.forms[0]["sanction_type"].value() == "geldstrafe"  # input kept
    assert response.context["form"]["person__birth_date"].value() == "1990-01-01"
    assert not PrecheckRun.objects.exists()


def test_removed_and_blank_rows_are_left_out(person, owner, client_for):
    data = answers(convictions="yes")
    rows(
        data,
        "convictions",
        [
            {"date": "2020-03-01", "sanction_type": "geldstrafe", "DELETE": "on"},
            {"date": "2021-03-01", "sanction_type": "geldstrafe", "tagessaetze": "10"},
        ],
    )
    assert client_for(owner).post(url(person), data).status_code == 302
    assert saved_facts()["convictions"] == [
        {"date": "2021-03-01", "sanction_type": "geldstrafe", "tagessaetze": 10}
    ]


def test_record_values_can_be_overridden(person, owner, client_for):
    person.birth_month, person.birth_day = 5, 17
    person.save()
    data = answers(person__birth_date="1988-06-01")
    assert client_for(owner).post(url(person), data).status_code == 302
    assert saved_facts()["person"]["birth_date"] == "1988-06-01"


def test_answers_of_the_latest_run_are_filled_in_with_their_source(person, owner, actor_for, client_for):
    services.precheck_run(
        actor=actor_for(owner),
        client=person,
        on=D(2026, 11, 1),
        options={"youth_min_age": 15},
        facts={
            "identity": {"clarified": True},
            "convictions": [{"sanction_type": "geldstrafe"}],
            "language": {"oral": "B1"},
        },
    )
    page = client_for(owner).get(url(person))
    form = page.context["form"]
    assert form["identity__clarified"].value() == "yes"
    assert form["language__oral"].value() == "B1"
    assert form["options__youth_min_age"].value() == 15
    assert form["convictions"].value() == "yes"
    formset = rows_of(page, "convictions")
    assert formset.forms[0]["sanction_type"].value() == "geldstrafe" and len(formset.forms) == 2
    assert "Filled in from: the pre-check of" in page.content.decode()


def test_expert_options_go_to_the_run_options(person, owner, client_for):
    data = answers(
        options__count_start_day="yes",
        options__livelihood_mainly_pct="45",
        options__p60b_periods="manual_check",
    )
    assert client_for(owner).post(url(person), data).status_code == 302
    run = PrecheckRun.objects.get()
    assert run.options == {
        "count_start_day": True,
        "livelihood_mainly_pct": 45,
        "p60b_periods": "manual_check",
    }
    assert "options" not in run.facts


# Bad input: the engine's errors at the field, input kept, nothing saved -------------------------------------


def _error_post(client_for, owner, person, data):
    response = client_for(owner).post(url(person), data)
    assert response.status_code == 200
    assert not PrecheckRun.objects.exists()
    return response


def test_overlapping_status_periods_are_reported_at_the_later_row(person, owner, client_for):
    data = answers()
    rows(
        data,
        "status",
        [
            {"status": "duldung_60a", "from": "2018-01-01", "to": "2020-12-31"},
            {"status": "gestattung", "from": "2019-06-01"},
        ],
    )
    response = _error_post(client_for, owner, person, data)
    formset = rows_of(response, "status")
    errors = formset.forms[1].errors["from"]
    assert "overlaps" in errors[0] and "Residence status 1" in errors[0]
    assert formset.forms[0]["to"].value() == "2020-12-31"  # input kept
    summary = " ".join(text for text, _anchor in response.context["error_summary"])
    assert "overlaps" in summary


def test_end_before_start_is_reported_at_the_end(person, owner, client_for):
    data = answers()
    rows(data, "status", [{"status": "duldung_60a", "from": "2020-01-01", "to": "2019-01-01"}])
    response = _error_post(client_for, owner, person, data)
    formset = rows_of(response, "status")
    assert "lies before the start" in formset.forms[0].errors["to"][0]


def test_birth_date_after_the_decision_date_in_german(person, owner, client_for):
    response = client_for(owner).post(
        url(person), answers(person__birth_date="2030-01-01"), HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 200 and not PrecheckRun.objects.exists()
    message = response.context["form"].errors["person__birth_date"][0]
    assert "liegt nach dem Entscheidungsdatum" in message
    assert response.context["form"]["person__birth_date"].value() == "2030-01-01"


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        (
            answers(entry_date="1980-01-01", person__birth_date="1990-01-01"),
            "entry_date",
            "lies before the birth date",
        ),
        (
            answers(livelihood__fully_secured_2_3="yes", livelihood__receives_sgb2_or_sgb12="yes"),
            "livelihood__fully_secured_2_3",
            "benefits",
        ),
        (
            answers(asylum__applied_on="2020-01-01", asylum__outcome_date="2019-01-01"),
            "asylum__outcome_date",
            "lies before the application",
        ),
        (
            answers(identity__clarified="no", identity__clarified_on="2020-01-01"),
            "identity__clarified_on",
            "not clarified",
        ),
        (answers(employment__hours_per_week="200"), "employment__hours_per_week", "168"),
        (answers(decision_date="2026-02-30"), "decision_date", "valid date"),
        (
            answers(
                convictions="no",
                **{"convictions-TOTAL_FORMS": "2", "convictions-0-sanction_type": "geldstrafe"},
            ),
            "convictions",
            "answer “yes”",
        ),
    ],
)
def test_contradictions_are_reported_at_the_field(person, owner, client_for, data, field, text):
    response = _error_post(client_for, owner, person, data)
    assert text in " ".join(response.context["form"].errors[field]), response.context["form"].errors


def test_contradictory_conviction_is_reported_in_its_row(person, owner, client_for):
    data = answers(convictions="yes")
    rows(data, "convictions", [{"sanction_type": "geldstrafe", "months": "3"}])
    response = _error_post(client_for, owner, person, data)
    formset = rows_of(response, "convictions")
    assert "a fine has no months" in formset.forms[0].errors["months"][0]


def test_never_eligible_on_facts_the_engine_cannot_read(person, owner, client_for):
    """A status row without a start cannot be read: error, no run – nothing is evaluated on half the facts."""
    data = answers()
    rows(data, "status", [{"status": "duldung_60a"}])
    response = _error_post(client_for, owner, person, data)
    formset = rows_of(response, "status")
    assert formset.forms[0].errors["from"]


def test_other_organisation_gets_404_and_nothing_is_saved(person, stranger, colleague, client_for):
    for member in (stranger, colleague):
        assert client_for(member).post(url(person), answers()).status_code == 404
        assert client_for(member).get(url(person)).status_code == 404
    assert not PrecheckRun.objects.exists()


# The saved run and its English texts ------------------------------------------------------------------------


def _run(client_for, owner, person):
    data = answers(
        person__birth_date="1990-05-17",
        entry_date="2016-02-20",
        convictions="no",
        identity__clarified="yes",
        identity__passport_valid="yes",
        language__oral="A2",
    )
    rows(data, "status", [{"status": "duldung_60a", "from": "2016-03-01"}])
    response = client_for(owner).post(url(person), data)
    assert response.status_code == 302
    return PrecheckRun.objects.get(), response["Location"]


def test_run_is_saved_with_german_and_english_texts_and_reopens_unchanged(person, owner, client_for):
    run, location = _run(client_for, owner, person)
    assert run.decision_date == D(2026, 11, 24) and run.engine_version
    criteria = [c for r in run.result["results"] for c in r["criteria"]]
    assert all(c["text"] and c["text_en"] and c["text"] != c["text_en"] for c in criteria)
    event = AuditEvent.objects.get(action="residence.precheck.run")
    assert "1990-05-17" not in str(event.details)
    html = client_for(owner).get(location).content.decode()
    for c in criteria:
        assert escape(c["text_en"]) in html  # English UI
        assert escape(c["text"]) not in html
    routes = {r["route"]: r for r in run.result["results"]}
    assert "Written German (level)" in html or not any(
        "language.written" in r["missing_facts"] for r in routes.values()
    )


def test_detail_is_german_in_the_german_ui_and_german_with_a_note_in_arabic(person, owner, client_for):
    run, location = _run(client_for, owner, person)
    first = run.result["results"][2]["criteria"][0]
    http = client_for(owner)
    html = http.get(location, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert escape(first["text"]) in html and escape(first["text_en"]) not in html
    html = http.get(location, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in html
    assert escape(first["text"]) in html and 'lang="de"' in html
    assert "they are shown in German" in html or "الألمانية" in html


def test_old_runs_with_german_text_only_still_display(person, owner, actor_for, client_for):
    run = services.precheck_run(actor=actor_for(owner), client=person, facts={}, on=D(2026, 11, 24))
    old = {
        **run.result,
        "results": [
            {**r, "criteria": [{k: v for k, v in c.items() if k != "text_en"} for c in r["criteria"]]}
            for r in run.result["results"]
        ],
    }
    PrecheckRun.objects.filter(pk=run.pk).update(result=old)
    page = client_for(owner).get(reverse("clients:precheck_detail", kwargs={"run_pk": run.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "saved before English texts existed" in html
    assert escape(old["results"][0]["criteria"][0]["text"]) in html


def test_english_page_has_no_german_criterion_text_for_varied_facts(person, owner, actor_for, client_for):
    """Walk all routes with varied facts: no German-only text reaches the English detail page."""
    import random

    from kim.residence.precheck import FactError
    from kim.residence.precheck.synthetic import varied

    http = client_for(owner)
    checked = 0
    for seed in range(40):
        facts = varied(random.Random(seed))
        try:
            run = services.precheck_run(
                actor=actor_for(owner),
                client=person,
                facts=facts,
                on=D.fromisoformat(facts["person"]["evaluation_date"]),
            )
        except Exception as error:  # noqa: BLE001 - contradictory samples are refused, as they should be
            assert isinstance(error.__cause__, FactError) or "Fact" in str(error)
            continue
        html = http.get(reverse("clients:precheck_detail", kwargs={"run_pk": run.pk})).content.decode()
        for result in run.result["results"]:
            for criterion in result["criteria"]:
                assert escape(criterion["text"]) not in html, criterion["text"]
                checked += 1
    assert checked > 1000
