"""Public pages are cached under the content generation: served from the cache without content queries,
invalidated by every publish – also when the publish happens in another process."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kim.portal import cache as page_cache
from kim.portal import services
from kim.portal.models import ContentGeneration


@pytest.fixture
def page(make_page):
    return make_page("kim", de=("Was ist KIM?", "Erste Fassung."), en=("What is KIM?", "First version."))


def get(path):
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


def test_second_request_comes_from_the_cache_with_one_query(page):
    first, first_queries = get("/de/kim/kim/")
    second, second_queries = get("/de/kim/kim/")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first_queries > 1
    assert second_queries == 1  # only the generation counter
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["Content-Language"] == "de"


def test_publishing_invalidates(page, publish):
    get("/de/kim/kim/")
    publish(page, "de", "Was ist KIM?", "Zweite Fassung.")
    response, _queries = get("/de/kim/kim/")
    assert "Zweite Fassung." in response.content.decode()


def test_a_draft_does_not_change_the_generation(page, publish):
    before = page_cache.current_generation()
    publish(page, "de", "Was ist KIM?", "Entwurf.", action=services.DRAFT)
    assert page_cache.current_generation() == before


def test_change_by_another_process_is_seen(page):
    """Another process publishes: it changes the database and bumps the counter, but not our cache."""
    from kim.portal.models import PageTranslation

    get("/en/kim/kim/")
    PageTranslation.objects.filter(item=page, language="en").update(body="Changed elsewhere.")
    stale, _queries = get("/en/kim/kim/")
    assert "First version." in stale.content.decode()  # without a bump the cached copy is still used
    ContentGeneration.objects.filter(pk=1).update(value=ContentGeneration.objects.get(pk=1).value + 1)
    fresh, _queries = get("/en/kim/kim/")
    assert "Changed elsewhere." in fresh.content.decode()


def test_moving_a_page_invalidates_the_lists(make_page, editor):
    first = make_page("eins", de=("Eins", "Text."))
    make_page("zwei", de=("Zwei", "Text."))
    html = get("/de/kim/")[0].content.decode()
    assert html.index("Eins") < html.index("Zwei")
    services.move_item(actor=editor, item=first, direction="down")
    html = get("/de/kim/")[0].content.decode()
    assert html.index("Zwei") < html.index("Eins")


def test_query_strings_are_not_cached(page):
    get("/de/fragen/?q=eins")
    _response, queries = get("/de/fragen/?q=eins")
    assert queries > 1


def test_logged_in_staff_get_a_private_response(page, editor_client):
    editor_client.get("/de/kim/kim/")
    response = editor_client.get("/de/kim/kim/")
    assert response["Cache-Control"] == "private, max-age=0"


def test_not_found_is_not_cached(db):
    get("/de/kim/gibt-es-nicht/")
    response, queries = get("/de/kim/gibt-es-nicht/")
    assert response.status_code == 404 and queries > 1


def test_cache_keys_name_the_release_so_a_deployment_never_serves_old_pages(settings):
    from kim.portal import cache as portal_cache

    portal_cache.release.cache_clear()
    try:
        settings.KIM_RELEASE = "2026.11.1"
        old = portal_cache.key_for(7, "/de/")
        portal_cache.release.cache_clear()
        settings.KIM_RELEASE = "2026.11.2"
        assert portal_cache.key_for(7, "/de/") != old
        assert "2026.11.2" in portal_cache.key_for(7, "/de/")
        portal_cache.release.cache_clear()
        settings.KIM_RELEASE = ""
        fingerprint = portal_cache.release()
        assert len(fingerprint) == 12 and fingerprint == portal_cache.release()
    finally:
        portal_cache.release.cache_clear()
