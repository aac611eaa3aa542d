"""Name normalisation for search and duplicate detection, across spellings and scripts.

The same person arrives as "Mohammed Al-Ahmad", "Muhammad Alahmad", "Mohamad El Ahmad" or "محمد الأحمد",
as "Oleksandr Koval", "Aleksandr Kowal" or "Олександр Коваль". Three layers make them comparable:

1. **Transliteration** (``anyascii``) of every script to ASCII, after mapping a few Latin letters whose
   pronunciation anyascii would lose (š → sh, č → ch, ş → sh, ç → ch, ž → zh). Cyrillic comes out as a
   full transliteration (Олександр → oleksandr); Arabic and Hebrew come out as consonants only, because the
   script does not write short vowels (محمد → mhmd). Such tokens are marked ``abjad``.

2. **Folding** of spelling variants into one form (:func:`fold_token`):
   - letters: sch/tsch/tch/sh/ch/š → ``sh``; kh → h; dsch/dzh/dj → j; ph → f; th → t; ck/c/q → k; x → ks;
     w → v; a leading y → j (Yusuf/Jusuf), any other y → i;
   - vowels: ou/oo → u, ee/ie → i, ue/oe/ae → u/o/a (German Umlaut spellings), ei/ey/ai/ay → ai, then the
     remaining o → u and e → i (Arabic has three vowels; o/u and e/i are transliteration choices:
     Omar/Umar, Ibrahim/Ebrahim);
   - double letters → single letters (Muhammad/Muhamad), also "shsh" (Shcherbak/Schtscherbak);
   - the Arabic article al-/el-/ul- is dropped where it is written apart (Al-Ahmad, El Ahmad, ul-Haq) and
     at the start of an Arabic-script word (الأحمد); a Latin word written together ("Alahmad") is compared
     with and without the article;
   - a small dictionary of well-known name families maps them to one form even where the rules above do
     not (Mohammed/Muhammad/Mohamad/Mohamed/Muhammed; Aleksandr/Oleksandr/Alexander; Olena/Elena/Jelena;
     Serhii/Sergei; Khaled/Chalid …). It is deliberately short: only names where the variants are the
     same name, never names that merely sound alike (Mahmoud ≠ Mohammed).

3. **A consonant skeleton** per token (:func:`skeleton`): the folded token without vowels, without the
   semi-vowels v/j (Arabic writes long u/i with و/ي: محمود → mhmwd ≈ Mahmoud → mhmd) except at the start,
   double letters collapsed. It is the key that matches a Latin spelling against a vowel-less script, and
   the cheap pre-filter key of the search index.

Why not Kölner Phonetik: it is made for German spellings of German words and codes vowels as one class
that it then removes – but it keeps an initial vowel and treats ``h`` specially, so "mhmd" (Arabic script)
and "Mohammed" get different codes (62 vs 662). The skeleton above is built for exactly that case and is
tested in tests/clients/test_names.py.

Similarity (:func:`name_similarity`, 0–100) compares token by token with rapidfuzz: Latin tokens by the
edit distance of their folded forms (or their skeletons, slightly discounted), tokens written in an abjad
by their skeletons only; a query token that is a prefix of a name (three letters or more) counts as a near
match, so the search works while typing. The score is half the mean of the words' scores and half the
weakest word's score, so one clearly different word (Mahmoud for Mohammed) pulls it down. Where a Latin
query can be compared with a Latin spelling of the record, spellings in an abjad count only at 80 %: they
are the fallback for records and queries that have nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

# Letters whose sound anyascii flattens (š → s); mapped before transliterating.
_PRE_MAP = str.maketrans({"š": "sh", "Š": "sh", "č": "ch", "Č": "ch", "ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch",
                          "ž": "zh", "Ž": "zh", "ß": "ss"})

_ABJAD_SCRIPTS = ("ARABIC", "HEBREW", "SYRIAC", "THAANA", "NKO")
_ARTICLES = {"al", "el", "ul", "il"}

# Order matters: longer patterns first.
_LETTER_RULES = [
    ("tsch", "sh"), ("sch", "sh"), ("tch", "sh"), ("ch", "sh"), ("dsch", "j"), ("dzh", "j"), ("dj", "j"),
    ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("c", "k"),
]
_VOWEL_RULES = [
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ue", "u"), ("oe", "o"), ("ae", "a"),
    ("ei", "ai"), ("ay", "ai"), ("ey", "ai"),
]
_VOWELS = set("aeiou")

# Name families: first entry is the form all others fold to. Spellings are folded by the same rules.
NAME_FAMILIES = [
    ["muhammad", "mohammed", "mohammad", "muhammed", "mohamed", "mohamad", "muhamad", "muhamed", "mohammet",
     "mouhamad", "mouhammad", "mohamet"],
    ["ahmad", "ahmed", "achmed", "achmad", "akhmed", "ahmet"],
    ["aleksandr", "alexander", "aleksander", "alexandr", "oleksandr", "olexandr", "aleksandar", "alexandre"],
    ["oleksii", "aleksei", "alexei", "alexej", "aleksej", "alexey", "oleksiy", "oleksij"],
    ["olena", "elena", "jelena", "yelena", "helena"],
    ["serhii", "sergei", "sergey", "sergej", "serhiy", "sergii", "serhij"],
    ["mykola", "nikolai", "nikolay", "nikolaj", "mikola"],
    ["volodymyr", "vladimir", "wladimir", "volodimir"],
    ["andrii", "andrei", "andrey", "andrej", "andriy"],
    ["dmytro", "dmitri", "dmitry", "dmitrij", "dmitriy", "dmitro"],
    ["yurii", "yuri", "juri", "jurij", "yuriy", "yurij"],
    ["kateryna", "ekaterina", "katerina", "jekaterina", "yekaterina"],
    ["tetiana", "tatiana", "tatjana", "tatyana", "tetyana"],
    ["natalia", "natalya", "natalija", "nataliia", "natalja"],
    ["yusuf", "yousef", "youssef", "yousif", "yousuf", "yusef", "jusuf", "jussuf", "yussuf"],
    ["hussein", "husein", "hussain", "husain", "hossein", "houssein", "huseyin"],
    ["hasan", "hassan", "hasen"],
    ["mustafa", "mustapha", "moustafa", "mostafa", "moustapha"],
    ["abdullah", "abdallah", "abdulla", "abdalla"],
    ["khaled", "khalid", "chaled", "chalid", "haled", "halid"],
    ["fatima", "fatimah", "fatma", "fatemeh", "fatime"],
    ["ibrahim", "ebrahim", "ibraheem", "brahim"],
    ["osman", "othman", "uthman", "usman", "otman"],
]


def is_abjad(text: str) -> bool:
    """Whether ``text`` is written in a script without short vowels (Arabic, Hebrew, Syriac …)."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            return name.split(" ", 1)[0] in _ABJAD_SCRIPTS
    return False


