"""The whole case-management journey in a real browser, in German, with axe-core on every page.

request by phone (coordination) → assignment to the first suggested case manager → intake → consents
(case management; sharing with the partner) and the consent form PDF → assessment → help plan (goal and
measure) → contact → referral to a partner without platform users, answered through the single-use link
from the e-mail (used up afterwards: 410) → appointment from the case page, shown in the calendar week →
closure → the coordination's pseudonymised list shows the case number and no name.

Three browser contexts: the coordinator, the case manager and the partner (not logged in). Elements are
found by ``name`` attributes, URLs and values rather than by text that may still be translated; headings
are matched with patterns that accept German or English.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kim.accounts.models import OrganisationKind, Role
from kim.cases.models import Case, CaseStatus, Referral, ReferralStatus, Request, RequestStatus
from kim.clients.models import Consent, ConsentPurpose
from kim.scheduling.models import Appointment
from tests.factories import DistrictAreaFactory, DistrictFactory, OrganisationFactory

CLIENT_GIVEN, CLIENT_FAMILY = "Amina", "Haddad"
CLIENT_NAME = f"{CLIENT_GIVEN} {CLIENT_FAMILY}"
POSTCODE = "46045"
PARTNER_NAME = "Jobcenter Testhausen"
PARTNER_EMAIL = "vermittlung@jobcenter-testhausen.example"
LINK = re.compile(r"https?://\S+?(/rueckmeldung/[A-Za-z0-9_-]+/)")


def url_of(path: str):
    """A URL on the live server with exactly this path (and any query or fragment)."""
    return re.compile(r"^https?://[^/]+" + re.escape(path) + r"([?#].*)?$")


def submit(page, form_selector: str = "main form[data-keep-input]", *, why_refused: str = "") -> None:
    """Submit a form with its submit button, wait for the next page and fail if the server refused it."""
    with page.expect_navigation() as navigation:
        page.locator(form_selector).locator("button[type=submit]").last.click()
    response = navigation.value
    if response is not None and response.status >= 400:
        pytest.fail(
            f"Sending the form on {page.url} answered {response.status}"
            f" ({page.get_by_role('heading', level=1).first.inner_text()}). {why_refused}",
            pytrace=False,
        )


def expect_no_form_errors(page) -> None:
    summary = page.locator(".error-summary")
    if summary.count():
        pytest.fail(f"The form on {page.url} was refused: {summary.inner_text()}", pytrace=False)


def change_status(page, check_page, case_path: str, to_status: str) -> None:
    """Press the case page's status button for ``to_status`` (found by its hidden value, not its text)."""
    button = page.locator(f"form[action$='/status/']:has(input[name=to_status][value={to_status}]) button")
    with page.expect_navigation():
        button.click()
    expect(page).to_have_url(url_of(case_path))
    expect(page.locator(".page-head .status")).to_have_class(re.compile(rf"\bstatus--{to_status}\b"))
    check_page(page)


@pytest.fixture
def check_page(assert_accessible):
    """check_page(page) after every navigation: the page is in German and axe-core finds no violation."""

    def run(page):
        expect(page.locator("html")).to_have_attribute("lang", "de")
        assert_accessible(page)

    return run


@pytest.fixture
def german(live_server):
    """german(page): the UI language cookie set to German (the contexts' browser language is de-DE, too)."""

    def set_german(page):
        page.context.add_cookies([{"name": "kim_language", "value": "de", "url": live_server.url}])
        return page

    return set_german


