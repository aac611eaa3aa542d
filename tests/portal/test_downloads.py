"""Downloads: uploads are PDF only (decided from the content), size-limited, nothing stored on refusal;
public serving of published documents only."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kim.portal import services
from kim.portal.kinds import DOWNLOAD
from kim.portal.models import Download
from tests.portal.conftest import PDF_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def download(editor):
    return services.create_item(
        actor=editor, kind=DOWNLOAD, title="Vereinbarung", settings={"slug": "vereinbarung"}
    )


def test_pdf_upload_is_stored_under_a_random_name(editor, download):
    services.upload_download_file(
        actor=editor, download=download, uploaded_file=SimpleUploadedFile("Vereinbarung final.pdf", PDF_BYTES)
    )
    download.refresh_from_db()
    assert download.file.name.startswith("portal/") and "Vereinbarung" not in download.file.name
    assert download.size == len(PDF_BYTES) and download.original_name == "Vereinbarung final.pdf"


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("bild.pdf", PNG, "file_type"),  # an image named .pdf
        ("skript.pdf", b"#!/bin/sh\necho hi\n", "file_type"),
        ("kaputt.pdf", b"%PDF-1.4\nno end marker", "file_damaged"),
        ("leer.pdf", b"", "file_empty"),
    ],
)
def test_refused_uploads_change_nothing(editor, download, name, content, code):
    with pytest.raises(ValidationError) as error:
        services.upload_download_file(
            actor=editor, download=download, uploaded_file=SimpleUploadedFile(name, content)
        )
    assert [e.code for e in error.value.error_dict["file"]] == [code]
    download.refresh_from_db()
    assert not download.file


def test_size_limit(editor, download, settings):
    big = SimpleUploadedFile(
        "gross.pdf", b"%PDF-1.4\n" + b"0" * (services.MAX_DOWNLOAD_BYTES + 1) + b"\n%%EOF"
    )
    with pytest.raises(ValidationError) as error:
        services.upload_download_file(actor=editor, download=download, uploaded_file=big)
    assert [e.code for e in error.value.error_dict["file"]] == ["file_size"]
    assert "10 MB" in " ".join(error.value.messages)
    download.refresh_from_db()
    assert not download.file


def test_public_download_and_list(client, make_download):
    make_download(en=("Agreement", "The agreement (in German)."))
    html = client.get("/en/downloads/").content.decode()
    assert "Agreement" in html and 'href="/en/downloads/vereinbarung/"' in html
    assert "Deutsch" in html  # the document's language
    response = client.get("/en/downloads/vereinbarung/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["X-Content-Type-Options"] == "nosniff"


def test_unpublished_or_fileless_downloads_are_not_served(client, editor, download, make_download):
    assert client.get("/de/downloads/vereinbarung/").status_code == 404  # no file, not published
    other = make_download(slug="zweite")
    services.set_item_public(actor=editor, item=other, public=False)
    assert client.get("/de/downloads/zweite/").status_code == 404
    assert "zweite" not in client.get("/de/downloads/").content.decode()


def test_upload_view_refuses_with_a_message(editor_client, download):
    response = editor_client.post(
        f"/verwaltung/portal/downloads/{download.pk}/datei/",
        {"file": SimpleUploadedFile("x.pdf", PNG)},
        follow=True,
    )
    from django.utils.translation import gettext

    assert gettext("Only PDF files can be offered for download.") in response.content.decode()
    assert not Download.objects.get(pk=download.pk).file
    response = editor_client.post(
        f"/verwaltung/portal/downloads/{download.pk}/datei/", {"file": SimpleUploadedFile("x.pdf", PDF_BYTES)}
    )
    assert response.status_code == 302
    assert Download.objects.get(pk=download.pk).file
