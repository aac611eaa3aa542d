"""Questions and answers: categories, search in every language (Arabic with or without hamza and
diacritics, Turkish dotted/dotless i, Cyrillic), fallback to German, the Chancen-Aufenthaltsrecht texts."""

import pytest

from kim.portal import services
from kim.portal.selectors import normalise_for_search, public_faqs


@pytest.fixture
def faqs(make_faq, editor):
    other = services.save_faq_category(
        actor=editor, names={"de": "Beratung", "tr": "Danışmanlık"}, slug="beratung"
    )
    make_faq(
        "chancen",
        (
            "Kann ich das Chancen-Aufenthaltsrecht noch beantragen?",
            "Nein, seit dem 31. Dezember 2025 nicht mehr.",
        ),
        ar=(
            "هل ما زال بإمكاني التقدّم بطلب حق الإقامة بفرصة؟",
            "لا. منذ 31 ديسمبر 2025 لم تعد تُمنح تصاريح إقامة جديدة.",
        ),
        tr=("Fırsat oturum hakkına hâlâ başvurabilir miyim?", "Hayır. İzin verilmiyor."),
        uk=("Чи можу я ще подати заяву?", "Ні. Нові дозволи більше не видаються."),
    )
    make_faq(
        "kosten",
        ("Kostet die Beratung etwas?", "Nein, sie ist kostenlos."),
        cat=other,
        tr=("Danışmanlık ücretli mi?", "Hayır. Ücretsizdir."),
    )
    return other


def test_normalisation():
    assert normalise_for_search("الإقامة") == normalise_for_search("الاقامة")
    assert normalise_for_search("تُمنح") == normalise_for_search("تمنح")
    assert normalise_for_search("مدرسة") == normalise_for_search("مدرسه")
    assert normalise_for_search("یک کتاب") == normalise_for_search("يك كتاب")  # Farsi ye/kaf
    assert normalise_for_search("İZİN") == normalise_for_search("izin")
    assert normalise_for_search("Straße") == normalise_for_search("STRASSE")
    assert normalise_for_search("Überblick") == "uberblick"
    assert normalise_for_search("Її") == normalise_for_search("її")
    assert normalise_for_search("Chancen\u2011Aufenthaltsrecht") == "chancen-aufenthaltsrecht"


@pytest.mark.parametrize(
    "language, query, slugs",
    [
        ("de", "chancen", ["chancen"]),
        ("de", "BERATUNG kostenlos", ["kosten"]),
        ("de", "beratung", ["kosten"]),
        ("ar", "الاقامة", ["chancen"]),  # typed without hamza
        ("ar", "تُمنح", ["chancen"]),  # with a damma
        ("tr", "IZIN", ["chancen"]),  # dotless capital I for İ
        ("tr", "ücretsiz", ["kosten"]),
        ("uk", "ДОЗВОЛИ", ["chancen"]),
        ("uk", "kostenlos", ["kosten"]),  # no Ukrainian text: the German answer shown is searched
        ("de", "gibtsnicht", []),
    ],
)
def test_search(faqs, language, query, slugs):
    groups = public_faqs(language, query=query)
    assert [entry.item.slug for group in groups for entry in group.entries] == slugs


def test_category_filter_and_names(faqs):
    groups = public_faqs("tr", category="beratung")
    assert [group.name for group in groups] == ["Danışmanlık"]
    groups = public_faqs("uk")
    assert [group.name for group in groups] == ["Aufenthalt", "Beratung"]  # German where untranslated


def test_faq_page_in_arabic_with_search(client, faqs):
    response = client.get("/ar/fragen/", {"q": "الاقامة"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "هل ما زال بإمكاني التقدّم" in html
    assert "Kostet die Beratung" not in html
    assert 'id="faq-q" name="q" type="search" value="الاقامة"' in html
    assert "open" in html.split('id="chancen"')[1][:80]  # results are opened


def test_faq_fallback_note_per_answer(client, faqs):
    html = client.get("/uk/fragen/").content.decode()
    assert "Kostet die Beratung etwas?" in html  # German, with a note in the answer
    assert "portal-note portal-note--small" in html


def test_empty_search_result_says_what_to_do(client, faqs):
    html = client.get("/de/fragen/", {"q": "xyzzy"}).content.decode()
    assert 'class="portal-result-count"' in html
    assert 'class="empty"' in html


def test_demo_faqs_state_the_law_as_it_stands(db):
    """The seed's Chancen-Aufenthaltsrecht answers: no new grants since 31 Dec 2025, transition to
    § 25a/§ 25b only, A2, livelihood, identity, the 27th birthday (legal/RULES.md §§ 4–6)."""
    from kim.portal.demo import seed_portal_content

    seed_portal_content()

    def answer(slug, language="de"):
        group = public_faqs(language)
        return next(entry for g in group for entry in g.entries if entry.item.slug == slug)

    assert "Seit dem 31. Dezember 2025 werden keine neuen" in answer("chancen-beantragen").body
    holder = answer("chancen-inhaber").body
    assert "§ 25a oder § 25b" in holder and "18 Monate" in holder and "30. Juni 2027" in holder
    b = answer("paragraf-25b").body
    assert (
        "6 Jahren" in b and "4 Jahre" in b and "A2" in b and "Leben in Deutschland" in b and "Identität" in b
    )
    assert "27. Geburtstag" in answer("paragraf-25a").body and "3 Jahren" in answer("paragraf-25a").body
    for language in ("einfach", "en", "ar", "tr", "uk"):
        entry = answer("chancen-beantragen", language)
        assert not entry.is_fallback, language
        assert "2025" in entry.body
