"""The residence screening in a real browser: a case manager opens "Bleiberechts-Screening" from the navigation,
sees their consented client listed under the route with the missing facts, filters, and follows the link to the
client's Vorprüfung – in German and in Arabic (right to left), axe-core on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kim.accounts.models import Role
from tests.residence.test_screening import refugee


@pytest.mark.parametrize("language", ["de", "ar"])
def test_case_manager_screens_their_cases(
    page, live_server, make_staff, log_in_as, assert_accessible, welfare, language
):
    manager, _secret = make_staff(Role.CASE_MANAGER, organisation=welfare, totp=False)
    case = refugee(welfare, manager, number="SCR-0001")
    refugee(welfare, manager, number="SCR-0002", consent=False)
    page.context.add_cookies([{"name": "kim_language", "value": language, "url": live_server.url}])
    log_in_as(page, manager.user)

    page.goto("/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("nav.main-nav a[href='/bleiberechts-screening/']").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert_accessible(page)
    main = page.locator("main")
    expect(main).to_contain_text("SCR-0001")
    expect(main).not_to_contain_text("SCR-0002")  # no valid consent: not screened, only counted

    with page.expect_navigation():
        main.locator(f"a[href*='/klienten/{case.client.pk}/vorpruefung/']").first.click()
    expect(page).to_have_url(re.compile(rf"/klienten/{case.client.pk}/vorpruefung/"))
    assert_accessible(page)
