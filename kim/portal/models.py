"""Portal content: pages, FAQs (with categories), news and press releases, downloads.

Every content item has one translation row per language (German is the source, ``language="de"``). A
translation row holds the *published* text and, separately, a *draft*; each publish is recorded as a
revision. The translation status is derived from two counters, never stored:

* the German row's ``content_revision`` counts the *significant* publishes of the German text – a publish
  that changes title, text or description and is not marked as a minor edit;
* every other row's ``source_revision`` is the German ``content_revision`` the translator worked against
  (sent with the form, so a German publish while the translator types is noticed).

A translation is *missing* (nothing published), *current* (``source_revision`` ≥ German
``content_revision``) or *outdated* (smaller). Saving a draft, a minor edit, reordering and moving touch
neither counter, so they never outdate anything.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kim.portal.languages import SOURCE_LANGUAGE


class TranslationStatus(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation status", "missing")
    CURRENT = "current", pgettext_lazy("translation status", "current")
    OUTDATED = "outdated", pgettext_lazy("translation status", "outdated")


class ContentGeneration(models.Model):
    """One row: a counter bumped in the same transaction as every change the public pages show.

    Cached public pages are keyed by it (kim.portal.cache), so a publish makes every process's cached copy
    unreachable at once, whichever cache backend (per-process memory or shared) holds it.
    """

    value = models.BigIntegerField(default=1)


class TranslatableItem(models.Model):
    """What all content kinds share: whether it is public, and bookkeeping."""

    is_published = models.BooleanField(_("public"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        source = self.source
        return (
            source.title if source and source.title else source.draft_title if source else ""
        ) or f"#{self.pk}"

    def translation(self, language: str):
        """The row for ``language`` (None if there is none); uses prefetched rows when present."""
        cache = getattr(self, "_prefetched_objects_cache", {}).get("translations")
        rows = cache if cache is not None else self.translations.all()
        return next((row for row in rows if row.language == language), None)

    @property
    def source(self):
        return self.translation(SOURCE_LANGUAGE)


class Translation(models.Model):
    """One language of one item: the published text, the draft, and the revision counters."""

    language = models.CharField(_("language"), max_length=16)
    # Published text (what visitors see)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    meta_description = models.CharField(_("description for search engines"), max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: German row: number of significant publishes. Other rows: unused (0).
    content_revision = models.PositiveIntegerField(default=0)
    #: Other rows: German content_revision the published translation was made against. German row: unused.
    source_revision = models.PositiveIntegerField(default=0)
    # Draft (seen only by editors, in the form and the preview)
    draft_title = models.CharField(max_length=200, blank=True)
    draft_body = models.TextField(blank=True)
    draft_meta_description = models.CharField(max_length=300, blank=True)
    draft_source_revision = models.PositiveIntegerField(default=0)
    has_draft = models.BooleanField(default=False)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    draft_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.title or self.draft_title} [{self.language}]"

    @property
    def is_source(self) -> bool:
        return self.language == SOURCE_LANGUAGE

    @property
    def is_public(self) -> bool:
        return self.published_at is not None and bool(self.title)


class Revision(models.Model):
    """Append-only history of a translation row: every publish (and every saved draft)."""

    class Kind(models.TextChoices):
        DRAFT = "draft", _("draft saved")
        PUBLISH = "publish", _("published")
        MINOR = "minor", _("published as minor edit")
        WITHDRAW = "withdraw", _("withdrawn")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    meta_description = models.CharField(max_length=300, blank=True)
    content_revision = models.PositiveIntegerField(default=0)
    source_revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


# Pages ------------------------------------------------------------------------------------------------------


class Page(TranslatableItem):
    """A content page such as "What is KIM?". The URL slug is the same in every language."""

    slug = models.SlugField(_("address (slug)"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent page"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    in_navigation = models.BooleanField(_("shown in the overview of pages"), default=True)

    class Meta:
        ordering = ["position", "id"]


class PageTranslation(Translation):
    item = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="portal_page_translation_unique")
        ]


class PageRevision(Revision):
    translation = models.ForeignKey(PageTranslation, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass


# FAQs -------------------------------------------------------------------------------------------------------


class FAQCategory(models.Model):
    """A group of questions, e.g. "Residence". Names per language in ``names`` ({code: name})."""

    slug = models.SlugField(_("address (slug)"), max_length=60, unique=True)
    names = models.JSONField(_("names"), default=dict)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name(SOURCE_LANGUAGE)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get(SOURCE_LANGUAGE) or self.slug


class FAQ(TranslatableItem):
    """A question with its answer (title = question, body = answer)."""

    category = models.ForeignKey(
        FAQCategory, on_delete=models.PROTECT, related_name="faqs", verbose_name=_("category")
    )
    slug = models.SlugField(_("address (slug)"), max_length=60, unique=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["category__position", "position", "id"]
        verbose_name = _("question")


class FAQTranslation(Translation):
    item = models.ForeignKey(FAQ, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="portal_faq_translation_unique")
        ]


class FAQRevision(Revision):
    translation = models.ForeignKey(FAQTranslation, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass


# News and press releases ------------------------------------------------------------------------------------


class NewsItem(TranslatableItem):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS = "press", _("Press release")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    slug = models.SlugField(_("address (slug)"), max_length=80, unique=True)
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["-date", "-id"]


class NewsTranslation(Translation):
    item = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="portal_news_translation_unique")
        ]


class NewsRevision(Revision):
    translation = models.ForeignKey(NewsTranslation, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass


# Downloads --------------------------------------------------------------------------------------------------


class Download(TranslatableItem):
    """An uploaded document (PDF only), e.g. the cooperation agreement. Title and description translated;
    the file itself is in ``file_language``."""

    slug = models.SlugField(_("address (slug)"), max_length=60, unique=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    file = models.FileField(upload_to="portal/", blank=True)
    file_language = models.CharField(_("language of the document"), max_length=16, default=SOURCE_LANGUAGE)
    size = models.PositiveIntegerField(default=0)
    original_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["position", "id"]


class DownloadTranslation(Translation):
    item = models.ForeignKey(Download, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="portal_download_translation_unique")
        ]


class DownloadRevision(Revision):
    translation = models.ForeignKey(DownloadTranslation, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass
