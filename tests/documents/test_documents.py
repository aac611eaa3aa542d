"""Documents: type from the content, size limit, random storage names, scoped and audited downloads."""

import os
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse

from kim.accounts.models import Role
from kim.cases import documents
from kim.cases.models import CaseShare, Document, DocumentCategory
from kim.clients.models import DataCategory
from kim.core.models import AuditEvent
from tests.referrals.factories import jpeg_bytes, make_case, make_consent, make_document, pdf_bytes, png_bytes


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English message ids; German is checked by tests/core/test_i18n.py."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def owner(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def case(owner):
    return make_case(owner, number="2026-00101")


def _stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# sniff_upload ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [(pdf_bytes, "application/pdf"), (png_bytes, "image/png"), (jpeg_bytes, "image/jpeg")],
)
def test_sniff_accepts_real_files_whatever_their_name(content, expected):
    upload = SimpleUploadedFile("scan.txt", content(), content_type="text/plain")
    assert documents.sniff_upload(upload) == expected
    assert upload.tell() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", b"Sehr geehrte Damen und Herren,\n" * 10),  # text renamed .pdf
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),  # Windows executable
        ("bild.png", b"\x89PNG\r\n\x1a\n" + os.urandom(300)),  # PNG header followed by garbage
        ("foto.jpg", b"\xff\xd8\xff\xe0" + os.urandom(300)),  # JPEG header followed by garbage
        ("halb.pdf", pdf_bytes()[:60]),  # truncated PDF
        ("leer.pdf", b""),
    ],
)
def test_sniff_refuses_what_is_not_what_it_claims(name, content):
    with pytest.raises(ValidationError):
        documents.sniff_upload(SimpleUploadedFile(name, content, content_type="application/pdf"))


def test_sniff_refuses_large_files_by_size_before_reading():
    class Huge:
        size = 11 * 1024 * 1024
        name = "gross.pdf"

        def read(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("read before the size check")

        seek = read

    with pytest.raises(ValidationError) as caught:
        documents.sniff_upload(Huge())
    assert caught.value.code == "file_size"


# Upload ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("Bescheid.pdf", pdf_bytes, "application/pdf"), ("pass.png", png_bytes, "image/png"), ("zeugnis.jpeg", jpeg_bytes, "image/jpeg")],
)
def test_upload_stores_under_a_random_name_and_is_audited(owner, actor_for, case, settings, name, content, content_type):
    upload = SimpleUploadedFile(name, content(), content_type="application/octet-stream")
    document = documents.document_upload(
        actor=actor_for(owner), case=case, category=DocumentCategory.AUTHORITY_LETTERS, title="", uploaded_file=upload
    )
    assert document.content_type == content_type
    assert document.title == name
    stored = os.path.basename(document.file.name)
    assert name.split(".")[0] not in stored
    assert len(_stored_files(settings)) == 1
    event = AuditEvent.objects.get(action="cases.document.upload")
    assert event.details["content_type"] == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", b"Nur Text, kein PDF.\n" * 20),
        ("programm.exe", b"MZ\x90\x00" + b"\x00" * 500),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 100),
    ],
)
def test_upload_refuses_wrong_content_and_stores_nothing(owner, actor_for, case, settings, name, content):
    with pytest.raises(ValidationError) as caught:
        documents.document_upload(
            actor=actor_for(owner), case=case, category=DocumentCategory.OTHER, title="x",
            uploaded_file=SimpleUploadedFile(name, content),
        )
    assert "file" in caught.value.error_dict
    assert Document.objects.count() == 0
    assert _stored_files(settings) == []


def test_upload_refuses_11_megabytes_and_stores_nothing(owner, actor_for, case, settings):
    upload = TemporaryUploadedFile("gross.pdf", "application/pdf", 0, None)
    upload.write(b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024) + b"\n%%EOF\n")
    upload.size = upload.tell()
    upload.seek(0)
    with pytest.raises(ValidationError) as caught:
        documents.document_upload(
            actor=actor_for(owner), case=case, category=DocumentCategory.OTHER, title="", uploaded_file=upload
        )
    assert "10 MB" in caught.value.error_dict["file"][0].messages[0]
    assert Document.objects.count() == 0
    assert _stored_files(settings) == []


