"""Browser tests: Playwright (sync API) driving Debian's chromium against pytest-django's live server.

- Every test under tests/browser is marked ``browser`` (``make browser`` selects them, ``make unit`` skips them).
- ``page`` is a fresh browser context per test (1280×900, German browser language, CSP bypassed so that
  axe-core can be injected); ``make_page(width=360)`` opens further pages, e.g. a phone-sized one.
- ``assert_accessible(page)`` runs axe-core (WCAG 2.0/2.1 A+AA and best practices) and fails on any
  violation. Every page a test navigates to must be checked: the page fixtures record each main-frame
  navigation and fail the test at teardown if a visited URL was not checked after its last visit.
- ``make_staff(role, totp=True)`` creates a member with a password and (optionally) a TOTP authenticator
  with a known secret; ``totp_code(secret)`` gives a valid code for it.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).resolve().parent
REPO_ROOT = BROWSER_DIR.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_NPM = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1 levels A and AA (BITV 2.0) plus axe's best practices. The best-practice rules were
# kept: on our pages they report real structural problems (missing <h1>, content outside landmarks,
# skipped heading levels, duplicate landmarks), none of them noise. No WCAG rule is ever disabled.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# Browser ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (install Debian's chromium package)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio event loop in the main thread; Django refuses ORM calls from a
    # thread with a running loop unless told that this is deliberate (the test bodies are synchronous).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


# Accessibility -------------------------------------------------------------------------------------------


def _normalise(url: str) -> str:
    return url.split("#", 1)[0]


@dataclass
class _AxeLedger:
    """Which URLs a page navigated to and has not been checked by axe since."""

    unchecked: dict[str, int] = field(default_factory=dict)  # url → visits since last check

    def visited(self, url: str) -> None:
        if url.startswith(("about:", "data:", "chrome-error:")):
            return
        url = _normalise(url)
        self.unchecked[url] = self.unchecked.get(url, 0) + 1

    def checked(self, url: str) -> None:
        self.unchecked.pop(_normalise(url), None)


_LEDGERS: dict[int, _AxeLedger] = {}

_axe_source_cache: list[str] = []


def _axe_source() -> str:
    if not _axe_source_cache:
        if AXE_NPM.is_file():
            path = AXE_NPM
        else:
            import axe_playwright_python

            path = Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"
            if os.environ.get("CI") == "true":
                pytest.fail(f"{AXE_NPM} is missing in CI (run `npm ci`)", pytrace=False)
            warnings.warn(
                f"{AXE_NPM} not found (run `npm ci`); using the older axe-core bundled with "
                "axe-playwright-python",
                stacklevel=2,
            )
        _axe_source_cache.append(path.read_text(encoding="utf-8"))
    return _axe_source_cache[0]


_AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return {
    version: axe.version,
    violations: results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({target: n.target, html: n.html, summary: n.failureSummary})),
    })),
  };
}"""


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    target: {node['target']}")
            lines.append(f"    html:   {node['html'][:300]}")
            if node.get("summary"):
                lines.append("    " + node["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now; fail on any violation."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    result = page.evaluate(_AXE_RUN, AXE_TAGS)
    ledger = _LEDGERS.get(id(page))
    if ledger is not None:
        ledger.checked(page.url)
    if result["violations"]:
        pytest.fail(format_violations(page.url, result["violations"]), pytrace=False)


@pytest.fixture(name="assert_accessible")
def assert_accessible_fixture():
    """The ``assert_accessible(page)`` helper as a fixture (tests do not import from conftest)."""
    return assert_accessible


# Pages -----------------------------------------------------------------------------------------------------


@pytest.fixture
def make_page(browser, live_server, request):
    """make_page(width=1280, height=900, locale="de-DE") → a page in a fresh context, tracked for axe."""
    contexts, pages = [], []

    def make(width: int = 1280, height: int = 900, locale: str = "de-DE"):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale=locale,
            bypass_csp=True,
            base_url=live_server.url,
        )
        context.set_default_timeout(10_000)
        context.set_default_navigation_timeout(15_000)
        page = context.new_page()
        ledger = _LEDGERS[id(page)] = _AxeLedger()

        def on_navigated(frame):
            if frame == page.main_frame:
                ledger.visited(frame.url)

        page.on("framenavigated", on_navigated)
        contexts.append(context)
        pages.append(page)
        return page

    yield make

    unchecked = []
    for page in pages:
        ledger = _LEDGERS.pop(id(page), None)
        if ledger is not None:
            unchecked += sorted(ledger.unchecked)
    for context in contexts:
        context.close()
    failed = getattr(request.node, "rep_call", None)
    if unchecked and not (failed is not None and failed.failed):
        pytest.fail(
            "Pages visited without an accessibility check after the last visit "
            "(call assert_accessible(page) after every navigation): " + ", ".join(unchecked),
            pytrace=False,
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call":
        item.rep_call = report
    return report


@pytest.fixture
def page(make_page):
    return make_page()


# Accounts with a second factor -------------------------------------------------------------------------


def totp_code(secret: str) -> str:
    import pyotp

    return pyotp.TOTP(secret).now()


@pytest.fixture
def make_staff(make_member):
    """make_staff(role, totp=True, **user_fields) → (membership, secret or None).

    The password is tests.factories.PASSWORD. With ``totp`` the member gets an allauth TOTP authenticator
    with a fresh known secret, stored as allauth 65 stores it (``data={"secret": encrypt(secret)}``).
    """
    import pyotp
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    def make(role, *, totp: bool = True, organisation=None, **user_fields):
        membership = make_member(role, organisation, **user_fields)
        secret = None
        if totp:
            secret = pyotp.random_base32()
            Authenticator.objects.create(
                user=membership.user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)}
            )
        return membership, secret

    return make


@pytest.fixture
def second_factor_required(settings):
    settings.KIM_REQUIRE_SECOND_FACTOR = True
    settings.KIM_DEMO = False
    return settings


@pytest.fixture
def log_in_as(live_server):
    """log_in_as(page, user): a logged-in session without the login form (for tests of other pages).

    The session is created by Django's test client and its cookie handed to the browser context; the
    login journey itself (password + TOTP) is covered by test_login_and_start.py.
    """
    from django.conf import settings
    from django.test import Client

    def log_in(page, user):
        client = Client()
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return log_in
