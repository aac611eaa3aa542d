"""News and press releases with a yearly archive."""

import datetime

import pytest


@pytest.fixture
def news(make_news):
    make_news(
        "alt",
        ("Kooperationsvereinbarung unterzeichnet", "Text 2023."),
        datetime.date(2023, 5, 3),
        kind="press",
        en=("Cooperation agreement signed", "Text 2023."),
    )
    make_news("neu", ("Chancen-Aufenthaltsrecht endet", "Text 2025."), datetime.date(2025, 12, 15))
    make_news("neuer", ("Seite in elf Sprachen", "Text 2026."), datetime.date(2026, 9, 1))


def test_list_newest_first_with_archive_years(client, news):
    html = client.get("/de/aktuelles/").content.decode()
    assert (
        html.index("Seite in elf Sprachen")
        < html.index("Chancen-Aufenthaltsrecht endet")
        < html.index("Kooperationsvereinbarung unterzeichnet")
    )
    for year in (2026, 2025, 2023):
        assert f'href="/de/aktuelles/{year}/"' in html
    assert "Press release" in html or "Pressemitteilung" in html


def test_year_archive(client, news):
    html = client.get("/de/aktuelles/2025/").content.decode()
    assert "Chancen-Aufenthaltsrecht endet" in html
    assert "Seite in elf Sprachen" not in html
    assert client.get("/de/aktuelles/2019/").status_code == 404


def test_detail_in_language_and_fallback(client, news):
    html = client.get("/en/aktuelles/2023/alt/").content.decode()
    assert "<h1>Cooperation agreement signed</h1>" in html
    assert 'datetime="2023-05-03"' in html
    fallback = client.get("/ar/aktuelles/2025/neu/").content.decode()
    assert 'class="portal-note"' in fallback and "Chancen-Aufenthaltsrecht endet" in fallback
    assert client.get("/de/aktuelles/2024/alt/").status_code == 404  # wrong year


def test_offline_news_disappears(client, news, editor):
    from kim.portal import services
    from kim.portal.models import NewsItem

    services.set_item_public(actor=editor, item=NewsItem.objects.get(slug="neu"), public=False)
    assert client.get("/de/aktuelles/2025/neu/").status_code == 404
    assert client.get("/de/aktuelles/2025/").status_code == 404
    assert "Chancen-Aufenthaltsrecht endet" not in client.get("/de/aktuelles/").content.decode()