def test_only_case_workers_upload(make_member, actor_for, case):
    with pytest.raises(PermissionDenied):
        documents.document_upload(
            actor=actor_for(make_member(Role.CASE_MANAGER)), case=case, category=DocumentCategory.OTHER,
            uploaded_file=SimpleUploadedFile("a.pdf", pdf_bytes()),
        )


def test_upload_view_accepts_a_pdf(owner, client_for, case):
    response = client_for(owner).post(
        reverse("documents:document_upload", kwargs={"case_pk": case.pk}),
        {"category": DocumentCategory.CERTIFICATES, "title": "Zeugnis", "file": SimpleUploadedFile("z.pdf", pdf_bytes())},
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Zeugnis"


def test_upload_view_refuses_with_a_message_keeps_input_and_stores_nothing(owner, client_for, case, settings):
    response = client_for(owner).post(
        reverse("documents:document_upload", kwargs={"case_pk": case.pk}),
        {"category": DocumentCategory.CERTIFICATES, "title": "Mein Titel", "file": SimpleUploadedFile("x.pdf", b"hello")},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content and "PDF, JPEG or PNG" in content
    assert 'value="Mein Titel"' in content
    assert Document.objects.count() == 0
    assert _stored_files(settings) == []


# Download ----------------------------------------------------------------------------------------------


def test_download_in_scope_only_and_every_download_audited(owner, make_member, client_for, case, other_welfare):
    document = make_document(case)
    url = reverse("documents:document_download", kwargs={"pk": document.pk})
    response = client_for(owner).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_for(make_member(Role.TEAM_LEAD)).get(url).status_code == 200
    assert client_for(make_member(Role.CASE_MANAGER)).get(url).status_code == 404  # colleague, not the owner
    assert client_for(make_member(Role.TEAM_LEAD, organisation=other_welfare)).get(url).status_code == 404
    assert client_for(make_member(Role.CASE_MANAGER, organisation=other_welfare)).get(url).status_code == 404
    assert client_for(make_member(Role.COORDINATOR)).get(url).status_code in (403, 404)
    assert client_for(make_member(Role.ADMIN_ASSISTANT)).get(url).status_code in (403, 404)
    assert client_for(make_member(Role.SYSTEM_ADMIN)).get(url).status_code in (403, 404)
    assert AuditEvent.objects.filter(action="cases.document.download", object_id=str(document.pk)).count() == 2


def test_download_of_an_unknown_id_is_404(owner, client_for):
    assert client_for(owner).get(reverse("documents:document_download", kwargs={"pk": 999999})).status_code == 404


def test_authority_sees_documents_only_when_the_shared_consent_covers_them(
    owner, make_member, client_for, actor_for, case, authority
):
    letter = make_document(case, category=DocumentCategory.AUTHORITY_LETTERS)
    health = make_document(case, category=DocumentCategory.HEALTH, title="Attest")
    officer = make_member(Role.AUTHORITY_STAFF, organisation=authority)
    consent = make_consent(case.client, authority, categories=(DataCategory.MASTER_DATA, DataCategory.RESIDENCE))
    CaseShare.objects.create(case=case, organisation=authority, consent=consent, created_by=owner.user)
    url = reverse("documents:document_download", kwargs={"pk": letter.pk})
    assert client_for(officer).get(url).status_code == 404
    consent.data_categories = [DataCategory.MASTER_DATA, DataCategory.DOCUMENTS]
    consent.save()
    assert client_for(officer).get(url).status_code == 200
    assert list(documents.documents_for_case(actor=actor_for(officer), case=case)) == [letter]
    assert client_for(officer).get(reverse("documents:document_download", kwargs={"pk": health.pk})).status_code == 404
