"""Documents of a case: upload (PDF, JPEG, PNG up to 10 MB, type decided from the content), list and download.

Files are stored under a random name; the user's file name only becomes the default title. Every upload and
every download is audited. Who sees a case's documents: its case manager and the team lead of its
organisation; staff of an organisation the case is shared with only when the consent of that share covers
documents (and, for health documents, health data).
"""

from __future__ import annotations

import os
import secrets
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kim.accounts.models import Role
from kim.cases.models import Case, CaseShare, Document, DocumentCategory
from kim.cases.services import require_case_worker
from kim.core.audit import audit_log
from kim.core.scoping import Actor

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)


def _not_accepted() -> ValidationError:
    return ValidationError(
        _("This file is not a PDF, JPEG or PNG file (checked from its content, not its name). Upload one of these."),
        code="file_type",
    )


def sniff_upload(uploaded_file, *, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """The content type of an upload, decided from its content: application/pdf, image/jpeg or image/png.

    Refuses (ValidationError) anything else, files over ``max_bytes`` (before reading them), empty files,
    PDFs without an end-of-file marker, and images that Pillow cannot open and verify. The file position
    is back at the start afterwards. Reusable for any upload (consent scans, documents).
    """
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Upload a smaller file, e.g. scanned with a lower resolution.")
            % {"limit": max_bytes // (1024 * 1024)},
            code="file_size",
        )
    if not size:
        raise ValidationError(_("The file is empty."), code="file_empty")
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    content_type = next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)
    if content_type is None:
        raise _not_accepted()
    if content_type == PDF:
        _check_pdf_end(uploaded_file, size)
    else:
        _verify_image(uploaded_file, content_type)
    uploaded_file.seek(0)
    return content_type


def _check_pdf_end(uploaded_file, size: int) -> None:
    tail_length = min(size, 8192)
    uploaded_file.seek(size - tail_length)
    tail = uploaded_file.read(tail_length)
    uploaded_file.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(
            _("This PDF file is incomplete or damaged. Save or scan it again and upload the new file."),
            code="file_damaged",
        )


def _verify_image(uploaded_file, content_type: str) -> None:
    from PIL import Image

    try:
        with Image.open(uploaded_file) as image:
            image_format = image.format
            image.verify()
    except Exception:  # noqa: BLE001 – any decoder error means the image is damaged or not an image
        uploaded_file.seek(0)
        raise ValidationError(
            _("This image file is damaged or not really an image. Save or scan it again and upload the new file."),
            code="file_damaged",
        )
    uploaded_file.seek(0)
    if {"JPEG": JPEG, "PNG": PNG}.get(image_format) != content_type:
        raise _not_accepted()


def _clean_title(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return base[:200]


# Services -----------------------------------------------------------------------------------------------


@transaction.atomic
def document_upload(*, actor: Actor, case: Case, category: str, title: str = "", uploaded_file) -> Document:
    """Store an upload in the case. Refused with a message and nothing stored: wrong type (from the
    content), over 10 MB, empty, damaged."""
    require_case_worker(actor, case)
    errors = {}
    if category not in DocumentCategory.values:
        errors["category"] = _("Choose a category.")
    if uploaded_file is None:
        errors["file"] = _("Choose a file to upload.")
    if errors:
        raise ValidationError(errors)
    try:
        content_type = sniff_upload(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages})
    title = (title or "").strip()[:200] or _clean_title(getattr(uploaded_file, "name", "")) or _("Document")
    document = Document(
        case=case,
        category=category,
        title=title,
        content_type=content_type,
        size=uploaded_file.size,
        uploaded_by=actor.user,
    )
    stored_name = secrets.token_hex(16) + EXTENSIONS[content_type]
    document.file.save(stored_name, uploaded_file, save=False)
    try:
        document.save()
        audit_log(
            actor=actor,
            action="cases.document.upload",
            obj=document,
            object_label=f"{case.number}: {title}"[:300],
            details={"case": case.pk, "category": category, "content_type": content_type, "size": document.size},
        )
    except Exception:
        document.file.delete(save=False)
        raise
    return document


def _shared_categories(actor: Actor, case: Case) -> set[str] | None:
    """None when the actor works on the case; else the data categories of the consent of the share."""
    if actor.role in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        return None
    if actor.role != Role.AUTHORITY_STAFF:
        return set()
    today = timezone.localdate()
    share = (
        CaseShare.objects.filter(case=case, organisation_id=actor.organisation_id, revoked_at__isnull=True)
        .select_related("consent")
        .first()
    )
    if share is None or not share.consent.is_valid_on(today):
        return set()
    return set(share.consent.data_categories)


def _visible(actor: Actor, case: Case) -> QuerySet[Document]:
    from kim.clients.models import DataCategory

    qs = Document.objects.filter(case=case, case__in=Case.objects.for_actor(actor))
    categories = _shared_categories(actor, case)
    if categories is None:
        return qs
    if DataCategory.DOCUMENTS not in categories:
        return qs.none()
    if DataCategory.HEALTH not in categories:
        qs = qs.exclude(category=DocumentCategory.HEALTH)
    return qs


def documents_for_case(*, actor: Actor, case: Case) -> QuerySet[Document]:
    return _visible(actor, case).select_related("uploaded_by").order_by("-uploaded_at", "-id")


def document_get(*, actor: Actor, pk: int) -> Document:
    """One document through the scope of its case: anything outside answers 404."""
    from kim.cases.selectors import case_get

    document = Document.objects.filter(pk=pk).only("id", "case_id").first()
    if document is None:
        raise Http404
    case = case_get(actor=actor, pk=document.case_id)
    try:
        return _visible(actor, case).select_related("case").get(pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None


def _download_name(document: Document) -> str:
    extension = EXTENSIONS.get(document.content_type, "")
    name = _clean_title(document.title).replace("/", "-") or "document"
    if extension and not name.lower().endswith((extension, ".jpeg" if extension == ".jpg" else extension)):
        name += extension
    return name


def document_download(*, actor: Actor, document: Document) -> FileResponse:
    """Stream the file as an attachment with its stored type; every download is audited."""
    from kim.cases.selectors import case_get

    case = case_get(actor=actor, pk=document.case_id)  # the scope again, whoever passed the document in
    if not _visible(actor, case).filter(pk=document.pk).exists():
        raise Http404
    if actor.membership is None:
        raise PermissionDenied
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit_log(
        actor=actor,
        action="cases.document.download",
        obj=document,
        object_label=f"{case.number}: {document.title}"[:300],
        details={"case": case.pk, "category": document.category},
    )
    response = FileResponse(handle, as_attachment=True, filename=_download_name(document), content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
