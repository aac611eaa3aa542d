"""PDF documents from Django templates (WeasyPrint): consent forms, referral letters, summaries.

One function::

    from kim.core.pdf import render_pdf

    pdf_bytes = render_pdf("clients/consent_form_pdf.html", {"consent": consent}, language="ar")

* The template extends ``pdf/base.html`` and fills the blocks ``title`` (document title, also the PDF's
  metadata title), ``content`` and optionally ``footer`` (a short text printed at the foot of every page
  next to the page number, e.g. "Formularversion 2026-11"). Styles: ``kim/core/static/kim/pdf.css``
  (A4, page numbers "1 / 3", fonts); a template may add its own in ``{% block styles %}``.
* ``language`` sets ``lang`` and ``dir`` on the root element (``rtl`` for Arabic, Farsi, …) and activates
  that language while rendering, so ``{% translate %}`` and date filters follow it. The staff UI catalogues
  exist for de, en and ar only (others fall back to German): text the *client* reads in other languages must
  come from the caller (see kim.clients.consent_forms for how the consent form does it).
* Wrap names, numbers, dates and codes in ``<bdi>`` (``<bdi dir="ltr">`` for codes and numbers): WeasyPrint
  does not isolate ``<bdi>`` by itself, so :func:`isolate_bdi` adds the Unicode isolate marks that keep
  "Verband e.V." or "2026-11" intact inside right-to-left text.
* The template context gets ``pdf_language`` and ``pdf_direction``.
* Fonts are the system's (fontconfig): Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans
  (Debian: ``fonts-noto-core fonts-dejavu-core``). Arabic script is shaped by Pango/HarfBuzz.
* Nothing is fetched from the network: the URL fetcher serves only the app's own static files (via
  ``{% static %}``) and ``data:`` URLs and refuses everything else (the resource is then left out).
* Rendering takes a few hundred milliseconds per page; for large documents run it in a task
  (``django_tasks``), not in the request.

Views return the bytes with :func:`pdf_response`.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from kim.core.languages import is_rtl

logger = logging.getLogger(__name__)

#: Base URL documents are rendered under; it exists only to resolve ``{% static %}`` paths and is never
#: contacted (the host is in the reserved ``.invalid`` domain).
BASE_URL = "https://kim-pdf.invalid/"


class PdfResourceRefused(ValueError):
    """A document tried to load something that is not one of the app's own static files."""


def _static_path(url: str) -> str | None:
    """The local file for a URL under BASE_URL + STATIC_URL, or None."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not parts.path.startswith(static_prefix):
        return None
    relative = unquote(parts.path[len(static_prefix) :])
    if not relative or ".." in relative.split("/") or relative.startswith("/"):
        return None
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    if isinstance(found, list):  # pragma: no cover - find(all=False) returns one path
        found = found[0] if found else None
    if found is None:
        # In production {% static %} names the collected, hashed copy (pdf.1a2b3c.css), which only the
        # static files storage (STATIC_ROOT) has; the finders know the source names only.
        from django.contrib.staticfiles.storage import staticfiles_storage

        try:
            if staticfiles_storage.exists(relative):
                found = staticfiles_storage.path(relative)
        except (SuspiciousFileOperation, NotImplementedError):
            return None
    return found


def _url_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves ``data:`` URLs and the app's static files; refuses everything else."""

        def __init__(self):
            super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _static_path(url)
            if path is None:
                logger.warning("PDF: refused to fetch %s", url[:200])
                raise PdfResourceRefused(f"Only the platform's static files may be loaded, not {url[:200]}")
            mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            with open(path, "rb") as handle:
                body = handle.read()
            return URLFetcherResponse(url, body, {"Content-Type": mime_type})

    return StaticOnlyFetcher


_BDI_OPEN = re.compile(r"<bdi\b([^>]*)>", re.IGNORECASE)
_BDI_CLOSE = re.compile(r"</bdi\s*>", re.IGNORECASE)
_DIR_ATTRIBUTE = re.compile(r"""\bdir\s*=\s*["']?(ltr|rtl)""", re.IGNORECASE)
#: Unicode directional isolates: left-to-right, right-to-left, first-strong (auto), and the closing mark.
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def isolate_bdi(html: str) -> str:
    """Put Unicode isolate marks inside every ``<bdi>``: WeasyPrint does not isolate ``<bdi>`` (or
    ``unicode-bidi: isolate``) itself, so "Verband e.V." in an Arabic line would print as ".Verband e.V"
    and "2026-11" as "11-2026". With the marks, Pango's bidi algorithm keeps each value in one piece."""

    def opening(match: re.Match) -> str:
        direction = _DIR_ATTRIBUTE.search(match.group(1))
        mark = {"ltr": LRI, "rtl": RLI}.get(direction.group(1).lower(), FSI) if direction else FSI
        return match.group(0) + mark

    return _BDI_CLOSE.sub(lambda match: PDI + match.group(0), _BDI_OPEN.sub(opening, html))


def render_pdf(template_name: str, context: dict | None = None, *, language: str) -> bytes:
    """Render ``template_name`` (extending ``pdf/base.html``) in ``language`` and return the PDF bytes."""
    from weasyprint import HTML

    direction = "rtl" if is_rtl(language) else "ltr"
    full_context = {**(context or {}), "pdf_language": language, "pdf_direction": direction}
    with translation.override(language):
        html = render_to_string(template_name, full_context)
    html = isolate_bdi(html)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=_url_fetcher_class()())
    return document.write_pdf(pdf_tags=True)


def pdf_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """An HTTP response for PDF bytes: downloaded as ``filename`` (or shown inline), never cached."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    safe_name = "".join(c for c in filename if c.isalnum() or c in "-_.") or "document.pdf"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["Cache-Control"] = "no-store"
    return response
