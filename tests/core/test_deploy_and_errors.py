"""Production settings pass `check --deploy`; bad input gets styled pages in the user's language."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from kim.accounts.models import Role

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_reports_nothing_with_production_settings():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("KIM_", "DEBUG", "DJANGO_", "SECRET_KEY"))
    }
    env.update(
        {
            "DEBUG": "0",
            "KIM_DEMO": "0",
            "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-7f3c9a1e5b2d4c6a8e0f1b3d5c7e9a2b",
            "ALLOWED_HOSTS": "kim.oberhausen.example",
            "KIM_FIELD_KEYS": "oNBUCjOsvdKd_3Hst6ZmDZfTLqBEZr_5BLbJbzZVx0o=",
            "DJANGO_SETTINGS_MODULE": "kim.settings",
            "KIM_READ_ENV_FILE": "0",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_fails_without_field_keys():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIM_", "DEBUG", "DJANGO_", "SECRET_KEY"))}
    env.update({"DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "kim.example", "KIM_READ_ENV_FILE": "0"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "kim.E001" in result.stderr


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIM_", "DEBUG", "SECRET_KEY"))}
    env.update({"DEBUG": "0", "KIM_DEMO": "0", "KIM_READ_ENV_FILE": "0"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("language", "text"), [("de", "Seite nicht gefunden"), ("en", "Page not found"), ("ar", 'dir="rtl"')]
)
def test_unknown_url_gets_styled_404_in_the_users_language(db, client, language, text):
    client.cookies["kim_language"] = language
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_forged_csrf_token_gets_clear_page_and_changes_nothing(db, make_member):
    from kim.accounts.models import Organisation

    admin = make_member(Role.SYSTEM_ADMIN)
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin.user, backend="allauth.account.auth_backends.AuthenticationBackend")
    client.cookies["kim_language"] = "de"
    before = Organisation.objects.count()
    response = client.post(
        reverse("accounts:organisation_create"),
        {"name": "Neu", "kind": "other_office", "csrfmiddlewaretoken": "forged"},
    )
    assert response.status_code == 403
    assert "Formular konnte nicht gesendet werden" in response.content.decode()
    assert Organisation.objects.count() == before


def test_server_error_page_is_styled_and_keeps_input_hint(db, client, settings):
    from django.test import RequestFactory

    from kim.core.views import error_500

    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    from kim.core.scoping import Actor

    request.user = AnonymousUser()
    request.actor = Actor(None, None)
    request.LANGUAGE_CODE = "de"
    response = error_500(request)
    assert response.status_code == 500
    assert "in diesem Browser" in response.content.decode()


def test_malformed_form_data_changes_nothing(db, make_member, client_for):
    from kim.accounts.models import Organisation

    admin = make_member(Role.SYSTEM_ADMIN)
    client = client_for(admin)
    client.cookies["kim_language"] = "de"
    before = Organisation.objects.count()
    response = client.post(
        reverse("accounts:organisation_create"),
        {"name": "x" * 500, "kind": "no-such-kind", "postcode": "4604", "email": "kein-mail"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben" in body
    assert 'value="4604"' in body  # what was typed is kept
    assert Organisation.objects.count() == before


def test_robots_and_health(db, client):
    assert client.get("/robots.txt").content.startswith(b"User-agent")
    assert client.get("/healthz").json() == {"status": "ok"}
