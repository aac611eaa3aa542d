"""The back office under /verwaltung/portal/: create, edit side by side, publish, minor edit, preview,
withdraw, offline, move, categories; bad input keeps the input and changes nothing."""

import pytest
from django.utils.translation import gettext

from kim.portal.models import FAQCategory, Page, PageTranslation


@pytest.fixture
def page(make_page):
    return make_page("kim", de=("Was ist KIM?", "Erste Fassung."), en=("What is KIM?", "First version."))


def row(page, language):
    return PageTranslation.objects.get(item=page, language=language)


def test_overview_shows_matrix_and_counts(editor_client, page, publish):
    publish(page, "de", "Was ist KIM?", "Zweite Fassung.")
    html = editor_client.get("/verwaltung/portal/").content.decode()
    assert "Was ist KIM?" in html
    assert "tstatus--outdated" in html and "tstatus--missing" in html
    assert f'href="/verwaltung/portal/seiten/{page.pk}/en/"' in html
    filtered = editor_client.get(
        "/verwaltung/portal/", {"status": "outdated", "sprache": "en"}
    ).content.decode()
    assert "Was ist KIM?" in filtered
    none = editor_client.get("/verwaltung/portal/", {"status": "outdated", "sprache": "tr"}).content.decode()
    assert f"/verwaltung/portal/seiten/{page.pk}/tr/" not in none


def test_create_then_publish_german(editor_client, db):
    response = editor_client.post(
        "/verwaltung/portal/seiten/neu/", {"title": "Neue Seite", "in_navigation": "on"}
    )
    page = Page.objects.get(slug="neue-seite")
    assert response["Location"] == f"/verwaltung/portal/seiten/{page.pk}/de/"
    assert not page.is_published
    form = editor_client.get(response["Location"]).content.decode()
    assert 'value="Neue Seite"' in form
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/de/",
        {
            "title": "Neue Seite",
            "body": "Der Text.",
            "meta_description": "",
            "version": row(page, "de").version,
            "action": "publish",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.is_published and row(page, "de").content_revision == 1
    assert editor_client.get("/de/kim/neue-seite/").status_code == 200


def test_publish_without_text_keeps_the_input(editor_client, db):
    editor_client.post("/verwaltung/portal/seiten/neu/", {"title": "Leer"})
    page = Page.objects.get(slug="leer")
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/de/",
        {"title": "Leerer Titel", "body": "", "version": row(page, "de").version, "action": "publish"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Leerer Titel"' in html
    assert gettext("Enter the text before publishing.") in html
    page.refresh_from_db()
    assert not page.is_published and row(page, "de").draft_title == "Leer"


def test_translation_form_shows_german_beside_and_the_diff_when_outdated(editor_client, page, publish):
    publish(page, "de", "Was ist KIM?", "Zweite Fassung mit Dolmetschern.")
    html = editor_client.get(f"/verwaltung/portal/seiten/{page.pk}/en/").content.decode()
    assert "portal-translate__source" in html and "Zweite Fassung mit Dolmetschern." in html
    assert "<del>Erste</del>" in html and "<ins>Zweite</ins>" in html
    assert 'name="based_on" value="2"' in html
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/en/",
        {
            "title": "What is KIM?",
            "body": "Second version with interpreters.",
            "based_on": "2",
            "version": row(page, "en").version,
            "action": "publish",
        },
    )
    assert response.status_code == 302
    assert row(page, "en").source_revision == 2


def test_minor_edit_button(editor_client, page):
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/de/",
        {
            "title": "Was ist KIM?",
            "body": "Erste Fassung!",
            "version": row(page, "de").version,
            "action": "minor",
        },
    )
    assert response.status_code == 302
    assert row(page, "de").content_revision == 1 and row(page, "de").body == "Erste Fassung!"


def test_enter_key_saves_a_draft(editor_client, page):
    editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/de/",
        {"title": "Was ist KIM?", "body": "Entwurf", "version": row(page, "de").version},
    )
    assert row(page, "de").has_draft and row(page, "de").body == "Erste Fassung."


