"""The foundation's required journey in a real browser, with the second factor required.

Login with e-mail, password and TOTP code; forced TOTP set-up at the first login; wrong code and lockout;
the start page in German, English and Arabic and at 360 px; one page per role in German and Arabic.
axe-core runs on every page visited (see conftest.py).
"""

import re
import time
from urllib.parse import urlsplit

import pyotp
import pytest
from playwright.sync_api import expect

from kim.accounts.models import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.usefixtures("second_factor_required")

LOGIN = "/accounts/login/"
AUTHENTICATE = "/accounts/2fa/authenticate/"
ACTIVATE_TOTP = "/accounts/2fa/totp/activate/"
REAUTHENTICATE = "/accounts/reauthenticate/"
RECOVERY_CODES = "/accounts/2fa/recovery-codes/"

START_HEADING = {"de": "Meine Woche", "en": "My week"}


def totp_code(secret: str) -> str:
    """The current code, as an authenticator app shows it.

    allauth accepts only the current 30 s window (MFA_TOTP_TOLERANCE 0); a code read in the last moment
    of a window could reach the server in the next one, so then (rarely) wait for the new window.
    """
    totp = pyotp.TOTP(secret)
    remaining = totp.interval - time.time() % totp.interval
    if remaining < 2:
        time.sleep(remaining + 0.05)
    return totp.now()


def url_of(path: str):
    """A URL on the live server with exactly this path (and this query, if given; any query if not)."""
    query = "" if "?" in path else r"(\?.*)?"
    return re.compile(r"^https?://[^/]+" + re.escape(path) + query + "$")


def submit_password(page, email: str, password: str) -> None:
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def submit_code(page, code: str) -> None:
    page.locator("main input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def switch_language(page, code: str) -> None:
    """Choose a language in the header select; the page submits the form itself (kim.js)."""
    with page.expect_navigation():
        page.locator("header select[name=language]").select_option(code)
    expect(page.locator("html")).to_have_attribute("lang", code)


def log_in_with_totp(page, assert_accessible, email: str, secret: str) -> None:
    page.goto(LOGIN)
    assert_accessible(page)
    submit_password(page, email, PASSWORD)
    expect(page).to_have_url(url_of(AUTHENTICATE))
    assert_accessible(page)
    submit_code(page, totp_code(secret))
    expect(page).to_have_url(url_of("/"))


# Login ---------------------------------------------------------------------------------------------------


def test_case_manager_logs_in_with_password_and_totp_and_sees_my_week(page, make_staff, assert_accessible):
    member, secret = make_staff(Role.CASE_MANAGER)

    log_in_with_totp(page, assert_accessible, member.user.email, secret)

    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=2, name=START_HEADING["de"])).to_be_visible()
    assert_accessible(page)


def test_start_page_in_german_english_and_arabic(page, make_staff, log_in_as, assert_accessible):
    member, _secret = make_staff(Role.CASE_MANAGER)
    log_in_as(page, member.user)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=2, name=START_HEADING["de"])).to_be_visible()
    assert_accessible(page)

    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=2, name=START_HEADING["en"])).to_be_visible()
    assert_accessible(page)

    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("header select[name=language]")).to_have_value("ar")
    assert_accessible(page)

    # The choice is kept (cookie kim_language) on the next page.
    page.goto("/profil/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert_accessible(page)

    switch_language(page, "de")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert_accessible(page)


def test_user_without_authenticator_must_set_up_totp_at_first_login(page, make_staff, assert_accessible):
    from allauth.mfa.models import Authenticator

    member, _none = make_staff(Role.CASE_MANAGER, totp=False)

    page.goto(LOGIN)
    assert_accessible(page)
    submit_password(page, member.user.email, PASSWORD)

    # No second factor yet: every staff page leads to the TOTP activation page, straight away – the login a
    # moment ago is proof enough, no second password entry (kim.accounts.adapters).
    assert REAUTHENTICATE not in page.url
    expect(page).to_have_url(url_of(ACTIVATE_TOTP + "?next=/"))
    assert_accessible(page)
    secret_field = page.locator("#authenticator_secret")
    expect(secret_field).to_be_visible()
    secret = secret_field.input_value().strip()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), f"not a base32 secret: {secret!r}"

    submit_code(page, totp_code(secret))
    # allauth then shows the freshly generated recovery codes (to note down); the start page follows.
    if urlsplit(page.url).path != "/":
        assert REAUTHENTICATE not in page.url
        expect(page).to_have_url(url_of(RECOVERY_CODES))
        assert_accessible(page)
        page.goto("/")
    expect(page).to_have_url(url_of("/"))
    expect(page.get_by_role("heading", level=2, name=START_HEADING["de"])).to_be_visible()
    assert_accessible(page)
    assert Authenticator.objects.filter(user=member.user, type=Authenticator.Type.TOTP).exists()


