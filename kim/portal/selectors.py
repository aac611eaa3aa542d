"""Every read of portal content: what visitors see (published, in their language or German with a note),
what editors see (drafts, previews, the translation status overview)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from kim.core.scoping import Actor, get_or_404
from kim.portal.kinds import FAQ_KIND, KINDS, ContentKind
from kim.portal.languages import SOURCE_LANGUAGE, get_public_language, translation_languages
from kim.portal.markup import plain_text
from kim.portal.models import FAQ, Download, FAQCategory, NewsItem, Page, TranslationStatus
from kim.portal.services import require_editor

# Status -----------------------------------------------------------------------------------------------------


def translation_status(source, row) -> str:
    """missing / current / outdated of one translation row against the German row."""
    if row is None or not row.is_public or source is None or source.content_revision < 1:
        return TranslationStatus.MISSING
    if row.source_revision >= source.content_revision:
        return TranslationStatus.CURRENT
    return TranslationStatus.OUTDATED


def item_status(item, language: str) -> str:
    return translation_status(item.translation(SOURCE_LANGUAGE), item.translation(language))


# What visitors see ------------------------------------------------------------------------------------------


@dataclass
class Localized:
    """An item as shown in one language: its own translation, or German with ``is_fallback``."""

    item: object
    title: str
    body: str
    meta_description: str
    language: str  # code of the text shown
    requested: str  # code of the page language
    is_fallback: bool
    available_languages: list[str] = field(default_factory=list)

    @property
    def html_lang(self) -> str:
        return get_public_language(self.language).html_lang

    @property
    def direction(self) -> str:
        return get_public_language(self.language).direction

    @property
    def summary(self) -> str:
        text = self.meta_description or plain_text(self.body)
        return text if len(text) <= 180 else text[:177].rsplit(" ", 1)[0] + " …"


def localize(item, language: str, *, draft: bool = False) -> Localized | None:
    """``item`` in ``language``; German when there is no published translation. ``draft``: the editor's
    preview – the draft where one exists. None if there is nothing to show."""
    available = [
        row.language
        for row in item.translations.all()
        if row.is_public and (row.language == SOURCE_LANGUAGE or item.is_published)
    ]
    for code in (language, SOURCE_LANGUAGE):
        row = item.translation(code)
        if row is None:
            continue
        if draft and row.has_draft:
            title, body, meta = row.draft_title, row.draft_body, row.draft_meta_description
        elif row.is_public:
            title, body, meta = row.title, row.body, row.meta_description
        else:
            continue
        return Localized(item, title, body, meta, code, language, code != language, available)
    return None


def _public(model):
    return model.objects.filter(is_published=True).prefetch_related("translations")


def _localize_all(items, language: str) -> list[Localized]:
    return [entry for entry in (localize(item, language) for item in items) if entry is not None]


def public_pages(language: str) -> list[Localized]:
    """Published top-level pages of the overview, in order."""
    return _localize_all(_public(Page).filter(parent__isnull=True, in_navigation=True), language)


def public_page(slug: str, language: str) -> tuple[Localized, list[Localized]]:
    """A published page and its published sub-pages; 404 if it is not public."""
    page = get_or_404(_public(Page), slug=slug)
    entry = localize(page, language)
    if entry is None:
        raise Http404
    children = _localize_all(_public(Page).filter(parent=page), language)
    return entry, children


def public_page_or_none(slug: str, language: str) -> Localized | None:
    page = _public(Page).filter(slug=slug).first()
    return localize(page, language) if page else None


def page_parents(page: Page) -> list[Page]:
    parents, seen = [], set()
    while page.parent_id and page.parent_id not in seen:
        seen.add(page.parent_id)
        page = page.parent
        parents.insert(0, page)
    return parents


# FAQ --------------------------------------------------------------------------------------------------------

_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        "ۀ": "ه",
        "ە": "ه",
        "ß": "ss",
        "ı": "i",
        "İ": "i",
        "’": "'",
        "\u2010": "-",  # hyphen and non-breaking hyphen (NFKC makes U+2011 a U+2010)
        "ʼ": "'",
    }
)


def normalise_for_search(text: str) -> str:
    """Case- and accent-insensitive text for search in every public language: Latin diacritics dropped
    (ü → u, ç → c, ş → s, î → i), Arabic/Farsi letters unified (hamza forms of alif, alif maqsura and
    Farsi ye → ya, taa marbuta → ha, Arabic/Farsi kaf), tashkeel and tatweel removed."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_FOLD)
    text = _ARABIC_DIACRITICS.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not (unicodedata.combining(ch) and ord(ch) < 0x0600))
    return unicodedata.normalize("NFC", text)


def search_terms(query: str) -> list[str]:
    return [term for term in normalise_for_search(query).split() if term][:10]


@dataclass
class FAQGroup:
    category: FAQCategory
    name: str
    entries: list[Localized]


def public_faq_categories(language: str) -> list[tuple[FAQCategory, str]]:
    categories = FAQCategory.objects.filter(faqs__is_published=True).distinct().order_by("position", "id")
    return [(category, category.name(language)) for category in categories]


def public_faqs(language: str, *, query: str = "", category: str = "") -> list[FAQGroup]:
    """Published questions grouped by category, filtered by a search (every word must occur in the
    question or answer as shown – the translation, or German where there is none) and/or a category slug.
    Searching in Python over the few published questions works alike on SQLite and PostgreSQL and for
    every script (SQLite's LIKE folds ASCII only)."""
    faqs = _public(FAQ).select_related("category")
    if category:
        faqs = faqs.filter(category__slug=category)
    terms = search_terms(query)
    groups: dict[int, FAQGroup] = {}
    for entry in _localize_all(faqs, language):
        if terms:
            haystack = normalise_for_search(f"{entry.title} {plain_text(entry.body)}")
            if not all(term in haystack for term in terms):
                continue
        category_obj = entry.item.category
        group = groups.setdefault(category_obj.pk, FAQGroup(category_obj, category_obj.name(language), []))
        group.entries.append(entry)
    return sorted(groups.values(), key=lambda group: (group.category.position, group.category.pk))


# News -------------------------------------------------------------------------------------------------------


def news_years() -> list[int]:
    return sorted(
        {d.year for d in NewsItem.objects.filter(is_published=True).values_list("date", flat=True)},
        reverse=True,
    )


def public_news(language: str, *, year: int | None = None, kind: str = "", limit: int | None = None):
    items = _public(NewsItem)
    if year is not None:
        items = items.filter(date__year=year)
    if kind:
        items = items.filter(kind=kind)
    if limit:
        items = items[:limit]
    return _localize_all(items, language)


def public_news_item(year: int, slug: str, language: str) -> Localized:
    item = get_or_404(_public(NewsItem), slug=slug, date__year=year)
    entry = localize(item, language)
    if entry is None:
        raise Http404
    return entry


# Downloads --------------------------------------------------------------------------------------------------


def public_downloads(language: str) -> list[Localized]:
    return [entry for entry in _localize_all(_public(Download), language) if entry.item.file]


def public_download(slug: str) -> Download:
    download = get_or_404(Download.objects.filter(is_published=True), slug=slug)
    if not download.file:
        raise Http404
    return download


# Sitemap ----------------------------------------------------------------------------------------------------


def sitemap_items() -> dict[str, list]:
    """Published pages and news with their translations (for sitemap.xml)."""
    return {"pages": list(_public(Page)), "news": list(_public(NewsItem))}


# What editors see -------------------------------------------------------------------------------------------


@dataclass
class OverviewRow:
    kind: ContentKind
    item: object
    title: str
    cells: list[dict]  # one per translation language: {"language", "status", "has_draft"}
    has_source_draft: bool
    source_public: bool


def _editor_items(kind: ContentKind):
    queryset = kind.model.objects.prefetch_related(
        Prefetch("translations", queryset=kind.translation_model.objects.all())
    )
    if kind is FAQ_KIND:
        queryset = queryset.select_related("category")
    return queryset


def editor_items(*, actor: Actor, kind: ContentKind):
    require_editor(actor)
    return _editor_items(kind)


def editor_item(*, actor: Actor, kind: ContentKind, pk) -> object:
    require_editor(actor)
    return get_or_404(_editor_items(kind), pk=pk)


def editor_category(*, actor: Actor, pk) -> FAQCategory:
    require_editor(actor)
    return get_or_404(FAQCategory.objects.all(), pk=pk)


def translation_overview(*, actor: Actor, kind_key: str = "", status: str = "", language: str = "") -> dict:
    """The item × language matrix with each cell's status, plus counts of missing and outdated per language.
    ``kind_key``, ``status`` and ``language`` narrow the rows (a row stays when any shown cell matches)."""
    require_editor(actor)
    languages = list(translation_languages())
    if language:
        languages = [lang for lang in languages if lang.code == language] or languages
    counts = {lang.code: Counter() for lang in languages}
    rows = []
    for kind in KINDS.values():
        if kind_key and kind.key != kind_key:
            continue
        for item in _editor_items(kind):
            source = item.translation(SOURCE_LANGUAGE)
            cells = []
            for lang in languages:
                row = item.translation(lang.code)
                state = translation_status(source, row)
                counts[lang.code][state] += 1
                cells.append({"language": lang, "status": state, "has_draft": bool(row and row.has_draft)})
            if status and not any(cell["status"] == status for cell in cells):
                continue
            rows.append(
                OverviewRow(
                    kind,
                    item,
                    str(item),
                    cells,
                    bool(source and source.has_draft),
                    bool(source and source.is_public),
                )
            )
    language_counts = [
        {"language": lang, **{state: counts[lang.code][state] for state in TranslationStatus.values}}
        for lang in languages
    ]
    return {"languages": languages, "rows": rows, "counts": counts, "language_counts": language_counts}


def german_revision_text(item, revision: int):
    """The German text as it was published at ``content_revision`` (the latest publish with that number),
    or None."""
    source = item.translation(SOURCE_LANGUAGE)
    if source is None or revision < 1:
        return None
    return (
        source.revisions.filter(kind__in=("publish", "minor"), content_revision=revision)
        .order_by("-created_at", "-id")
        .first()
    )


def revision_history(row, limit: int = 15):
    return list(row.revisions.select_related("created_by")[:limit]) if row is not None else []
