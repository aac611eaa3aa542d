"""Signed scans: real PDF/PNG/JPEG accepted; anything else refused with a message and nothing stored."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from kim.accounts.models import Role
from kim.clients.consent import MAX_SCAN_BYTES, consent_attach_scan
from kim.core.models import AuditEvent
from tests.consent.factories import client_with_case, make_consent


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def consent(cm, authority):
    return make_consent(client_with_case(cm), cm.user, recipient=authority)


def _image(kind: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 220, 240)).save(buffer, kind)
    return buffer.getvalue()


def _real_pdf() -> bytes:
    from kim.core.pdf import render_pdf

    return render_pdf("pdf/base.html", {}, language="de")


def _media_files(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(("kind", "extension"), [("pdf", "pdf"), ("PNG", "png"), ("JPEG", "jpg")])
def test_real_files_are_accepted(cm, consent, actor_for, settings, kind, extension):
    content = _real_pdf() if kind == "pdf" else _image(kind)
    upload = SimpleUploadedFile(f"Unterschrift Frau Haddad.{extension}", content)
    consent_attach_scan(actor=actor_for(cm), consent=consent, upload=upload)
    consent.refresh_from_db()
    assert consent.signed_scan.name.endswith(f".{extension}")
    assert "Haddad" not in consent.signed_scan.name  # the client's name is not in the stored file name
    assert consent.signed_scan.read() == content
    event = AuditEvent.objects.get(action="clients.consent.scan_upload")
    assert event.details["size"] == len(content)


def test_type_comes_from_the_content_not_the_name(cm, consent, actor_for):
    upload = SimpleUploadedFile("scan.pdf", _image("PNG"), content_type="application/pdf")
    consent_attach_scan(actor=actor_for(cm), consent=consent, upload=upload)
    consent.refresh_from_db()
    assert consent.signed_scan.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "scan.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 500,
            "Only PDF, JPEG or PNG",
        ),  # renamed .exe
        (
            "scan.pdf",
            "Einwilligung unterschrieben – Amal Haddad".encode(),
            "Only PDF, JPEG or PNG",
        ),  # text file
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 50, "damaged"),  # PNG header, no image
        ("scan.jpg", _image("JPEG")[:-200], "damaged"),  # cut off
        ("scan.pdf", b"%PDF-1.7\n" + b"0" * 500, "incomplete"),  # PDF without end
        ("scan.gif", b"GIF89a" + b"\x00" * 100, "Only PDF, JPEG or PNG"),
        ("scan.pdf", b"", "empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    cm, consent, actor_for, settings, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as caught:
        consent_attach_scan(actor=actor_for(cm), consent=consent, upload=upload)
    assert message in caught.value.message_dict["scan"][0]
    consent.refresh_from_db()
    assert not consent.signed_scan
    assert _media_files(settings) == []
    assert not AuditEvent.objects.filter(action="clients.consent.scan_upload").exists()


def test_oversized_file_is_refused(cm, consent, actor_for, settings):
    content = _real_pdf()
    padding = b"%" + b"0" * (MAX_SCAN_BYTES + 10 - len(content))
    upload = SimpleUploadedFile("big.pdf", content[:-6] + padding + b"\n%%EOF\n")
    with pytest.raises(ValidationError) as caught:
        consent_attach_scan(actor=actor_for(cm), consent=consent, upload=upload)
    assert "larger than 10.0\xa0MB" in caught.value.message_dict["scan"][0]
    assert _media_files(settings) == []


def test_a_new_scan_replaces_the_old_file(
    cm, consent, actor_for, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consent_attach_scan(
            actor=actor_for(cm), consent=consent, upload=SimpleUploadedFile("a.png", _image("PNG"))
        )
    with django_capture_on_commit_callbacks(execute=True):
        consent_attach_scan(
            actor=actor_for(cm), consent=consent, upload=SimpleUploadedFile("b.jpg", _image("JPEG"))
        )
    files = _media_files(settings)
    assert len(files) == 1 and files[0].suffix == ".jpg"


def test_upload_needs_scope(make_member, other_welfare, consent, actor_for, settings):
    stranger = make_member(Role.TEAM_LEAD, organisation=other_welfare)
    with pytest.raises(PermissionDenied):
        consent_attach_scan(
            actor=actor_for(stranger), consent=consent, upload=SimpleUploadedFile("a.png", _image("PNG"))
        )
    assert _media_files(settings) == []
