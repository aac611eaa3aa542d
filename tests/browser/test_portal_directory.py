"""The public finder, staff list, contact page and request form in a real browser: German, Arabic and
Einfache Sprache, at phone (360 px) and desktop (1280 px) width, with axe-core after every navigation.

Screenshots of every page go to ``var/screenshots/portal-directory/`` (or $KIM_SCREENSHOT_DIR) for a look.
Elements are found by names, URLs and values, not by text that may still be translated.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kim.cases.models import Request, RequestChannel
from kim.portal import contact
from tests.portal.test_directory_world import town  # noqa: F401 (fixture)

SHOTS = Path(
    os.environ.get("KIM_SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "var" / "screenshots")
)
SHOTS = SHOTS / "portal-directory"
LANGUAGES = {"de": ("de", "ltr"), "ar": ("ar", "rtl"), "einfach": ("de", "ltr")}


@pytest.fixture
def visit(assert_accessible):
    """visit(page, lang, width, name): check language, direction, one h1 and axe; take a screenshot."""

    def check(page, lang: str, width: int, name: str):
        html_lang, direction = LANGUAGES[lang]
        expect(page.locator("html")).to_have_attribute("lang", html_lang)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
        # Nothing wider than the viewport (no horizontal scrolling on a phone).
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {width}px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{lang}-{width}-{name}.png"), full_page=True)

    return check


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["de", "ar", "einfach"])
@pytest.mark.usefixtures("town")
def test_public_directory_and_contact_pages(make_page, visit, lang, width, monkeypatch):
    monkeypatch.setattr(contact, "MIN_SECONDS", 1)  # the time check still runs; the test waits 1.2 s
    page = make_page(width=width)

    # Finder: street with house number → district and its case managers
    page.goto(f"/{lang}/ansprechpersonen/")
    visit(page, lang, width, "finder")
    finder = page.locator("main form[role=search]")
    finder.locator("input[name=street]").fill("Marktstraße 12")
    submit(page, finder)
    expect(page.locator(".person-card")).to_have_count(1)
    expect(page.locator(".person-card h3")).to_have_text("Layla Haddad")
    visit(page, lang, width, "finder-found")

    # Language filter: nobody in the district speaks Bulgarian → the team plus a speaker elsewhere
    page.locator("main form[role=search] select[name=language]").select_option("bg")
    submit(page, page.locator("main form[role=search]"))
    expect(page.locator(".person-card")).to_have_count(2)
    visit(page, lang, width, "finder-language")

    # Unknown street: suggestions and the central contact
    page.goto(f"/{lang}/ansprechpersonen/?street=Markstrase")
    expect(page.locator("a[href*='street=Marktstra%C3%9Fe']")).to_have_count(1)
    expect(page.locator("address")).to_contain_text("Mülheimer Straße 200")
    visit(page, lang, width, "finder-unknown")

    # Staff list
    page.goto(f"/{lang}/ansprechpersonen/alle/")
    expect(page.locator(".person-card")).to_have_count(4)
    expect(page.locator("main")).not_to_contain_text("Verborgen")
    visit(page, lang, width, "staff")

    # Contact page with opening hours
    page.goto(f"/{lang}/kontakt/")
    expect(page.locator(".open-status")).to_have_count(1)
    expect(page.locator(".hours-table tbody tr")).to_have_count(7)
    visit(page, lang, width, "contact")

    # Request form: an invalid submission keeps everything typed and shows the error summary
    page.goto(f"/{lang}/kontakt/anfrage/")
    visit(page, lang, width, "form")
    form = page.locator("main form[data-keep-input]")
    form.locator("input[name=name]").fill("Amina Yusuf")
    form.locator("input[name=topics][value=housing]").check()
    form.locator("textarea[name=message]").fill("Ich suche eine Wohnung.")
    page.wait_for_timeout(1200)
    submit(page, form)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(form.locator("input[name=name]")).to_have_value("Amina Yusuf")
    expect(form.locator("input[name=topics][value=housing]")).to_be_checked()
    expect(form.locator("textarea[name=message]")).to_have_value("Ich suche eine Wohnung.")
    assert Request.objects.count() == 0
    visit(page, lang, width, "form-invalid")

    # … then completed and sent: the confirmation shows the reference number
    form.locator("input[name=phone]").fill("0176 1234567")
    form.locator("input[name=consent]").check()
    page.wait_for_timeout(1200)
    submit(page, form)
    request = Request.objects.get()
    assert request.channel == RequestChannel.PUBLIC_FORM
    assert request.preferred_language == ("ar" if lang == "ar" else "de")
    expect(page.locator(".reference")).to_have_text(request.reference)
    expect(page).to_have_url(re.compile(rf"/{lang}/kontakt/anfrage/danke/\?ref="))
    visit(page, lang, width, "thanks")
    # The browser's draft of the form was forgotten once the request was accepted.
    assert (
        page.evaluate("() => Object.keys(sessionStorage).filter((k) => k.startsWith('kim-draft')).length")
        == 0
    )
