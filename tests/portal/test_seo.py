"""Findability: titles, descriptions, canonical links, hreflang alternates, sitemap.xml and robots.txt."""

import re
import xml.etree.ElementTree as ET

import pytest

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def page(make_page, publish):
    page = make_page(
        "bausteine",
        de=("Drei Bausteine", "Text."),
        en=("Three building blocks", "Text."),
        ar=("ثلاثة محاور", "نص."),
        einfach=("KIM hat 3 Teile", "Text."),
    )
    publish(page, "de", "Drei Bausteine", "Text.", meta="Koordination, Case Management und Behörden.")
    publish(
        page, "en", "Three building blocks", "Text.", meta="Coordination and case management.", based_on=2
    )
    return page


def test_title_description_canonical(client, page, settings):
    settings.KIM_BASE_URL = "https://kim.oberhausen.example"
    html = client.get("/en/kim/bausteine/").content.decode()
    assert "<title>Three building blocks – KIM Oberhausen</title>" in html
    assert '<meta name="description" content="Coordination and case management.">' in html
    assert '<link rel="canonical" href="https://kim.oberhausen.example/en/kim/bausteine/">' in html


def test_hreflang_lists_only_real_translations_plus_x_default(client, page, settings):
    settings.KIM_BASE_URL = "https://kim.example"
    html = client.get("/de/kim/bausteine/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "de": "https://kim.example/de/kim/bausteine/",
        "en": "https://kim.example/en/kim/bausteine/",
        "ar": "https://kim.example/ar/kim/bausteine/",
        "x-default": "https://kim.example/de/kim/bausteine/",
    }  # Einfache Sprache is German for search engines: no tag of its own


def test_fallback_page_names_the_german_page_as_canonical(client, page, settings):
    settings.KIM_BASE_URL = "https://kim.example"
    html = client.get("/tr/kim/bausteine/").content.decode()
    assert '<link rel="canonical" href="https://kim.example/de/kim/bausteine/">' in html


def test_sitemap_lists_pages_in_their_languages_with_alternates(client, page, settings):
    settings.KIM_BASE_URL = "https://kim.example"
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap in a test
    urls = {u.find("s:loc", SITEMAP_NS).text: u for u in root.findall("s:url", SITEMAP_NS)}
    for code in ("de", "en", "ar", "einfach"):
        assert f"https://kim.example/{code}/kim/bausteine/" in urls
    assert "https://kim.example/tr/kim/bausteine/" not in urls  # German fallback only
    links = {
        link.get("hreflang"): link.get("href")
        for link in urls["https://kim.example/ar/kim/bausteine/"].findall("x:link", SITEMAP_NS)
    }
    assert links["x-default"] == "https://kim.example/de/kim/bausteine/"
    assert set(links) == {"de", "en", "ar", "x-default"}
    for code in ("de", "tr", "ku", "fa"):  # sections exist in every language
        assert f"https://kim.example/{code}/fragen/" in urls
        assert f"https://kim.example/{code}/" in urls


def test_sitemap_leaves_out_offline_content(client, page, editor):
    from kim.portal import services

    services.set_item_public(actor=editor, item=page, public=False)
    assert b"/kim/bausteine/" not in client.get("/sitemap.xml").content


def test_robots_allows_the_portal_and_disallows_staff_paths(client, db, settings):
    settings.KIM_BASE_URL = "https://kim.example"
    text = client.get("/robots.txt").content.decode()
    lines = text.splitlines()
    for code in ("de", "einfach", "ar", "fa", "ku"):
        assert f"Allow: /{code}/" in lines
    for prefix in ("/verwaltung/", "/faelle/", "/klienten/", "/accounts/", "/django-admin/", "/anfragen/"):
        assert f"Disallow: {prefix}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: https://kim.example/sitemap.xml" in lines
