"""The flyer as PDF in every public language, generated from the "flyer" page; Arabic and Farsi shaped."""

import io
import re

import pytest
from pypdf import PdfReader

from kim.portal.demo import seed_portal_content
from kim.portal.flyer import render_flyer
from kim.portal.languages import public_language_codes
from tests.portal.conftest import central_contact_point

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u067E\u0686\u06A9\u06AF\u06CC]")
PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def seeded(city):
    central_contact_point(city)
    seed_portal_content()


def test_flyer_in_every_public_language(seeded):
    for code in public_language_codes():
        pdf = render_flyer(code)
        assert pdf.startswith(b"%PDF-"), code
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.metadata.title.startswith("KIM"), code
        text = " ".join(text_of(pdf).split())
        assert "0208 825-0" in text, code


@pytest.mark.parametrize(
    "language, words",
    [
        ("ar", ["الاستشارة", "مجانية", "أوبرهاوزن", "الإقامة"]),
        ("fa", ["مشاوره", "رایگان", "اوبرهاوزن"]),
    ],
)
def test_right_to_left_flyers_contain_shaped_text_in_logical_order(seeded, language, words):
    pdf = render_flyer(language)
    text = text_of(pdf)
    assert len(ARABIC_LETTER.findall(text)) > 300
    # pypdf maps WeasyPrint's shaped glyphs back to the base letters in logical order: whole words are found.
    for word in words:
        assert word in text, word
    assert not PRESENTATION_FORMS.search(text)


def test_cyrillic_and_latin_flyers(seeded):
    assert "Коммунальный менеджмент интеграции" in " ".join(text_of(render_flyer("ru")).split())
    assert "Kurmancî" in text_of(render_flyer("ku")) or "Rêveberiya" in text_of(render_flyer("ku"))


def test_flyer_download_view(client, seeded):
    response = client.get("/ar/downloads/flyer.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="kim-flyer-ar.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "public, max-age=60"


def test_flyer_without_translation_redirects_to_german(client, seeded, settings):
    settings.KIM_PUBLIC_LANGUAGES = [*public_language_codes()]
    from kim.portal.models import PageTranslation

    PageTranslation.objects.filter(item__slug="flyer", language="bg").delete()
    from kim.portal.cache import bump_generation

    bump_generation()
    response = client.get("/bg/downloads/flyer.pdf")
    assert response.status_code == 302 and response["Location"] == "/de/downloads/flyer.pdf"
    html = client.get("/bg/downloads/").content.decode()
    assert 'href="/bg/downloads/flyer.pdf"' not in html
    assert 'href="/ar/downloads/flyer.pdf"' in html


def test_downloads_page_lists_the_flyer_in_all_languages(client, seeded):
    html = client.get("/de/downloads/").content.decode()
    for code in public_language_codes():
        assert f'href="/{code}/downloads/flyer.pdf"' in html


def test_pdf_styles_are_found_under_their_hashed_production_name(settings, tmp_path):
    """In production {% static %} names the hashed copy in STATIC_ROOT (manifest storage); kim.core.pdf must
    still load it – otherwise every PDF (flyer, consent form) would print without its styles."""
    from kim.core.pdf import BASE_URL, _static_path

    (tmp_path / "kim").mkdir()
    (tmp_path / "kim" / "pdf.0123abcd.css").write_text("body { margin: 0 }")
    settings.STATIC_ROOT = tmp_path
    assert _static_path(BASE_URL + "static/kim/pdf.0123abcd.css") == str(
        tmp_path / "kim" / "pdf.0123abcd.css"
    )
    assert _static_path(BASE_URL + "static/kim/nothing.0123abcd.css") is None