def _ascii_letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(text.translate(_PRE_MAP)).lower())


def _apply_rules(token: str) -> str:
    if token.startswith("y"):
        token = "j" + token[1:]
    for old, new in _LETTER_RULES:
        token = token.replace(old, new)
    token = token.replace("y", "i")
    for old, new in _VOWEL_RULES:
        token = token.replace(old, new)
    token = token.replace("o", "u").replace("e", "i")
    token = re.sub(r"(sh)+", "sh", token)
    return re.sub(r"(.)\1+", r"\1", token)


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    mapping = {}
    for family in NAME_FAMILIES:
        canonical = _apply_rules(family[0])
        for spelling in family:
            mapping[_apply_rules(spelling)] = canonical
    return mapping


def fold_token(token: str) -> str:
    """One Latin word (already transliterated, lower case letters only) in its folded form."""
    folded = _apply_rules(token)
    return _families().get(folded, folded)


def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded token: no vowels, no v/j/h inside the word, doubles collapsed."""
    if not folded:
        return ""
    head, tail = folded[0], folded[1:]
    if head in _VOWELS:
        head = ""
    tail = re.sub(r"[aeiouvj]", "", tail)
    return re.sub(r"(.)\1+", r"\1", head + tail) or folded


@dataclass(frozen=True)
class Token:
    """A word of a name: its folded form(s), consonant skeleton(s), and whether it came from an abjad."""

    forms: tuple[str, ...]
    skeletons: tuple[str, ...]
    abjad: bool = False

    @property
    def folded(self) -> str:
        return self.forms[0]


@lru_cache(maxsize=4096)
def tokenise(text: str) -> tuple[Token, ...]:
    """Split a name into tokens, transliterate and fold them; drop the separate Arabic article."""
    words = [w for w in re.split(r"[\s\-‐‑–—'’`ʿʾ.,;/()]+", text or "") if w]
    tokens: list[Token] = []
    for word in words:
        abjad = is_abjad(word)
        letters = _ascii_letters(word)
        if not letters:
            continue
        if abjad:
            if word.startswith("ال") and len(letters) > 2 and letters.startswith("l"):
                letters = letters[1:]
            forms = (_apply_rules(letters),)
        else:
            if letters in _ARTICLES:
                continue
            forms = (fold_token(letters),)
            if letters[:2] in _ARTICLES and len(letters) >= 6:
                # "Alahmad" may be "Al-Ahmad" written together: compare with and without the article.
                forms = (*forms, fold_token(letters[2:]))
        skels = tuple(dict.fromkeys(skeleton(f) for f in forms))
        tokens.append(Token(forms=forms, skeletons=skels, abjad=abjad))
    return tuple(tokens)


def fold_name(text: str) -> str:
    """The folded Latin form of a name, words separated by spaces: "Mohammed Al-Ahmad" → "muhamad ahmad"."""
    return " ".join(token.folded for token in tokenise(text))


def skeleton_name(text: str) -> str:
    return " ".join(token.skeletons[0] for token in tokenise(text))


def search_keys(text: str) -> set[str]:
    """Index keys of a name: the skeleton of every token ("s:mhmd") and the first three folded letters of
    Latin tokens ("p:muh"). The search looks clients up by these keys before ranking them."""
    keys: set[str] = set()
    for token in tokenise(text):
        for skel in token.skeletons:
            keys.add(f"s:{skel}"[:40])
        if not token.abjad:
            for form in token.forms:
                keys.add(f"p:{form[:3]}")
    return keys


@dataclass
class SearchDocument:
    names: str = ""
    keys: str = ""
    key_set: set[str] = field(default_factory=set)


def search_document(spellings: list[str]) -> SearchDocument:
    """What a client's record stores for search: folded spellings, skeletons and the index keys."""
    folded, skeletons, keys = [], [], set()
    for spelling in spellings:
        if not spelling or not spelling.strip():
            continue
        name = fold_name(spelling)
        if name and name not in folded:
            folded.append(name)
        for token in tokenise(spelling):
            for skel in token.skeletons:
                if skel not in skeletons:
                    skeletons.append(skel)
        keys |= search_keys(spelling)
    return SearchDocument(names=" / ".join(folded), keys=" ".join(skeletons), key_set=keys)


