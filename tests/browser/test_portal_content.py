"""The public portal's content pages in a real browser: axe-core clean on every page in German, Arabic and
Einfache Sprache at 360 px and 1280 px; no horizontal scrolling on phones; the language chooser, the FAQ
search in Arabic, the staff login link; the back office pages of the coordination.

Screenshots: set KIM_SCREENSHOTS=/some/dir to keep a full-page PNG of every page visited.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kim.accounts.models import Role
from tests.portal.conftest import central_contact_point

LANGUAGES = ["de", "ar", "einfach"]
WIDTHS = [360, 1280]
PAGE_SLUGS = ["was-ist-kim", "bausteine", "traeger", "zielgruppe", "zustaendigkeiten", "kooperation"]
SCREENSHOTS = os.environ.get("KIM_SCREENSHOTS")


def public_paths(language: str) -> list[str]:
    paths = [f"/{language}/", f"/{language}/kim/"]
    paths += [f"/{language}/kim/{slug}/" for slug in PAGE_SLUGS]
    paths += [
        f"/{language}/fragen/",
        f"/{language}/fragen/?thema=aufenthalt",
        f"/{language}/aktuelles/",
        f"/{language}/aktuelles/2025/",
        f"/{language}/aktuelles/2023/kooperationsvereinbarung-unterzeichnet/",
        f"/{language}/aktuelles/2026/internetseite-elf-sprachen/",
        f"/{language}/downloads/",
    ]
    return paths


@pytest.fixture
def portal(transactional_db, city):
    from kim.portal.demo import seed_portal_content

    central_contact_point(city)
    seed_portal_content()


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{safe}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_page_is_accessible(portal, make_page, assert_accessible, language, width):
    page = make_page(width=width, height=900)
    direction = "rtl" if language == "ar" else "ltr"
    for path in public_paths(language):
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("dir", direction)
        expect(page.locator("main h1")).to_have_count(1)
        if width == 360:
            scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
            assert scroll_width <= 360, f"{path} is {scroll_width} px wide at 360 px"
        assert_accessible(page)
        _shot(page, f"{language}-{width}-{path}")


def test_language_chooser_keeps_the_page(portal, page, assert_accessible):
    page.goto("/de/kim/bausteine/")
    assert_accessible(page)
    page.locator(".lang-chooser summary").click()
    assert_accessible(page)  # the open chooser too
    with page.expect_navigation():
        page.locator(".lang-chooser__list a[lang=ar]").click()
    expect(page).to_have_url(re.compile(r"/ar/kim/bausteine/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("main h1")).to_have_text("ماذا يفعل KIM: ثلاثة محاور")
    assert_accessible(page)


def test_arabic_faq_search(portal, make_page, assert_accessible):
    page = make_page(width=360, height=800)
    page.goto("/ar/fragen/")
    assert_accessible(page)
    page.locator("#faq-q").fill("الاقامة بفرصة")  # typed without hamza
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").click()
    questions = page.locator("details.portal-faq[open] .portal-faq__question")
    expect(questions.first).to_contain_text("حق الإقامة بفرصة")
    assert_accessible(page)
    _shot(page, "ar-360-faq-search")


def test_fallback_page_shows_the_note_and_german_text(portal, page, assert_accessible):
    page.goto("/ru/kim/bausteine/")
    expect(page.locator(".portal-note")).to_be_visible()
    expect(page.locator("article.portal-article")).to_have_attribute("lang", "de")
    assert_accessible(page)


def test_visitors_start_at_the_portal_and_staff_find_the_login(portal, make_page, assert_accessible):
    page = make_page(locale="uk-UA")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/uk/$"))
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("footer a[href='/accounts/login/']").click()
    expect(page.locator("main input[name=login]")).to_be_visible()
    assert_accessible(page)


def test_back_office_pages(portal, page, make_staff, log_in_as, assert_accessible):
    from kim.portal.models import Page

    member, _secret = make_staff(Role.COORDINATOR, totp=False)
    log_in_as(page, member.user)
    outdated = Page.objects.get(slug="zustaendigkeiten")
    for path in (
        "/verwaltung/portal/",
        "/verwaltung/portal/?status=outdated&sprache=tr",
        f"/verwaltung/portal/seiten/{outdated.pk}/",
        f"/verwaltung/portal/seiten/{outdated.pk}/de/",
        f"/verwaltung/portal/seiten/{outdated.pk}/tr/",
        f"/verwaltung/portal/seiten/{outdated.pk}/ar/vorschau/",
        "/verwaltung/portal/fragen-themen/",
        "/verwaltung/portal/meldungen/neu/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)
        _shot(page, f"editor-{path}")
    page.goto(f"/verwaltung/portal/seiten/{outdated.pk}/tr/")
    expect(page.locator(".portal-diff ins").first).to_be_visible()  # what changed in German
    assert_accessible(page)