def test_wrong_totp_code_is_refused(page, make_staff, assert_accessible):
    member, secret = make_staff(Role.CASE_MANAGER)
    page.goto(LOGIN)
    assert_accessible(page)
    submit_password(page, member.user.email, PASSWORD)
    expect(page).to_have_url(url_of(AUTHENTICATE))
    assert_accessible(page)

    right = totp_code(secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    submit_code(page, wrong)

    expect(page).to_have_url(url_of(AUTHENTICATE))
    # The refusal is shown at the field and tied to it (aria-invalid, aria-describedby → the message).
    code_field = page.locator("main input[name=code]")
    expect(code_field).to_have_attribute("aria-invalid", "true")
    message = page.locator("#" + code_field.get_attribute("aria-describedby").split()[0])
    expect(message).to_contain_text("Falscher Code")
    assert_accessible(page)
    # Still not logged in: "/" is the public portal for visitors, not the staff start page.
    page.goto("/")
    expect(page).to_have_url(url_of("/de/"))
    assert_accessible(page)


def test_five_wrong_passwords_lock_the_login(page, make_staff, assert_accessible):
    member, _secret = make_staff(Role.CASE_MANAGER)
    page.goto(LOGIN)
    assert_accessible(page)
    for attempt in range(1, 6):
        submit_password(page, member.user.email, f"wrong-password-{attempt}")
        if attempt < 5:
            expect(page).to_have_url(url_of(LOGIN))
            expect(page.get_by_role("alert")).to_be_visible()
            assert_accessible(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text("gesperrt")
    assert_accessible(page)

    # Even the right password does not get through now.
    page.goto(LOGIN)
    assert_accessible(page)
    submit_password(page, member.user.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("gesperrt")
    assert_accessible(page)


# Small screens -------------------------------------------------------------------------------------------


def test_start_page_at_360_px_has_no_horizontal_scrolling(
    make_page, make_staff, log_in_as, assert_accessible
):
    phone = make_page(width=360, height=740)
    member, _secret = make_staff(Role.CASE_MANAGER)
    log_in_as(phone, member.user)
    for code in ("de", "ar"):
        if code == "de":
            phone.goto("/")
        else:
            switch_language(phone, code)
        expect(phone.get_by_role("main")).to_be_visible()
        scroll_width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"[{code}] the start page is {scroll_width} px wide at a 360 px viewport"
        assert_accessible(phone)


# One page per role ---------------------------------------------------------------------------------------


def _pages_for_role(role, member, other):
    if role == Role.SYSTEM_ADMIN:
        return ["/verwaltung/benutzer/", f"/verwaltung/benutzer/{other.user.pk}/"]
    if role == Role.TEAM_LEAD:
        return ["/team/"]
    return ["/netzwerk/"]


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.TEAM_LEAD, Role.COORDINATOR], ids=str)
def test_role_pages_in_german_and_arabic(role, page, make_staff, log_in_as, assert_accessible, welfare):
    from tests.factories import DistrictFactory

    member, _secret = make_staff(role)
    # Something to list: a colleague with a second factor in the welfare organisation, one without, a district.
    other, _ = make_staff(Role.CASE_MANAGER, organisation=welfare)
    make_staff(Role.CASE_MANAGER, totp=False, organisation=welfare)
    DistrictFactory()
    log_in_as(page, member.user)

    for path in _pages_for_role(role, member, other):
        page.goto(path)
        expect(page).to_have_url(url_of(path))
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

        switch_language(page, "ar")
        expect(page).to_have_url(url_of(path))
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        assert_accessible(page)

        switch_language(page, "de")
        assert_accessible(page)


# The checker itself -------------------------------------------------------------------------------------


def test_accessibility_check_reports_violations(page, assert_accessible):
    """A page with known WCAG failures must fail assert_accessible (so a clean result means something)."""
    page.set_content(
        '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input></body></html>'
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_accessible(page)
    message = str(failure.value)
    for rule in ("html-has-lang", "image-alt", "label"):
        assert rule in message
    assert page.evaluate("() => axe.version") == "4.14.1", "not the npm axe-core of package.json"
