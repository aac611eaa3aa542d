"""The consent form as PDF in six languages, Arabic shaped and right to left; the PDF helper fetches nothing."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from kim.accounts.models import OrganisationKind, Role
from kim.clients import consent_forms
from kim.clients.consent import consent_form_pdf
from kim.clients.models import ConsentPurpose
from kim.core.models import AuditEvent
from kim.core.pdf import BASE_URL, _static_path, render_pdf
from tests.consent.factories import client_with_case, make_consent
from tests.factories import OrganisationFactory

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def jobcenter(db):
    return OrganisationFactory(name="Jobcenter Oberhausen", kind=OrganisationKind.JOB_CENTRE)


@pytest.mark.parametrize("language", consent_forms.FORM_LANGUAGES)
def test_form_pdf_in_each_language(cm, jobcenter, actor_for, language):
    person = client_with_case(cm, given_names="Amal", family_name="Haddad")
    consent = make_consent(
        person,
        cm.user,
        recipient=jobcenter,
        data_categories=["master_data", "health"],
        form_language=language,
    )
    pdf = consent_form_pdf(actor=actor_for(cm), consent=consent)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    texts = consent_forms.texts(consent.form_version, language)
    assert consent_forms.CURRENT_VERSION in text
    assert "Amal Haddad" in text
    assert "Jobcenter Oberhausen" in text
    assert "14.03.1988" in text
    # The title of the form in the client's language (words may wrap across lines).
    assert texts["title"].split()[0] in text
    if language != "de":  # every translation names the German text as the binding one
        assert "rechtlich maßgeblich" in " ".join(text.split())
    event = AuditEvent.objects.get(action="clients.consent.form_pdf")
    assert event.details["form_language"] == language


def test_arabic_form_is_shaped_and_in_logical_order(cm, jobcenter, actor_for):
    person = client_with_case(cm, given_names="Amal", family_name="Haddad", name_original_script="أمل حداد")
    consent = make_consent(person, cm.user, recipient=jobcenter, form_language="ar")
    text = _text(consent_form_pdf(actor=actor_for(cm), consent=consent))
    assert len(ARABIC_LETTER.findall(text)) > 500
    # pypdf gives WeasyPrint's Arabic back in logical order and as base letters (the PDF maps the shaped
    # glyphs to their characters): whole words of the form are found as they were written.
    for word in ("الموافقة", "البيانات", "التوقيعات", "الشخصية", "حداد"):
        assert word in text, word
    assert not PRESENTATION_FORMS.search(text)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_arabic_form_renders_to_an_image(cm, jobcenter, actor_for, tmp_path):
    person = client_with_case(cm)
    consent = make_consent(person, cm.user, recipient=jobcenter, form_language="ar")
    (tmp_path / "form.pdf").write_bytes(consent_form_pdf(actor=actor_for(cm), consent=consent))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "form.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 10_000


def test_contact_consent_form_has_no_recipient(cm, actor_for):
    person = client_with_case(cm)
    consent = make_consent(
        person,
        cm.user,
        purpose=ConsentPurpose.CONTACT_EMAIL,
        recipient=None,
        data_categories=[],
        form_language="en",
    )
    text = _text(consent_form_pdf(actor=actor_for(cm), consent=consent))
    assert "Contact by e-mail" in text
    assert "Recipient" not in text


def test_render_pdf_fetches_only_static_files(settings, tmp_path):
    assert _static_path(BASE_URL + "static/kim/pdf.css").endswith("kim/pdf.css")
    for url in (
        "https://example.org/static/kim/pdf.css",
        BASE_URL + "static/../settings.py",
        BASE_URL + "media/consents/secret.pdf",
        "file:///etc/passwd",
        BASE_URL + "static/kim/does-not-exist.css",
    ):
        assert _static_path(url) is None, url


def test_render_pdf_refuses_remote_resources(monkeypatch, db):
    """An image from the network is left out; no request is made."""
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    from django.template import engines

    template = engines["django"].from_string(
        '{% extends "pdf/base.html" %}{% block title %}Test{% endblock %}'
        '{% block content %}<h1>Seite</h1><img src="https://example.org/tracker.png" alt="">'
        '<img src="/media/x.png" alt="">{% endblock %}'
    )
    monkeypatch.setattr("kim.core.pdf.render_to_string", lambda name, context: template.render(context))
    pdf = render_pdf("ignored.html", {}, language="de")
    assert "Seite" in _text(pdf)


def test_render_pdf_sets_language_and_direction(monkeypatch, db):
    captured = {}

    def fake_render(name, context):
        captured.update(context)
        from django.template.loader import render_to_string

        return render_to_string(name, context)

    monkeypatch.setattr("kim.core.pdf.render_to_string", fake_render)
    render_pdf("pdf/base.html", {}, language="ar")
    assert captured["pdf_language"] == "ar" and captured["pdf_direction"] == "rtl"
    render_pdf("pdf/base.html", {}, language="uk")
    assert captured["pdf_direction"] == "ltr"
