"""Demo content of the public portal (called by ``kim seed-demo``). Idempotent: existing items and
translations are never changed, only missing ones are added.

The demo shows every translation state: most texts are current; the Turkish "zustaendigkeiten" page was
translated from the first German version and is outdated since the German text was revised; news from
2026 exists only in German and English, so the other languages show German with a note.
"""

from __future__ import annotations

import importlib
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.portal.cache import bump_generation
from kim.portal.languages import SOURCE_LANGUAGE, public_language_codes
from kim.portal.models import FAQ, Download, FAQCategory, NewsItem, Page, Revision

CONTENT_LANGUAGES = ["de", "einfach", "en", "ar", "tr", "uk", "ru", "bg", "ro", "fa", "ku"]

# slug, parent slug, position, in the overview of pages
PAGE_TREE = [
    ("start", None, 0, False),
    ("was-ist-kim", None, 10, True),
    ("bausteine", None, 20, True),
    ("traeger", None, 30, True),
    ("zielgruppe", None, 40, True),
    ("zustaendigkeiten", None, 50, True),
    ("kooperation", "traeger", 10, True),
    ("flyer", None, 90, False),
]
CATEGORY_ORDER = ["beratung", "aufenthalt"]
# slug, category
FAQ_ORDER = [
    ("kosten", "beratung"),
    ("wer-kann-kommen", "beratung"),
    ("sprachen", "beratung"),
    ("termin", "beratung"),
    ("daten", "beratung"),
    ("chancen-beantragen", "aufenthalt"),
    ("chancen-inhaber", "aufenthalt"),
    ("paragraf-25b", "aufenthalt"),
    ("paragraf-25a", "aufenthalt"),
    ("wer-entscheidet", "aufenthalt"),
]
# slug, kind, date
NEWS_ORDER = [
    ("kooperationsvereinbarung-unterzeichnet", NewsItem.Kind.PRESS, date(2023, 5, 3)),
    ("chancen-aufenthaltsrecht-endet", NewsItem.Kind.NEWS, date(2025, 12, 15)),
    ("internetseite-elf-sprachen", NewsItem.Kind.NEWS, date(2026, 9, 1)),
]
#: Translations made from the first German version of a page (they show as outdated).
MADE_FROM_FIRST_VERSION = {("zustaendigkeiten", "tr")}


def _texts():
    modules = {}
    for code in CONTENT_LANGUAGES:
        if code in public_language_codes():
            modules[code] = importlib.import_module(f"kim.portal.demo_content.{code.replace('-', '_')}")
    return modules


def _publish(row, title, body, meta, *, content_revision=0, source_revision=0, when=None):
    row.title, row.body, row.meta_description = title, body, meta
    row.published_at = when or timezone.now()
    row.content_revision, row.source_revision = content_revision, source_revision
    row.save()
    row.revisions.create(
        kind=Revision.Kind.PUBLISH,
        title=title,
        body=body,
        meta_description=meta,
        content_revision=content_revision,
        source_revision=source_revision,
    )


def _add_translations(item, texts: dict, key: str, slug: str, counts: dict, *, first_versions=None) -> None:
    """Publish the German text (in two versions where ``first_versions`` has one) and every translation
    that is missing. Only rows that do not exist yet are written."""
    existing = {row.language for row in item.translations.all()}
    german = texts[SOURCE_LANGUAGE]
    source = item.translations.filter(language=SOURCE_LANGUAGE).first()
    if source is None:
        source = item.translations.create(language=SOURCE_LANGUAGE)
        first = (first_versions or {}).get(slug)
        if first:
            _publish(source, *_fields(first), content_revision=1)
            _publish(source, *_fields(getattr(german, key)[slug]), content_revision=2)
        else:
            _publish(source, *_fields(getattr(german, key)[slug]), content_revision=1)
        counts["translations"] += 1
    for code, module in texts.items():
        if code == SOURCE_LANGUAGE or code in existing:
            continue
        entry = getattr(module, key, {}).get(slug)
        if entry is None:
            continue
        revision = 1 if (slug, code) in MADE_FROM_FIRST_VERSION else source.content_revision
        row = item.translations.create(language=code)
        _publish(row, *_fields(entry), source_revision=revision)
        counts["translations"] += 1
    if not item.is_published:
        item.is_published = True
        item.save(update_fields=["is_published"])


def _fields(entry: tuple) -> tuple[str, str, str]:
    """(title, body, meta) from a content tuple: pages have (title, meta, body), others (title, body)."""
    if len(entry) == 3:
        title, meta, body = entry
        return title, body, meta
    title, body = entry
    return title, body, ""


def _agreement_pdf() -> bytes:
    from kim.core.pdf import render_pdf

    return render_pdf("portal/demo_agreement_pdf.html", {}, language="de")


@transaction.atomic
def seed_portal_content() -> dict:
    """Create the demo pages, FAQs, news and downloads that do not exist yet. Returns the counts."""
    texts = _texts()
    german = texts[SOURCE_LANGUAGE]
    counts = {"items": 0, "translations": 0}

    pages = {}
    for slug, parent_slug, position, in_navigation in PAGE_TREE:
        page, created = Page.objects.get_or_create(
            slug=slug,
            defaults={"parent": pages.get(parent_slug), "position": position, "in_navigation": in_navigation},
        )
        pages[slug] = page
        counts["items"] += created
        _add_translations(page, texts, "PAGES", slug, counts, first_versions=german.PAGES_FIRST_VERSION)

    categories = {}
    for position, slug in enumerate(CATEGORY_ORDER, start=1):
        names = {
            code: module.CATEGORIES[slug]
            for code, module in texts.items()
            if slug in getattr(module, "CATEGORIES", {})
        }
        category, created = FAQCategory.objects.get_or_create(
            slug=slug, defaults={"names": names, "position": position * 10}
        )
        if not created:
            missing = {code: name for code, name in names.items() if code not in category.names}
            if missing:
                category.names = {**category.names, **missing}
                category.save(update_fields=["names"])
        categories[slug] = category

    for position, (slug, category_slug) in enumerate(FAQ_ORDER, start=1):
        faq, created = FAQ.objects.get_or_create(
            slug=slug, defaults={"category": categories[category_slug], "position": position * 10}
        )
        counts["items"] += created
        _add_translations(faq, texts, "FAQS", slug, counts)

    for slug, kind, day in NEWS_ORDER:
        news, created = NewsItem.objects.get_or_create(slug=slug, defaults={"kind": kind, "date": day})
        counts["items"] += created
        _add_translations(news, texts, "NEWS", slug, counts)

    download, created = Download.objects.get_or_create(
        slug="kooperationsvereinbarung", defaults={"position": 10}
    )
    counts["items"] += created
    if not download.file:
        content = _agreement_pdf()
        download.file.save("kooperationsvereinbarung-demo.pdf", ContentFile(content), save=False)
        download.size, download.original_name = len(content), "Kooperationsvereinbarung KIM Oberhausen.pdf"
        download.save()
    _add_translations(download, texts, "DOWNLOADS", "kooperationsvereinbarung", counts)

    if counts["items"] or counts["translations"]:
        bump_generation()
        audit_log(actor=Actor.system(), system="seed-demo", action="portal.seed_demo", details=counts)
    return counts
