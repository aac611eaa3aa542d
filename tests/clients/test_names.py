"""Name normalisation: transliteration, variant folding, consonant skeletons, similarity, phone digits."""

import pytest

from kim.clients import names


@pytest.mark.parametrize(
    "spellings",
    [
        ["Mohammed", "Muhammad", "Mohamad", "Mohamed", "Muhammed", "Mohammad"],
        ["Oleksandr", "Aleksandr", "Alexander", "Олександр"],
        ["Yusuf", "Jusuf", "Youssef"],
        ["Müller", "Mueller", "Muller"],
        ["Schewtschenko", "Shevchenko", "Ševčenko"],
        ["Shcherbak", "Schtscherbak", "Щербак"],
        ["Omar", "Umar"],
        ["Leila", "Layla", "Leyla"],
    ],
)
def test_variants_fold_to_one_form(spellings):
    assert len({names.fold_name(s) for s in spellings}) == 1, {s: names.fold_name(s) for s in spellings}


def test_arabic_article_is_dropped_where_written_apart():
    assert names.fold_name("Mohammed Al-Ahmad") == names.fold_name("Muhammad El Ahmad") == "muhamad ahmad"
    assert names.fold_name("Abd ul-Haq") == names.fold_name("Abd Haq")


def test_article_written_together_is_compared_both_ways():
    assert names.name_similarity("Mohammed Ahmad", ["Muhammad Alahmad"]) == 100


def test_arabic_script_matches_latin_by_skeleton():
    assert names.tokenise("محمد")[0].abjad
    assert names.tokenise("محمد")[0].skeletons == names.tokenise("Mohammed")[0].skeletons == ("mhmd",)
    assert names.name_similarity("Mohammed Al-Ahmad", ["محمد الأحمد"]) == 100
    assert names.name_similarity("محمود", ["Mahmoud"]) == 100
    assert names.name_similarity("Yusuf", ["يوسف"]) == 100
    assert names.name_similarity("Ali", ["علي"]) == 100


def test_cyrillic_is_transliterated():
    assert names.name_similarity("Олександр Коваль", ["Oleksandr Koval"]) == 100
    assert names.name_similarity("Олександр Коваль", ["Aleksandr Kowal"]) == 100


def test_different_names_score_low():
    assert names.name_similarity("Peter Schmidt", ["Mohammed Alahmad"]) < 40
    # Brothers: one clearly different given name pulls the score below the duplicate threshold (85).
    assert names.name_similarity("Mohammed Al-Ahmad", ["Mahmoud Al-Ahmad"]) < 85


def test_prefix_of_a_name_is_a_near_match():
    assert names.name_similarity("Moham", ["Muhammad Alahmad"]) >= 90


def test_best_of_several_spellings_counts():
    assert names.name_similarity("Koval", ["Anna Schmidt", "Anna Koval"]) == 100


def test_search_keys_hold_skeletons_and_prefixes():
    keys = names.search_keys("Mohammed Al-Ahmad")
    assert {"s:mhmd", "s:hmd", "p:muh", "p:ahm"} <= keys
    assert names.search_keys("محمد") == {"s:mhmd"}


def test_search_document_joins_spellings():
    document = names.search_document(["Mohammed Al-Ahmad", "محمد الأحمد", "Muhammad Alahmad", ""])
    assert document.names.startswith("muhamad ahmad")
    assert "mhmd" in document.keys.split()
    assert "s:mhmd" in document.key_set


def test_empty_and_punctuation_only_names():
    assert names.tokenise("") == ()
    assert names.fold_name(" - ' ") == ""
    assert names.name_similarity("", ["Anna"]) == 0


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("+49 170 1234567", "491701234567"),
        ("0049 170/1234567", "491701234567"),
        ("0170 1234567", "491701234567"),
        ("(0208) 12 34-56", "4920812345 6".replace(" ", "")),
        ("+963 11 1234567", "963111234567"),
        ("1234567", "1234567"),
        ("", ""),
    ],
)
def test_phone_digits(raw, digits):
    assert names.phone_digits(raw) == digits
