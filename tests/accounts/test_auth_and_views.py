"""Login, lockout, second factor, demo accounts, sessions, and the staff area views."""

from django.core.management import call_command
from django.urls import reverse

from kim.accounts.models import Membership, Organisation, Role, StaffProfile, User
from kim.core.models import AuditEvent
from tests.factories import PASSWORD, DistrictFactory

LOGIN = "/accounts/login/"


def _login(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def test_login_with_password_and_audit(make_member, client):
    member = make_member(Role.CASE_MANAGER)
    response = _login(client, member.user.email, PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.login", actor=member.user).exists()


def test_wrong_password_is_refused_clearly(make_member, client):
    member = make_member(Role.CASE_MANAGER)
    client.cookies["kim_language"] = "de"
    response = _login(client, member.user.email, "wrong-password")
    assert response.status_code == 200
    assert "E-Mail-Adresse und/oder das Passwort" in response.content.decode()
    assert client.get("/").status_code == 302


def test_five_failures_lock_the_login_with_german_message(make_member, client):
    member = make_member(Role.CASE_MANAGER)
    client.cookies["kim_language"] = "de"
    for _attempt in range(4):
        assert _login(client, member.user.email, "wrong").status_code == 200
    response = _login(client, member.user.email, "wrong")
    assert response.status_code == 403
    assert "gesperrt" in response.content.decode()
    # Even the right password does not help while locked.
    response = _login(client, member.user.email, PASSWORD)
    assert response.status_code == 403
    assert client.get("/").status_code == 302


def test_second_factor_is_required_when_not_in_demo_mode(make_member, client, settings):
    settings.KIM_REQUIRE_SECOND_FACTOR = True
    member = make_member(Role.CASE_MANAGER)
    _login(client, member.user.email, PASSWORD)
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_demo_accounts_cannot_log_in_outside_demo_mode(make_member, client, settings):
    member = make_member(Role.CASE_MANAGER)
    User.objects.filter(pk=member.user.pk).update(is_demo=True)
    settings.KIM_DEMO = False
    _login(client, member.user.email, PASSWORD)
    assert client.get("/").status_code == 302
    settings.KIM_DEMO = True
    _login(client, member.user.email, PASSWORD)
    assert client.get("/").status_code == 200


def test_session_expires_after_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == settings.KIM_SESSION_IDLE_MINUTES * 60 == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_logout_everywhere_ends_all_sessions(make_member, client, django_user_model):
    from django.test import Client

    member = make_member(Role.CASE_MANAGER)
    other_device = Client()
    _login(client, member.user.email, PASSWORD)
    _login(other_device, member.user.email, PASSWORD)
    assert other_device.get("/").status_code == 200
    client.post(reverse("accounts:logout_everywhere"))
    assert client.get("/").status_code == 302
    assert other_device.get("/").status_code == 302


def test_password_reset_sends_mail(make_member, client, mailoutbox):
    member = make_member(Role.CASE_MANAGER)
    client.post("/accounts/password/reset/", {"email": member.user.email})
    assert len(mailoutbox) == 1
    assert member.user.email in mailoutbox[0].to


# Team lead sees the own organisation's staff only -----------------------------------------------------


def test_team_page_shows_own_organisation_only(make_member, client_for, other_welfare):
    lead = make_member(Role.TEAM_LEAD, first_name="Lea", last_name="Leitung")
    colleague = make_member(Role.CASE_MANAGER, first_name="Carla", last_name="Kollegin")
    outsider = make_member(Role.CASE_MANAGER, organisation=other_welfare, first_name="Otto", last_name="Fremd")
    body = client_for(lead).get(reverse("accounts:team")).content.decode()
    assert colleague.user.last_name in body
    assert outsider.user.last_name not in body


def test_system_admin_user_detail_is_audited(make_member, client_for):
    admin = make_member(Role.SYSTEM_ADMIN)
    target = make_member(Role.CASE_MANAGER)
    assert client_for(admin).get(reverse("accounts:user_detail", args=[target.user.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="accounts.user.view", object_id=str(target.user.pk)).exists()


def test_unknown_user_id_is_404(make_member, client_for):
    admin = make_member(Role.SYSTEM_ADMIN)
    assert client_for(admin).get(reverse("accounts:user_detail", args=[999999])).status_code == 404


def test_admin_creates_user_and_sends_password_link(make_member, client_for, welfare, mailoutbox):
    admin = make_member(Role.SYSTEM_ADMIN)
    response = client_for(admin).post(
        reverse("accounts:user_create"),
        {
            "first_name": "Nora",
            "last_name": "Neu",
            "email": "nora.neu@example.org",
            "organisation": welfare.pk,
            "role": Role.CASE_MANAGER,
            "send_invitation": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nora.neu@example.org")
    assert Membership.objects.filter(user=user, organisation=welfare, role=Role.CASE_MANAGER).exists()
    assert len(mailoutbox) == 1


def test_admin_edits_district_with_bad_lines_keeps_input(make_member, client_for):
    admin = make_member(Role.SYSTEM_ADMIN)
    response = client_for(admin).post(
        reverse("accounts:district_create"),
        {"name": "Neu", "number": "7", "areas": "46045\nfalsche Zeile"},
    )
    assert response.status_code == 200
    assert "falsche Zeile" in response.content.decode()


def test_profile_form_saves_and_keeps_input_on_error(make_member, client_for):
    member = make_member(Role.CASE_MANAGER)
    district = DistrictFactory()
    client = client_for(member)
    response = client.post(
        reverse("accounts:profile"),
        {"languages": ["ar", "uk"], "districts": [district.pk], "max_caseload": "500", "job_title": "CM"},
    )
    assert response.status_code == 200  # 500 is above the maximum
    assert 'value="CM"' in response.content.decode()
    response = client.post(
        reverse("accounts:profile"),
        {"languages": ["ar", "uk"], "districts": [district.pk], "max_caseload": "40", "job_title": "CM"},
    )
    assert response.status_code == 302
    profile = StaffProfile.objects.get(user=member.user)
    assert profile.languages == ["ar", "uk"] and profile.max_caseload == 40


def test_switch_membership(make_member, client_for, city):
    member = make_member(Role.CASE_MANAGER)
    second = Membership.objects.create(user=member.user, organisation=city, role=Role.COORDINATOR)
    client = client_for(member)
    assert client.get(reverse("accounts:network")).status_code == 403
    client.post(reverse("core:switch_membership"), {"membership": second.pk})
    assert client.get(reverse("accounts:network")).status_code == 200


# Demo data ---------------------------------------------------------------------------------------------


def test_seed_demo_is_idempotent_and_complete(db, settings):
    settings.KIM_DEMO = True
    call_command("seed_demo", quiet_logins=True)
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("seed_demo", quiet_logins=True)
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == counts
    assert Organisation.objects.filter(name__startswith="DRK Kreisverband Oberhausen").exists()
    case_managers = Membership.objects.filter(role=Role.CASE_MANAGER)
    assert case_managers.count() == 10
    assert case_managers.values("organisation").distinct().count() >= 5
    languages = {code for p in StaffProfile.objects.all() for code in p.languages}
    assert {"ar", "tr", "uk", "ru", "bg", "ro", "fa", "ku", "en", "fr"} <= languages
    assert set(Role.values) <= set(Membership.objects.values_list("role", flat=True))
    from kim.accounts.models import ContactPoint

    central = ContactPoint.objects.get(is_central=True)
    assert central.street == "Mülheimer Straße 200" and central.postcode == "46045"
    assert central.opening_hours.count() == 5


def test_seed_without_demo_mode_creates_no_usable_logins(db, settings, client):
    settings.KIM_DEMO = False
    call_command("seed_demo", quiet_logins=True)
    assert not any(u.has_usable_password() for u in User.objects.filter(is_demo=True))
    _login(client, "admin@kim-demo.example", settings.KIM_DEMO_PASSWORD)
    assert client.get("/").status_code == 302


def test_team_lead_edits_profile_of_own_staff_but_not_of_others(make_member, client_for, other_welfare):
    lead = make_member(Role.TEAM_LEAD)
    colleague = make_member(Role.CASE_MANAGER)
    outsider = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    client = client_for(lead)
    url = reverse("accounts:staff_profile_update", args=[colleague.user.pk])
    response = client.post(url, {"max_caseload": "30", "job_title": "Case Manager"})
    assert response.status_code == 302
    assert StaffProfile.objects.get(user=colleague.user).max_caseload == 30
    response = client.post(reverse("accounts:staff_profile_update", args=[outsider.user.pk]), {"max_caseload": "1"})
    assert response.status_code == 404
    assert StaffProfile.objects.get(user=outsider.user).max_caseload is None


def test_demo_logins_work_on_a_fresh_database(db, settings, client):
    settings.KIM_DEMO = True
    call_command("seed_demo", quiet_logins=True)
    _login(client, "layla.haddad@kim-demo.example", settings.KIM_DEMO_PASSWORD)
    assert client.get("/").status_code == 200
