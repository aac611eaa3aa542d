"""The Vorprüfung in a real browser: a case manager opens a client's pre-check, answers the guided questions
(including "add another" without JavaScript involvement on the server side), sees the results per route, and
reads the result in German, English and Arabic. axe-core runs after every navigation.

Screenshots of the form and the result in the three languages are written to ``var/screenshots/precheck``
(or ``$KIM_SCREENSHOTS``) for a human to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kim.accounts.models import Role
from kim.residence.models import PrecheckRun, ResidenceStatus, StatusKind
from tests.clients.factories import ClientFactory, make_case

SHOTS = Path(
    os.environ.get(
        "KIM_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots" / "precheck"
    )
)


@pytest.fixture
def setup(make_staff, welfare):
    manager, _secret = make_staff(
        Role.CASE_MANAGER, totp=False, organisation=welfare, first_name="Clara", last_name="Fallmanagerin"
    )
    person = ClientFactory(
        organisation=welfare,
        given_names="Samir",
        family_name="Haddad",
        birth_year=1990,
        birth_month=5,
        birth_day=17,
        arrival_germany=dt.date(2016, 2, 20),
        created_by=manager.user,
    )
    make_case(person, manager.user, number="T-2026-0077")
    ResidenceStatus.objects.create(
        client=person,
        kind=StatusKind.ASYLUM_PROCEDURE,
        valid_from=dt.date(2016, 3, 1),
        valid_to=dt.date(2018, 6, 30),
        recorded_by=manager.user,
    )
    ResidenceStatus.objects.create(
        client=person, kind=StatusKind.DULDUNG, valid_from=dt.date(2018, 7, 1), recorded_by=manager.user
    )
    return manager, person


def answer(page, name: str, value: str) -> None:
    """Choose ``value`` ("yes", "no" or "" for unknown) of the yes/no/unknown question ``name``."""
    page.locator(f"input[type=radio][name='{name}'][value='{value}']").check()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_case_manager_runs_the_guided_precheck(
    page, make_page, live_server, log_in_as, assert_accessible, setup
):
    manager, person = setup
    log_in_as(page, manager.user)
    page.goto(f"{live_server.url}/klienten/{person.pk}/")
    assert_accessible(page)
    page.locator(f"a[href='/klienten/{person.pk}/vorpruefung/']").first.click()
    page.wait_for_url(re.compile(rf"/klienten/{person.pk}/vorpruefung/$"))
    assert_accessible(page)
    # what the record knows is filled in and marked as such
    expect(page.locator("input[name=person__birth_date]")).to_have_value("1990-05-17")
    expect(page.locator("select[name=status-1-status]")).to_have_value("duldung_60a")
    expect(page.locator("input[type=radio][name=identity__clarified][value='']")).to_be_checked()

    answer(page, "identity__clarified", "yes")
    answer(page, "identity__passport_valid", "no")
    page.locator("select[name=language__oral]").select_option("A2")
    answer(page, "fdgo_commitment_signed", "yes")
    answer(page, "knowledge_test__leben_in_deutschland_passed", "yes")
    page.locator("input[name=livelihood__share_of_need_covered_by_employment_pct]").fill("65")
    answer(page, "convictions", "no")
    answer(page, "deception__own_false_statements_or_identity_deception", "no")
    answer(page, "deception__non_cooperation_only", "no")
    answer(page, "person__children", "yes")
    page.locator("input[name=children-0-birth_date]").fill("2015-04-01")
    answer(page, "children-0-school_age", "yes")
    answer(page, "children-0-school_attendance_proven", "yes")
    # one more child row: a plain submit button, the server adds the row and keeps every answer
    with page.expect_navigation():
        page.locator("button[name=add-children]").click()
    assert_accessible(page)
    expect(page.locator("input[name=children-0-birth_date]")).to_have_value("2015-04-01")
    expect(page.locator("select[name=language__oral]")).to_have_value("A2")
    expect(page.locator("input[name=children-1-birth_date]")).to_have_value("")
    page.locator("input[name=children-1-birth_date]").fill("2021-09-30")
    answer(page, "children-1-unmarried", "yes")
    answer(page, "children-1-lives_in_household", "yes")
    answer(page, "children-1-school_age", "no")
    shot(page, "form-de")

    with page.expect_navigation():
        page.locator("main form button[name=run]:not([hidden])").click()
    page.wait_for_url(re.compile(r"/vorpruefungen/\d+/$"))
    assert_accessible(page)
    run = PrecheckRun.objects.get()
    assert run.facts["person"]["children"][1] == {
        "birth_date": "2021-09-30",
        "unmarried": True,
        "lives_in_household": True,
        "school_age": False,
    }
    assert run.facts["identity"] == {"clarified": True, "passport_valid": False}
    expect(page.locator("h2", has_text="§ 25b AufenthG")).to_be_visible()
    assert "Die Person ist am" in page.locator("main").inner_text()
    shot(page, "result-de")

    # the same result and the form in English and Arabic
    for locale, lang in (("en-GB", "en"), ("ar", "ar")):
        other = make_page(locale=locale)
        log_in_as(other, manager.user)
        other.goto(f"{live_server.url}/vorpruefungen/{run.pk}/")
        assert_accessible(other)
        text = other.locator("main").inner_text()
        if lang == "en":
            assert "The person holds a Duldung" in text and "Die Person ist am" not in text
        else:
            assert other.locator("html").get_attribute("dir") == "rtl"
            assert "Die Person ist am" in text
        shot(other, f"result-{lang}")
        other.goto(f"{live_server.url}/klienten/{person.pk}/vorpruefung/")
        assert_accessible(other)
        expect(other.locator("input[type=radio][name=identity__clarified][value=yes]")).to_be_checked()
        shot(other, f"form-{lang}")


def test_bad_input_is_shown_at_the_field_and_kept(page, live_server, log_in_as, assert_accessible, setup):
    manager, person = setup
    log_in_as(page, manager.user)
    page.goto(f"{live_server.url}/klienten/{person.pk}/vorpruefung/")
    assert_accessible(page)
    page.locator("input[name=person__birth_date]").fill("2030-01-01")
    page.locator("input[name=status-0-to]").fill("2015-01-01")  # before its start (2016-03-01)
    with page.expect_navigation():
        page.locator("main form button[name=run]:not([hidden])").click()
    assert_accessible(page)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("input[name=person__birth_date]")).to_have_value("2030-01-01")
    assert page.locator(".field--error input[name=status-0-to]").count() == 1
    shot(page, "errors-de")
    assert not PrecheckRun.objects.exists()
