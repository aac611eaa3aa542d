"""Public pages: languages, fallback to German with a note, direction, root redirect, no cookies."""

import re

import pytest
from django.test import Client

from kim.accounts.models import Role
from kim.portal import services
from kim.portal.kinds import PAGE
from kim.portal.languages import best_language_for, get_public_language, public_language_codes


@pytest.fixture
def pages(make_page):
    parent = make_page(
        "bausteine",
        de=("Drei Bausteine", "## Koordination\nDie Koordination hält die Fäden zusammen."),
        ar=("ثلاثة محاور", "## التنسيق\nيجمع فريق التنسيق كل الخيوط."),
        einfach=("KIM hat 3 Teile", "Teil 1: Planung."),
    )
    child = make_page("unterseite", de=("Unterseite", "Mehr dazu."), parent=parent)
    return parent, child


def test_every_configured_language_has_a_home(client, db):
    for code in public_language_codes():
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        language = get_public_language(code)
        html = response.content.decode()
        assert f'<html lang="{language.html_lang}" dir="{language.direction}">' in html
    assert client.get("/xx/").status_code == 404


def test_arabic_and_farsi_are_right_to_left(client, db):
    assert 'dir="rtl"' in client.get("/ar/").content.decode()[:200]
    assert 'dir="rtl"' in client.get("/fa/").content.decode()[:200]
    assert 'dir="ltr"' in client.get("/ku/").content.decode()[:200]


def test_page_in_its_language(client, pages):
    html = client.get("/ar/kim/bausteine/").content.decode()
    assert "<h1>ثلاثة محاور</h1>" in html
    assert "<h2>التنسيق</h2>" in html
    assert "portal-note" not in html  # no fallback note
    assert '<article class="portal-article" lang="ar" dir="rtl">' in html


def test_missing_translation_falls_back_to_german_with_a_note(client, pages):
    html = client.get("/tr/kim/bausteine/").content.decode()
    assert 'class="portal-note"' in html
    assert '<article class="portal-article" lang="de" dir="ltr">' in html
    assert "Drei Bausteine" in html
    # The note is written in the visitor's chrome language (here the msgid, the catalogue comes later);
    # in Arabic pages the German text is marked German and left to right inside the right-to-left page.
    ar_html = client.get("/fa/kim/bausteine/").content.decode()
    assert '<html lang="fa" dir="rtl">' in ar_html and 'lang="de" dir="ltr"' in ar_html


def test_fallback_note_is_translated_for_german_speakers_of_plain_language(client, pages):
    """Einfache Sprache uses the German catalogue for the chrome."""
    html = client.get("/einfach/kim/unterseite/").content.decode()
    assert 'class="portal-note"' in html
    assert "Zum Inhalt springen" in html  # German chrome


def test_sub_pages_and_breadcrumbs(client, pages):
    html = client.get("/de/kim/bausteine/").content.decode()
    assert "/de/kim/unterseite/" in html
    child_html = client.get("/de/kim/unterseite/").content.decode()
    assert re.search(r'portal-breadcrumbs.*?/de/kim/bausteine/.*?aria-current="page"', child_html, re.S)


def test_unpublished_and_offline_pages_are_not_found(client, pages, editor):
    draft = services.create_item(actor=editor, kind=PAGE, title="Entwurf", settings={"slug": "entwurf"})
    assert client.get("/de/kim/entwurf/").status_code == 404
    services.set_item_public(actor=editor, item=pages[0], public=False)
    assert client.get("/de/kim/bausteine/").status_code == 404
    assert client.get("/ar/kim/bausteine/").status_code == 404
    assert draft.slug == "entwurf"


def test_draft_is_not_public_but_shown_in_the_preview(client, editor_client, pages, publish):
    publish(pages[0], "de", "Drei Bausteine", "Neuer Entwurfstext.", action=services.DRAFT)
    assert "Neuer Entwurfstext" not in client.get("/de/kim/bausteine/").content.decode()
    preview = editor_client.get(f"/verwaltung/portal/seiten/{pages[0].pk}/de/vorschau/")
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Neuer Entwurfstext" in html and "portal-preview-banner" in html
    assert preview["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex">' in html


def test_language_chooser_lists_autonyms_with_the_same_page(client, pages):
    html = client.get("/de/kim/bausteine/").content.decode()
    for code, autonym in (
        ("ar", "العربية"),
        ("uk", "Українська"),
        ("ku", "Kurmancî"),
        ("einfach", "Einfache Sprache"),
    ):
        assert f'href="/{code}/kim/bausteine/"' in html
        assert autonym in html


def test_root_redirects_visitors_to_their_language(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="uk-UA,uk;q=0.9,en;q=0.5")["Location"] == "/uk/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,ar;q=0.8")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/de/"
    assert client.get("/")["Location"] == "/de/"


def test_best_language_matching():
    assert best_language_for("tr-TR").code == "tr"
    assert best_language_for("fa-IR,en;q=0.3").code == "fa"
    assert best_language_for("*").code == "de"
    assert best_language_for("de-AT").code == "de"


def test_staff_keep_their_start_page(make_member, client_for):
    client = client_for(make_member(Role.COORDINATOR))
    response = client.get("/")
    assert response.status_code == 200
    assert "core/home.html" in [t.name for t in response.templates]


def test_public_pages_set_no_cookie_and_have_a_staff_login_link(db, pages):
    client = Client()
    response = client.get("/de/kim/bausteine/")
    assert response.cookies == {} or not any(response.cookies.values())
    assert "Set-Cookie" not in response.headers
    html = response.content.decode()
    assert 'href="/accounts/login/"' in html
    assert "csrfmiddlewaretoken" not in html


def test_home_shows_intro_topics_news_and_languages(client, make_page, make_news):
    import datetime

    make_page("start", de=("Willkommen bei KIM", "Wir helfen."))
    make_page("was-ist-kim", de=("Was ist KIM?", "Ein Programm."))
    make_news("meldung", ("Neue Sprechzeiten", "Ab Montag."), datetime.date(2026, 3, 1))
    html = Client().get("/de/").content.decode()
    assert "<h1>Willkommen bei KIM</h1>" in html
    assert "/de/kim/was-ist-kim/" in html
    assert "Neue Sprechzeiten" in html
    assert 'href="/ar/"' in html
    assert "/de/kim/start/" not in html  # the home text is not listed as a topic


def test_home_page_slug_redirects_to_home(client, make_page):
    make_page("start", de=("Willkommen", "Text."))
    assert client.get("/de/kim/start/")["Location"] == "/de/"