def test_whole_case_journey_in_german(
    page, make_page, make_staff, log_in_as, check_page, german, mailoutbox, welfare, other_welfare
):
    # The world --------------------------------------------------------------------------------------------
    district = DistrictFactory(name="Sozialraum Alt-Oberhausen")
    DistrictAreaFactory(district=district, postcode=POSTCODE)
    coordinator, _ = make_staff(Role.COORDINATOR, totp=False, first_name="Clara", last_name="Koordinatorin")
    manager, _ = make_staff(
        Role.CASE_MANAGER, totp=False, organisation=welfare, first_name="Samira", last_name="Yousef"
    )
    profile = manager.user.staff_profile
    profile.languages = ["ar"]
    profile.max_caseload = 30
    profile.save()
    profile.districts.add(district)
    # A colleague elsewhere who sorts first by name but neither works in the district nor speaks Arabic.
    make_staff(
        Role.CASE_MANAGER, totp=False, organisation=other_welfare, first_name="Anton", last_name="Abel"
    )
    partner_org = OrganisationFactory(
        name=PARTNER_NAME,
        kind=OrganisationKind.JOB_CENTRE,
        provides_case_management=False,
        email="info@jobcenter-testhausen.example",
    )
    manager_name = manager.user.get_full_name()

    # 1. Coordinator: a request by phone, the waiting list, the assignment ---------------------------------
    coord = german(page)
    log_in_as(coord, coordinator.user)
    coord.goto("/anfragen/neu/")
    expect(coord.get_by_role("heading", level=1)).to_have_text(re.compile("Anfrage|request", re.I))
    check_page(coord)
    form = coord.locator("main form[data-keep-input]")
    form.locator("select[name=channel]").select_option("phone")
    form.locator("input[name=name]").fill(CLIENT_NAME)
    form.locator("input[name=phone]").fill("0208 123456")
    form.locator("select[name=preferred_language]").select_option("ar")
    form.locator("input[name=postcode]").fill(POSTCODE)
    form.locator("input[name=topics][value=first_integration]").check()
    form.locator("input[name=topics][value=work]").check()
    form.locator("textarea[name=message]").fill("Sucht Arbeit und einen Sprachkurs.")
    form.locator("input[name=contact_consent]").check()
    submit(coord)
    expect_no_form_errors(coord)
    item = Request.objects.get()
    assert item.district == district
    detail_path = f"/anfragen/{item.pk}/"
    expect(coord).to_have_url(url_of(detail_path))
    check_page(coord)

    coord.goto("/anfragen/")
    check_page(coord)
    row = coord.locator("main table tbody tr", has=coord.locator(f"a[href='{detail_path}']"))
    expect(row).to_have_count(1)
    expect(row.locator("td.num")).to_have_text("0")  # waiting time in days
    expect(row).to_contain_text(CLIENT_NAME)
    expect(row).to_contain_text(district.name)
    with coord.expect_navigation():
        row.locator(f"a[href='{detail_path}']").click()
    expect(coord).to_have_url(url_of(detail_path))
    check_page(coord)
    # The first suggestion is the case manager who works in the district and speaks Arabic.
    suggestions = coord.locator("main table tbody tr")
    first = suggestions.first
    expect(first.locator("th")).to_have_text(manager_name)
    expect(first.locator("input[name=membership]")).to_have_value(str(manager.pk))
    expect(first.locator("td").nth(1)).to_contain_text(re.compile("Arabisch|Arabic"))
    with coord.expect_navigation():
        first.locator("button[type=submit]").click()
    expect(coord).to_have_url(url_of(detail_path))
    expect(coord.locator(".page-head .status")).to_have_class(re.compile(r"\bstatus--assigned\b"))
    expect(coord.locator("main .facts")).to_contain_text(manager_name)
    check_page(coord)
    item.refresh_from_db()
    assert item.status == RequestStatus.ASSIGNED and item.assigned_to_id == manager.user_id

    # 2. Case manager: the start page shows the request; intake → case ------------------------------------
    cm = german(make_page())
    log_in_as(cm, manager.user)
    cm.goto("/")
    check_page(cm)
    intake_path = f"/anfragen/{item.pk}/aufnahme/"
    intake_link = cm.locator(f"main a[href='{intake_path}']")
    expect(intake_link).to_contain_text(item.reference)
    with cm.expect_navigation():
        intake_link.click()
    expect(cm).to_have_url(url_of(intake_path))
    check_page(cm)
    form = cm.locator("main form#intake-form")
    # The names are taken over from the request: the case manager confirms them.
    expect(form.locator("input[name=given_names]")).to_have_value(CLIENT_GIVEN)
    expect(form.locator("input[name=family_name]")).to_have_value(CLIENT_FAMILY)
    form.locator("input[name=need_areas][value=first_integration]").check()
    form.locator("select[name=admission_rule_met]").select_option("yes")
    form.locator("input[name=decision][value=admit]").check()
    form.locator("input[name=birth_year]").fill("1991")
    submit(cm, "main form#intake-form")
    expect_no_form_errors(cm)
    case = Case.objects.get()
    case_path = f"/faelle/{case.pk}/"
    expect(cm).to_have_url(url_of(case_path))
    expect(cm.get_by_role("heading", level=1)).to_contain_text(case.number)
    expect(cm.get_by_role("heading", level=1)).to_contain_text(CLIENT_NAME)
    expect(cm.locator(".page-head .status")).to_have_class(re.compile(r"\bstatus--intake\b"))
    check_page(cm)
    client = case.client
    assert (client.given_names, client.family_name) == (CLIENT_GIVEN, CLIENT_FAMILY)

    # 3. Consents: case management; sharing with the partner (master data + work) ------------------------
    client_path = f"/klienten/{client.pk}/"
    with cm.expect_navigation():
        cm.locator(f"main a[href='{client_path}']").first.click()
    expect(cm).to_have_url(url_of(client_path))
    check_page(cm)
    consents_path = f"/klienten/{client.pk}/einwilligungen/"
    with cm.expect_navigation():
        cm.locator(f"main a[href='{consents_path}']").first.click()
    check_page(cm)

    def record_consent(purpose: str, categories: list[str], recipient: str | None = None) -> Consent:
        with cm.expect_navigation():
            cm.locator(f"main a[href='{consents_path}neu/']").first.click()
        expect(cm).to_have_url(url_of(consents_path + "neu/"))
        check_page(cm)
        form = cm.locator("main form[data-keep-input]")
        form.locator(f"input[name=purpose][value={purpose}]").check()
        if recipient:
            form.locator("select[name=recipient]").select_option(label=recipient)
        for category in categories:
            form.locator(f"input[name=data_categories][value={category}]").check()
        # The client's language is preselected for the printed form.
        expect(form.locator("select[name=form_language]")).to_have_value("ar")
        submit(cm)
        expect_no_form_errors(cm)
        consent = Consent.objects.filter(client=client, purpose=purpose).get()
        expect(cm).to_have_url(url_of(f"/einwilligungen/{consent.pk}/"))
        check_page(cm)
        return consent

    management = record_consent(ConsentPurpose.CASE_MANAGEMENT, ["master_data", "case_history"])
    pdf_link = cm.locator(f"main a[href='/einwilligungen/{management.pk}/formular.pdf']")
    expect(pdf_link).to_be_visible()
    pdf = cm.request.get(pdf_link.get_attribute("href"))
    assert pdf.status == 200, pdf.status
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    with cm.expect_navigation():
        cm.locator(f"main .breadcrumb a[href='{consents_path}']").click()
    check_page(cm)
    sharing = record_consent(
        ConsentPurpose.SHARE_WITH_ORGANISATION, ["master_data", "education_work"], recipient=PARTNER_NAME
    )
    assert sharing.recipient == partner_org
    with cm.expect_navigation():
        cm.locator(f"main .breadcrumb a[href='{consents_path}']").click()
    check_page(cm)
    expect(cm.locator("main table tbody tr")).to_have_count(2)

    # 4. Assessment, help plan, implementation, contact ----------------------------------------------------
    cm.goto(case_path)
    check_page(cm)
    change_status(cm, check_page, case_path, CaseStatus.ASSESSMENT)

    with cm.expect_navigation():
        cm.locator(f"main a[href='{case_path}einschaetzung/neu/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    levels = {"language": "3", "work": "4", "housing": "2", "family": "1"}
    for domain, level in levels.items():
        form.locator(f"select[name=level_{domain}]").select_option(level)
    form.locator("input[name=resources_work]").fill("Berufserfahrung als Schneiderin")
    form.locator("textarea[name=note]").fill("Erste Einschätzung im Erstgespräch.")
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(url_of(case_path))
    assessment_table = cm.locator("section[aria-labelledby=assessment] table")
    expect(assessment_table.locator("tbody tr")).to_have_count(len(levels))
    check_page(cm)

    change_status(cm, check_page, case_path, CaseStatus.PLANNING)
    with cm.expect_navigation():
        cm.locator(f"main a[href='{case_path}ziele/neu/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    form.locator("select[name=domain]").select_option("work")
    form.locator("textarea[name=wording]").fill("Frau Haddad hat eine Stelle in der Schneiderei.")
    form.locator("input[name=agreed_with_client]").check()
    form.locator("input[name=target_date]").fill((timezone.localdate() + dt.timedelta(days=90)).isoformat())
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(url_of(case_path))
    goal = case.goals.get()
    expect(cm.locator("#plan article.goal h3")).to_contain_text("Stelle in der Schneiderei")
    # The plan section is a region named by its heading (it once named itself: its whole text as the name).
    expect(cm.get_by_role("region", name=re.compile(r"^(Hilfeplan|Help plan)$"))).to_have_attribute(
        "id", "plan"
    )
    check_page(cm)
    with cm.expect_navigation():
        cm.locator(f"#plan a[href='/ziele/{goal.pk}/massnahmen/neu/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    form.locator("textarea[name=description]").fill("Beratungstermin im Jobcenter vereinbaren")
    form.locator("select[name=responsible]").select_option("partner")
    form.locator("input[name=partner]").fill(PARTNER_NAME)
    form.locator("input[name=due_date]").fill((timezone.localdate() + dt.timedelta(days=21)).isoformat())
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(url_of(case_path))
    expect(cm.locator("#plan ul.measures li")).to_contain_text("Beratungstermin im Jobcenter")
    check_page(cm)

    change_status(cm, check_page, case_path, CaseStatus.IMPLEMENTATION)
    with cm.expect_navigation():
        cm.locator(f"main a[href='{case_path}kontakte/neu/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    form.locator("input[name=minutes]").fill("45")
    form.locator("select[name=mode]").select_option("office")
    form.locator("select[name=interpreter_language]").select_option("ar")
    form.locator("input[name=domains][value=work]").check()
    form.locator("textarea[name=note]").fill(
        "Lebenslauf gemeinsam erstellt; Unterlagen für das Jobcenter besprochen."
    )
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(url_of(case_path))
    expect(cm.locator("#contacts table tbody tr")).to_have_count(1)
    expect(cm.locator("#contacts table tbody tr")).to_contain_text("Lebenslauf gemeinsam erstellt")
    check_page(cm)

    # 5. Referral to the partner; the partner answers through the link in the e-mail ------------------------
    with cm.expect_navigation():
        cm.locator(f"#referrals a[href='/faelle/{case.pk}/vermittlungen/neu/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    form.locator("select[name=to_organisation]").select_option(label=PARTNER_NAME)
    form.locator("input[name=to_service]").fill("Arbeitsvermittlung, Team U25")
    form.locator("input[name=partner_email]").fill(PARTNER_EMAIL)
    form.locator("select[name=domain]").select_option("work")
    form.locator("textarea[name=reason]").fill("Bitte um einen Termin zur Arbeitsvermittlung (Schneiderei).")
    form.locator("input[name=due_date]").fill((timezone.localdate() + dt.timedelta(days=14)).isoformat())
    submit(cm)
    expect_no_form_errors(cm)
    referral = Referral.objects.get()
    referral_path = f"/vermittlungen/{referral.pk}/"
    expect(cm).to_have_url(url_of(referral_path))
    expect(cm.locator(".page-head .referral-status")).to_have_class(re.compile(r"referral-status--planned"))
    check_page(cm)
    assert referral.consent_id == sharing.pk

    with cm.expect_navigation():
        cm.locator(f"form[action='{referral_path}senden/'] button[type=submit]").click()
    expect(cm).to_have_url(url_of(referral_path))
    expect(cm.locator(".page-head .referral-status")).to_have_class(re.compile(r"referral-status--sent"))
    check_page(cm)
    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    mail = mailoutbox[0]
    assert mail.to == [PARTNER_EMAIL]
    assert f"{case.number}/V{referral.pk}" in mail.body  # the reference of the letter
    assert any(name.endswith(".pdf") for name, _content, _type in mail.attachments)
    match = LINK.search(mail.body)
    assert match, f"no answer link in the e-mail:\n{mail.body}"
    answer_path = match.group(1)

    partner = german(make_page())  # a fresh context: the partner is not logged in
    partner.goto(answer_path)
    expect(partner).to_have_url(url_of(answer_path))
    expect(partner.get_by_role("heading", level=1)).to_have_text(
        re.compile("Rückmeldung|Vermittlung|referral", re.I)
    )
    expect(partner.locator("main")).to_contain_text("Arbeitsvermittlung (Schneiderei)")
    expect(partner.locator("main")).not_to_contain_text(CLIENT_FAMILY)  # only "Amina H."
    check_page(partner)
    form = partner.locator("main form[data-keep-input]")
    form.locator(f"input[name=status][value={ReferralStatus.APPOINTMENT}]").check()
    appointment_on = timezone.localdate() + dt.timedelta(days=5)
    form.locator("input[name=appointment_date]").fill(appointment_on.isoformat())
    form.locator("textarea[name=feedback]").fill("Termin bei Herrn Krüger, bitte Lebenslauf mitbringen.")
    submit(
        partner,
        why_refused="The partner page is answered without a login; if this is Django's CSRF page, the browser "
        "sent “Origin: null”: the view's “Referrer-Policy: no-referrer” (kim/cases/referral_views.py, _public) "
        "makes browsers do that for the form POST, unless the page's <meta name=referrer> sets a policy that "
        "sends the origin (kim/cases/templates/cases/partner_answer.html).",
    )
    expect_no_form_errors(partner)
    expect(partner.get_by_role("heading", level=1)).to_have_text(re.compile("Dank|Thank", re.I))
    check_page(partner)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.APPOINTMENT and referral.answered_at is not None

    # The link is used up: a second visit answers 410 with a page that says so.
    response = partner.goto(answer_path)
    assert response is not None and response.status == 410, response and response.status
    expect(partner.get_by_role("heading", level=1)).to_have_text(
        re.compile("verwendet|benutzt|genutzt|already used", re.I)
    )
    expect(partner.locator("main form")).to_have_count(0)
    check_page(partner)

    # Back as the case manager: the referral shows the partner's answer.
    cm.goto(referral_path)
    expect(cm.locator(".page-head .referral-status")).to_have_class(
        re.compile(r"referral-status--appointment")
    )
    expect(cm.locator("main")).to_contain_text("Termin bei Herrn Krüger")
    expect(cm.locator("main")).to_contain_text(appointment_on.strftime("%d.%m.%Y"))
    expect(cm.locator(f"form[action='{referral_path}senden/']")).to_have_count(0)
    check_page(cm)

    # 6. Appointment from the case page, tomorrow, with an interpreter → in the calendar week --------------
    cm.goto(case_path)
    check_page(cm)
    with cm.expect_navigation():
        cm.locator(f"main a[href='/faelle/{case.pk}/termine/neu/']").click()
    check_page(cm)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form = cm.locator("main form[data-keep-input]")
    expect(form.locator("select[name=case]")).to_have_value(str(case.pk))
    form.locator("select[name=kind]").select_option("client")
    form.locator("input[name=title]").fill("Vorbereitung Jobcenter-Termin")
    form.locator("input[name=day]").fill(tomorrow.isoformat())
    form.locator("input[name=start_time]").fill("10:00")
    form.locator("input[name=end_time]").fill("11:00")
    form.locator("input[name=place]").fill("Büro, Raum 3")
    form.locator("select[name=interpreter_language]").select_option("ar")
    form.locator("input[name=interpreter_booked]").check()
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(re.compile(r"/kalender/\?woche=\d{4}-W\d{2}$"))
    # The week grid (the day list below it is the small-screen view of the same week).
    entry = cm.locator("main table li.cal-entry", has_text="Vorbereitung Jobcenter-Termin")
    expect(entry).to_have_count(1)
    expect(entry).to_be_visible()
    column = entry.evaluate("(el) => el.closest('td').cellIndex")
    expect(cm.locator("main table thead th").nth(column)).to_contain_text(tomorrow.strftime("%d.%m."))
    expect(entry).to_contain_text("10:00–11:00")
    expect(entry).to_contain_text(case.number)
    expect(entry).to_contain_text(re.compile("Arabisch|Arabic"))
    check_page(cm)
    appointment = Appointment.objects.get()
    assert timezone.localtime(appointment.starts_at).date() == tomorrow
    assert appointment.case_id == case.pk and appointment.interpreter_language == "ar"

    # 7. Closure; the coordination sees the case pseudonymised ------------------------------------------------
    cm.goto(case_path)
    check_page(cm)
    with cm.expect_navigation():
        cm.locator(f"main a[href='{case_path}abschliessen/']").click()
    check_page(cm)
    form = cm.locator("main form[data-keep-input]")
    form.locator("select[name=reason]").select_option("goals_reached")
    form.locator("select[name=goal_attainment]").select_option("3")
    form.locator("textarea[name=note]").fill("Arbeitsaufnahme zum Monatsbeginn.")
    submit(cm)
    expect_no_form_errors(cm)
    expect(cm).to_have_url(url_of(case_path))
    expect(cm.locator(".page-head .status")).to_have_class(re.compile(r"\bstatus--closed\b"))
    expect(cm.locator("main .facts")).to_contain_text("3/4")
    check_page(cm)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.goal_attainment == 3

    coord.goto("/koordination/faelle/?status=closed")
    check_page(coord)
    expect(coord.locator("select[name=status]")).to_have_value("closed")
    rows = coord.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.locator("th")).to_have_text(case.number)
    expect(rows).to_contain_text(district.name)
    main = coord.locator("main")
    for name in (CLIENT_GIVEN, CLIENT_FAMILY):
        expect(main).not_to_contain_text(name)