def _token_similarity(query: Token, candidate: Token) -> float:
    if query.abjad or candidate.abjad:
        return max(fuzz.ratio(q, c) for q in query.skeletons for c in candidate.skeletons)
    best = 0.0
    for q in query.forms:
        for c in candidate.forms:
            if q == c:
                return 100.0
            score = fuzz.ratio(q, c)
            if len(q) >= 3 and c.startswith(q):
                score = max(score, 95.0)
            best = max(best, score)
    for q in query.skeletons:
        for c in candidate.skeletons:
            if len(q) >= 2:
                best = max(best, 0.75 * fuzz.ratio(q, c))
    return best


def spelling_similarity(query: str | tuple[Token, ...], candidate: str | tuple[Token, ...]) -> float:
    """0–100: how well every word of ``query`` is found among the words of ``candidate``."""
    q_tokens = tokenise(query) if isinstance(query, str) else query
    c_tokens = tokenise(candidate) if isinstance(candidate, str) else candidate
    if not q_tokens or not c_tokens:
        return 0.0
    scores = [max(_token_similarity(q, c) for c in c_tokens) for q in q_tokens]
    # Half the mean, half the weakest word: one clearly different word (Mahmoud for Mohammed) weighs.
    return 0.5 * sum(scores) / len(scores) + 0.5 * min(scores)


#: Weight of a spelling in an abjad when a Latin query can also be compared with a Latin spelling: the
#: vowel-less comparison cannot tell Mahmoud (محمود) from Mohammed (محمد) well, the Latin one can.
ABJAD_FALLBACK_WEIGHT = 0.8


def name_similarity(query: str, spellings: list[str]) -> float:
    """The best similarity of ``query`` to any of a client's spellings (0–100)."""
    q_tokens = tokenise(query)
    if not q_tokens:
        return 0.0
    candidates = [tokenise(s) for s in spellings if s]
    candidates = [c for c in candidates if c]
    query_latin = not any(t.abjad for t in q_tokens)
    has_latin = any(not all(t.abjad for t in c) for c in candidates)
    best = 0.0
    for c_tokens in candidates:
        score = spelling_similarity(q_tokens, c_tokens)
        if query_latin and has_latin and all(t.abjad for t in c_tokens):
            score *= ABJAD_FALLBACK_WEIGHT
        best = max(best, score)
    return best


_PHONE_DIGITS = re.compile(r"\D")


def phone_digits(phone: str) -> str:
    """A phone number as comparable digits in international form without "+".

    "+49 170 1234567", "0049 170/1234567" and "0170 1234567" all become "491701234567" (a German number
    with the trunk zero gets the country code 49); digits without a leading 0 or + stay as they are, so a
    part of a number ("1234567") can be searched for.
    """
    raw = (phone or "").strip()
    digits = _PHONE_DIGITS.sub("", raw)
    if raw.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "49" + digits[1:]
    return digits
