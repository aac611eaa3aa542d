"""The editors' text markup: everything typed is escaped; headings, lists, bold, safe links; numbers isolated."""

import pytest

from kim.portal.diff import word_diff
from kim.portal.markup import plain_text, render_markup


def test_escapes_html():
    html = render_markup('<script>alert(1)</script> <img src=x onerror="y"> & "quotes"')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_blocks_and_inline():
    html = render_markup("## Titel\nZeile eins\nZeile zwei\n\n- **a**\n- b\n\n1. x\n2. y")
    assert html == (
        "<h2>Titel</h2>\n<p>Zeile eins<br>Zeile zwei</p>\n<ul><li><strong>a</strong></li><li>b</li></ul>\n"
        "<ol><li>x</li><li>y</li></ol>"
    )
    assert render_markup("## Unter", heading_offset=1) == "<h3>Unter</h3>"


@pytest.mark.parametrize(
    "target, href",
    [
        ("https://www.oberhausen.de", "https://www.oberhausen.de"),
        ("mailto:kim@oberhausen.example", "mailto:kim@oberhausen.example"),
        ("page:traeger", "/ar/kim/traeger/"),
        ("faq", "/ar/fragen/"),
        ("downloads", "/ar/downloads/"),
        ("/de/kim/", "/de/kim/"),
    ],
)
def test_allowed_links(target, href):
    assert f'<a href="{href}">' in render_markup(f"[Link]({target})", "ar")


@pytest.mark.parametrize("target", ["javascript:alert(1)", "//evil.example/x", "data:text/html,x", "ftp://x"])
def test_unsafe_links_lose_their_target(target):
    html = render_markup(f"[Link]({target})")
    assert "<a" not in html and "Link" in html


def test_numbers_and_paragraphs_stay_left_to_right():
    html = render_markup(
        "Seit dem 31.12.2025 gilt § 104c nicht mehr. Telefon 0208 825-0 oder +49 208 8250.", "ar"
    )
    assert '<bdi dir="ltr">31.12.2025</bdi>' in html
    assert '<bdi dir="ltr">§\u00a0104c</bdi>' in html
    assert '<bdi dir="ltr">0208 825-0</bdi>' in html
    assert '<bdi dir="ltr">+49 208 8250</bdi>' in html


def test_plain_text():
    assert plain_text("## Titel\n- **fett** und [Link](faq)") == "Titel fett und Link"


def test_word_diff():
    diff = word_diff("Erste Fassung <b>", "Zweite Fassung <b>")
    assert diff == "<del>Erste</del><ins>Zweite</ins> Fassung &lt;b&gt;"
