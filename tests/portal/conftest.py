"""Fixtures of the portal tests: an editor (coordinator), helpers to create and publish content."""

from __future__ import annotations

import pytest

from kim.accounts.models import Role
from kim.portal import services
from kim.portal.kinds import DOWNLOAD, FAQ_KIND, NEWS, PAGE
from kim.portal.models import FAQCategory


@pytest.fixture
def editor_member(make_member):
    return make_member(Role.COORDINATOR)


@pytest.fixture
def editor(editor_member, actor_for):
    return actor_for(editor_member)


@pytest.fixture
def editor_client(editor_member, client_for):
    return client_for(editor_member)


@pytest.fixture
def publish(editor):
    """publish(item, language, title, body, action="publish", based_on=None) → the translation row."""

    def run(item, language, title, body="Text.", *, action=services.PUBLISH, based_on=None, meta=""):
        item.refresh_from_db()
        return services.save_translation(
            actor=editor,
            item=item,
            language=language,
            title=title,
            body=body,
            meta_description=meta,
            action=action,
            based_on=based_on,
        )

    return run


@pytest.fixture
def make_item(editor, publish):
    """make_item(kind, settings, de=(title, body), **{lang: (title, body)}) → the item, German and the
    translations published."""

    def make(kind, settings, de, translations):
        item = services.create_item(actor=editor, kind=kind, title=de[0], settings=settings)
        publish(item, "de", *de)
        for language, (title, body) in translations.items():
            publish(item, language, title, body)
        item.refresh_from_db()
        return item

    return make


@pytest.fixture
def make_page(make_item):
    """make_page(slug, de=(title, body), parent=None, **{lang: (title, body)}) → a published page."""

    def make(slug="seite", de=("Seite", "Deutscher Text."), parent=None, **translations):
        return make_item(PAGE, {"slug": slug, "parent": parent}, de, translations)

    return make


@pytest.fixture
def category(editor):
    return services.save_faq_category(
        actor=editor, names={"de": "Aufenthalt", "ar": "الإقامة", "en": "Residence"}, slug="aufenthalt"
    )


@pytest.fixture
def make_faq(make_item, category):
    def make(slug, de, cat: FAQCategory | None = None, **translations):
        return make_item(FAQ_KIND, {"slug": slug, "category": cat or category}, de, translations)

    return make


@pytest.fixture
def make_news(make_item):
    def make(slug, de, date, kind="news", **translations):
        return make_item(NEWS, {"slug": slug, "date": date, "kind": kind}, de, translations)

    return make


def central_contact_point(organisation):
    """The central contact point the flyer prints (address, phone, e-mail)."""
    from kim.accounts.models import ContactPoint

    return ContactPoint.objects.create(
        organisation=organisation,
        name="KIM – zentrale Anlaufstelle",
        street="Mülheimer Straße 200",
        postcode="46045",
        phone="0208 825-0",
        email="kim@oberhausen.example",
        is_central=True,
    )


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def make_download(editor, publish):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(
        slug="vereinbarung", de=("Vereinbarung", "Die Vereinbarung."), content=PDF_BYTES, **translations
    ):
        download = services.create_item(actor=editor, kind=DOWNLOAD, title=de[0], settings={"slug": slug})
        services.upload_download_file(
            actor=editor,
            download=download,
            uploaded_file=SimpleUploadedFile("v.pdf", content, "application/pdf"),
        )
        publish(download, "de", *de)
        for language, (title, body) in translations.items():
            publish(download, language, title, body)
        download.refresh_from_db()
        return download

    return make
