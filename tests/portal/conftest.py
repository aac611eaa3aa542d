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
            actor=editor, item=item, language=language, title=title, body=body, meta_description=meta,
            action=action, based_on=based_on,
        )

    return run


@pytest.fixture
def make_page(editor, publish):
    """make_page(slug, de=(title, body), **{lang: (title, body)}) → a published page."""

    def make(slug="seite", de=("Seite", "Deutscher Text."), parent=None, **translations):
        page = services.create_item(actor=editor, kind=PAGE, title=de[0], settings={"slug": slug, "parent": parent})
        publish(page, "de", *de)
        for language, (title, body) in translations.items():
            publish(page, language, title, body)
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def category(editor):
    return services.save_faq_category(
        actor=editor, names={"de": "Aufenthalt", "ar": "الإقامة", "en": "Residence"}, slug="aufenthalt"
    )


@pytest.fixture
def make_faq(editor, publish, category):
    def make(slug, de, cat: FAQCategory | None = None, **translations):
        faq = services.create_item(
            actor=editor, kind=FAQ_KIND, title=de[0], settings={"slug": slug, "category": cat or category}
        )
        publish(faq, "de", *de)
        for language, (title, body) in translations.items():
            publish(faq, language, title, body)
        faq.refresh_from_db()
        return faq

    return make


@pytest.fixture
def make_news(editor, publish):
    def make(slug, de, date, kind="news", **translations):
        news = services.create_item(actor=editor, kind=NEWS, title=de[0], settings={"slug": slug, "date": date, "kind": kind})
        publish(news, "de", *de)
        for language, (title, body) in translations.items():
            publish(news, language, title, body)
        news.refresh_from_db()
        return news

    return make


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def make_download(editor, publish):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(slug="vereinbarung", de=("Vereinbarung", "Die Vereinbarung."), content=PDF_BYTES, **translations):
        download = services.create_item(actor=editor, kind=DOWNLOAD, title=de[0], settings={"slug": slug})
        services.upload_download_file(
            actor=editor, download=download, uploaded_file=SimpleUploadedFile("v.pdf", content, "application/pdf")
        )
        publish(download, "de", *de)
        for language, (title, body) in translations.items():
            publish(download, language, title, body)
        download.refresh_from_db()
        return download

    return make
