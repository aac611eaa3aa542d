"""The small, safe text markup editors write portal texts in (no HTML: everything typed is escaped).

::

    ## Heading               ### Subheading
    A paragraph. A single line break stays a line break.

    - list item              1. numbered item
    **bold**                 [link text](https://example.org) · [link](mailto:kim@example.org) · [link](tel:+492088250)
    [link](page:traeger)     a page of the portal, in the reader's language
    [link](faq) [link](news) [link](downloads) [link](directory) [link](contact)   portal sections

Numbers with separators (dates, phone numbers) and paragraph signs ("§ 25a") are wrapped in
``<bdi dir="ltr">`` so they stay intact inside Arabic and Farsi text (also in the PDF, see kim.core.pdf).
Why not Markdown or HTML: no extra dependency, nothing to sanitise, and translators see a plain text whose
differences are easy to read.
"""

from __future__ import annotations

import re

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_SECTION_LINKS = {
    "faq": "portal:faq",
    "news": "portal:news",
    "downloads": "portal:downloads",
    "directory": "portal_directory:index",
    "contact": "portal_contact:index",
    "home": "portal:home",
}
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_LTR_RUN = re.compile(r"§{1,2}\s?\d+[a-z]?\b|\+\d+(?:[ ./-]\d+)+|\d+(?: \d+)*[./-]\d+(?:[ ./-]\d+)*")
_ORDERED = re.compile(r"^\d{1,3}[.)]\s+")
_BULLET = re.compile(r"^[-*]\s+")
_SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def resolve_link(target: str, language: str) -> str | None:
    """The href for a link target, or None when the target is not allowed (the text is kept, unlinked)."""
    if target.startswith(_SAFE_SCHEMES):
        return target
    try:
        if target.startswith("page:"):
            return reverse("portal:page", kwargs={"lang": language, "slug": target[5:]})
        if target in _SECTION_LINKS:
            return reverse(_SECTION_LINKS[target], kwargs={"lang": language})
    except NoReverseMatch:
        return None
    if target.startswith("/") and not target.startswith("//"):
        return target
    return None


def _isolate_numbers(text: str) -> str:
    """Wrap dates, phone numbers and "§ 25a" in ``<bdi dir="ltr">``; "§ 25a" also keeps together (no-break space)."""

    def wrap(match: re.Match) -> str:
        value = match.group(0)
        if value.startswith("§"):
            value = value.replace(" ", "\u00a0")
        return f'<bdi dir="ltr">{value}</bdi>'

    return _LTR_RUN.sub(wrap, text)


def isolate_plain(text: str) -> SafeString:
    """Escaped plain text with the number isolation of :func:`render_markup` (for teasers and summaries)."""
    return mark_safe(_isolate_numbers(escape(text or "")))  # noqa: S308 - escaped first


def _inline(text: str, language: str) -> str:
    """Escape ``text`` and apply bold, links and number isolation."""
    parts = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(
            _isolate_numbers(_BOLD.sub(r"<strong>\1</strong>", escape(text[position : match.start()])))
        )
        label = _BOLD.sub(r"<strong>\1</strong>", escape(match.group(1)))
        href = resolve_link(match.group(2), language)
        if href is None:
            parts.append(label)
        else:
            label = f'<bdi dir="ltr">{label}</bdi>' if href.startswith(("tel:", "mailto:")) else label
            parts.append(f'<a href="{escape(href)}">{label}</a>')
        position = match.end()
    parts.append(_isolate_numbers(_BOLD.sub(r"<strong>\1</strong>", escape(text[position:]))))
    return "".join(parts)


def render_markup(text: str, language: str = "de", *, heading_offset: int = 0) -> SafeString:
    """HTML for editor text. ``heading_offset`` shifts "##" (h2) down, e.g. 1 where the text sits under an h2."""
    blocks: list[str] = []
    list_kind: str | None = None
    items: list[str] = []
    paragraph: list[str] = []

    def close_paragraph():
        if paragraph:
            blocks.append("<p>" + "<br>".join(_inline(line, language) for line in paragraph) + "</p>")
            paragraph.clear()

    def close_list():
        nonlocal list_kind
        if list_kind:
            blocks.append(
                f"<{list_kind}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{list_kind}>"
            )
            items.clear()
            list_kind = None

    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close_paragraph()
            close_list()
            continue
        heading = re.match(r"^(#{2,3})\s+(.*)$", line)
        if heading:
            close_paragraph()
            close_list()
            level = min(6, len(heading.group(1)) + heading_offset)
            blocks.append(f"<h{level}>{_inline(heading.group(2), language)}</h{level}>")
            continue
        bullet, ordered = _BULLET.match(line), _ORDERED.match(line)
        if bullet or ordered:
            close_paragraph()
            kind = "ul" if bullet else "ol"
            if list_kind != kind:
                close_list()
                list_kind = kind
            items.append(_inline(line[(bullet or ordered).end() :], language))
            continue
        close_list()
        paragraph.append(line)
    close_paragraph()
    close_list()
    return mark_safe("\n".join(blocks))  # noqa: S308 - every piece of text went through escape()


def plain_text(text: str) -> str:
    """The markup as plain text (for meta descriptions, search and list teasers)."""
    text = _LINK.sub(r"\1", text or "")
    text = _BOLD.sub(r"\1", text)
    lines = [re.sub(r"^(#{2,3}|[-*]|\d{1,3}[.)])\s+", "", line.strip()) for line in text.splitlines()]
    return " ".join(line for line in lines if line)
