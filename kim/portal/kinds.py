"""The four kinds of translatable content, so that drafts, publishing, status and the back office are one
code path for pages, questions, news and downloads."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kim.portal.models import (
    FAQ,
    Download,
    DownloadRevision,
    DownloadTranslation,
    FAQRevision,
    FAQTranslation,
    NewsItem,
    NewsRevision,
    NewsTranslation,
    Page,
    PageRevision,
    PageTranslation,
)


@dataclass(frozen=True)
class ContentKind:
    key: str  # URL segment in the back office and audit name
    model: type
    translation_model: type
    revision_model: type
    label: str
    label_plural: str
    title_label: str
    body_label: str
    body_required: bool = True
    orderable: bool = True

    @property
    def audit_name(self) -> str:
        return f"portal.{self.model._meta.model_name}"


PAGE = ContentKind(
    "seiten", Page, PageTranslation, PageRevision, _("Page"), _("Pages"), _("Title"), _("Text")
)
FAQ_KIND = ContentKind(
    "fragen",
    FAQ,
    FAQTranslation,
    FAQRevision,
    _("Question"),
    _("Questions and answers"),
    _("Question"),
    pgettext_lazy("FAQ field", "Answer"),
)
NEWS = ContentKind(
    "meldungen",
    NewsItem,
    NewsTranslation,
    NewsRevision,
    _("News item"),
    _("News and press releases"),
    _("Headline"),
    _("Text"),
    orderable=False,
)
DOWNLOAD = ContentKind(
    "downloads",
    Download,
    DownloadTranslation,
    DownloadRevision,
    pgettext_lazy("portal content kind", "Download"),
    _("Downloads"),
    _("Title"),
    _("Description"),
    body_required=False,
)

KINDS: dict[str, ContentKind] = {kind.key: kind for kind in (PAGE, FAQ_KIND, NEWS, DOWNLOAD)}


def kind_for_key(key: str) -> ContentKind:
    try:
        return KINDS[key]
    except KeyError:
        raise Http404 from None


def kind_of(item) -> ContentKind:
    return next(kind for kind in KINDS.values() if isinstance(item, kind.model))
