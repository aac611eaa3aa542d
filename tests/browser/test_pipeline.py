"""The residence pipeline in a real browser: authority staff open the pipeline, see the alerts, move a candidate
to the next stage and open the statistics – in German and in Arabic (right to left), axe-core on every page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kim.accounts.models import Role
from kim.residence.models import Candidate, CandidateStageChange
from tests.residence.test_pipeline_support import make_candidate, status


def url_of(path: str):
    return re.compile(r"^https?://[^/]+" + re.escape(path) + r"([?#].*)?$")


@pytest.fixture
def world(make_staff, authority):
    from tests.clients.factories import ClientFactory

    staff, _secret = make_staff(Role.AUTHORITY_STAFF, totp=False, first_name="Claudia", last_name="Neumann")
    today = timezone.localdate()
    person = ClientFactory(
        organisation=authority,
        given_names="Aylin",
        family_name="Demir",
        birth_year=today.year - 27,
        birth_month=((today.month + 3) % 12) or 12,
        birth_day=1,
        created_by=staff.user,
    )
    candidate = make_candidate(person, authority, staff.user, route="AUFENTHG_25B", responsible=staff.user)
    status(person, staff.user, "duldung_60a", today - dt.timedelta(days=100), today + dt.timedelta(days=20))
    return staff, candidate


@pytest.mark.parametrize("language", ["de", "ar"])
def test_authority_staff_work_the_pipeline(page, live_server, log_in_as, assert_accessible, world, language):
    staff, candidate = world
    page.context.add_cookies([{"name": "kim_language", "value": language, "url": live_server.url}])
    log_in_as(page, staff.user)

    page.goto("/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("nav.main-nav a[href='/bleiberecht/']").click()
    expect(page).to_have_url(url_of("/bleiberecht/"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert_accessible(page)
    row = page.locator("tbody tr", has=page.locator(f"a[href='/bleiberecht/{candidate.pk}/']"))
    expect(row).to_have_class(re.compile(r"row--warning"))  # the Duldung runs out in 20 days

    with page.expect_navigation():
        row.locator(f"a[href='/bleiberecht/{candidate.pk}/']").click()
    expect(page).to_have_url(url_of(f"/bleiberecht/{candidate.pk}/"))
    assert_accessible(page)
    form = page.locator(f"form[action='/bleiberecht/{candidate.pk}/stufe/']")
    form.locator("select[name=to_stage]").select_option("counselled")
    form.locator("textarea[name=note]").fill("Perspektivberatung mit Dolmetscherin")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page).to_have_url(url_of(f"/bleiberecht/{candidate.pk}/"))
    assert_accessible(page)
    expect(page.locator(".page-head .status")).to_have_class(re.compile(r"pipeline-stage--counselled"))
    candidate.refresh_from_db()
    assert candidate.stage == "counselled"
    assert (
        CandidateStageChange.objects.filter(candidate=candidate, to_stage="counselled")
        .get()
        .note.startswith("Perspektivberatung")
    )

    with page.expect_navigation():
        page.locator("a[href='/bleiberecht/']").first.click()
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("a[href='/bleiberecht/statistik/']").click()
    expect(page).to_have_url(url_of("/bleiberecht/statistik/"))
    assert_accessible(page)
    expect(page.locator("main table").first).to_be_visible()
    assert Candidate.objects.count() == 1