def test_stale_save_is_refused_and_the_input_kept(editor_client, page, publish):
    version = row(page, "en").version
    publish(page, "en", "What is KIM?", "Someone else's text.", action="draft", based_on=1)
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/en/",
        {
            "title": "What is KIM?",
            "body": "My text.",
            "based_on": "1",
            "version": version,
            "action": "publish",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "My text." in html and "Someone else&#x27;s text." in html
    assert row(page, "en").body == "First version."
    assert f'name="version" value="{row(page, "en").version}"' in html  # a second save goes through


def test_translation_of_unpublished_german_is_refused(editor_client, db):
    editor_client.post("/verwaltung/portal/seiten/neu/", {"title": "Ohne Text"})
    page = Page.objects.get(slug="ohne-text")
    response = editor_client.get(f"/verwaltung/portal/seiten/{page.pk}/ar/")
    assert response.status_code == 302


def test_withdraw_visibility_and_move(editor_client, page, make_page):
    make_page("zweite", de=("Zweite", "Text."))
    assert editor_client.post(f"/verwaltung/portal/seiten/{page.pk}/en/zurueckziehen/").status_code == 302
    assert not row(page, "en").is_public
    editor_client.post(f"/verwaltung/portal/seiten/{page.pk}/sichtbarkeit/", {"public": "0"})
    page.refresh_from_db()
    assert not page.is_published
    editor_client.post(f"/verwaltung/portal/seiten/{page.pk}/sichtbarkeit/", {"public": "1"})
    page.refresh_from_db()
    assert page.is_published
    editor_client.post(f"/verwaltung/portal/seiten/{page.pk}/verschieben/", {"direction": "down"})
    assert list(Page.objects.order_by("position").values_list("slug", flat=True)) == ["zweite", "kim"]
    assert editor_client.get(f"/verwaltung/portal/seiten/{page.pk}/en/zurueckziehen/").status_code == 405


def test_settings_form(editor_client, page, make_page):
    parent = make_page("eltern", de=("Eltern", "Text."))
    response = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/",
        {
            "slug": "was-ist-kim",
            "parent": parent.pk,
            "in_navigation": "on",
            "position": "3",
            "version": page.version,
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.slug, page.parent, page.position) == ("was-ist-kim", parent, 3)
    taken = editor_client.post(
        f"/verwaltung/portal/seiten/{page.pk}/", {"slug": "eltern", "version": page.version, "position": "3"}
    )
    assert taken.status_code == 200 and 'value="eltern"' in taken.content.decode()
    page.refresh_from_db()
    assert page.slug == "was-ist-kim"


def test_categories(editor_client, db):
    response = editor_client.post("/verwaltung/portal/fragen-themen/", {"name_de": "", "name_ar": "الإقامة"})
    assert response.status_code == 200 and 'value="الإقامة"' in response.content.decode()
    assert not FAQCategory.objects.exists()
    editor_client.post("/verwaltung/portal/fragen-themen/", {"name_de": "Aufenthalt", "name_ar": "الإقامة"})
    category = FAQCategory.objects.get()
    assert category.slug == "aufenthalt" and category.names == {"de": "Aufenthalt", "ar": "الإقامة"}
    editor_client.post(
        f"/verwaltung/portal/fragen-themen/{category.pk}/", {"name_de": "Aufenthalt", "name_tr": "Oturum"}
    )
    category.refresh_from_db()
    assert category.names == {"de": "Aufenthalt", "tr": "Oturum"}


def test_create_faq_needs_a_category(editor_client, category):
    from kim.portal.models import FAQ

    for data in ({"title": "Frage?"}, {"title": "Frage?", "category": "999"}):
        response = editor_client.post("/verwaltung/portal/fragen/neu/", data)
        assert response.status_code == 200 and 'value="Frage?"' in response.content.decode()
    assert not FAQ.objects.exists()
    response = editor_client.post(
        "/verwaltung/portal/fragen/neu/", {"title": "Frage?", "category": category.pk}
    )
    assert response.status_code == 302
    assert FAQ.objects.get().category == category


def test_unknown_kind_and_language_are_not_found(editor_client, page):
    assert editor_client.get("/verwaltung/portal/unsinn/neu/").status_code == 404
    assert editor_client.get(f"/verwaltung/portal/seiten/{page.pk}/xx/").status_code == 404
    assert editor_client.get("/verwaltung/portal/seiten/999999/").status_code == 404
