"""Every text the engine produces – criterion explanations, missing-fact names, input errors – exists in English
as well as in German, and no German sentence slips into the English text."""

from __future__ import annotations

import ast
import dataclasses
import random
import re
from pathlib import Path

import pytest

from kim.residence.precheck import FactError, evaluate_facts, fact_label, parse_facts, validate
from kim.residence.precheck import facts as fact_model
from kim.residence.precheck.labels import LABELS
from kim.residence.precheck.synthetic import varied
from kim.residence.precheck.text import T, render

GERMAN_WORDS = {
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "eine",
    "einer",
    "einen",
    "wird",
    "sind",
    "oder",
    "mit",
    "für",
    "auf",
    "wurde",
    "liegt",
    "liegen",
    "vor",
    "bei",
    "nach",
    "dem",
    "den",
    "des",
    "zur",
    "zum",
    "als",
    "auch",
    "noch",
    "angegeben",
    "geduldet",
    "fehlen",
    "fehlt",
    "besteht",
    "seit",
    "Jahre",
    "Monate",
    "keine",
    "kein",
    "ob",
    "bis",
    "erforderlich",
    "Person",
    "Angaben",
}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# German terms kept on purpose in the English text (names of documents, tests and statutes).
KEPT = {"Leben", "Deutschland"}


def german_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text) if w in GERMAN_WORDS and w not in KEPT}


def _evaluations(n: int = 1500):
    for seed in range(n):
        facts = varied(random.Random(seed))
        try:
            yield evaluate_facts(parse_facts(facts))
        except FactError:
            continue


def test_every_criterion_text_has_an_english_version():
    codes = set()
    checked = 0
    for evaluation in _evaluations():
        for result in evaluation.results:
            for c in result.criteria:
                assert type(c.msg) is tuple or isinstance(c.msg, T), (result.route, c.code, c.msg)
                de, en = render(c.msg, "de"), render(c.msg, "en")
                assert en and en != de, (result.route, c.code, de)
                assert not german_words(en), (result.route, c.code, en, german_words(en))
                codes.add((result.route, c.code))
                checked += 1
    assert checked > 50_000
    assert len(codes) > 160  # the sample reaches the criteria of every route


ENGINE = Path(fact_model.__file__).parent
TEXT_MODULES = sorted(
    [
        *ENGINE.glob("routes/*.py"),
        *(
            ENGINE / name
            for name in ("context.py", "criminal.py", "language.py", "livelihood.py", "engine.py")
        ),
    ]
)


def _written_texts():
    """(module, line, German, English) of every text written in the engine's source: ``T(de, en, …)`` calls and
    ``("German", "English")`` message tuples – whether or not the sample above happens to reach them."""
    for path in TEXT_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            pair = None
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "T":
                pair = node.args[:2]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                pair = node.elts
            if pair and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in pair):
                de, en = pair[0].value, pair[1].value
                if len(WORD.findall(de)) >= 2 and (german_words(de) or isinstance(node, ast.Call)):
                    yield path.name, node.lineno, de, en


def test_every_text_written_in_the_engine_has_an_english_version():
    texts = list(_written_texts())
    assert len(texts) > 350
    for module, line, de, en in texts:
        assert en.strip() and en != de, (module, line, de)
        assert not german_words(en), (module, line, en, german_words(en))
        assert de.count("{") == en.count("{"), (module, line, "placeholders differ")


def test_every_missing_fact_has_a_german_and_an_english_name():
    names = set()
    for evaluation in _evaluations(800):
        for result in evaluation.results:
            for path in result.missing_facts:
                de, en = fact_label(path, "de"), fact_label(path, "en")
                assert de != path and en != path, path
                assert not german_words(en), (path, en)
                names.add(re.sub(r"\[\d+\]", "[]", path))
    assert len(names) > 60


def _model_paths(cls, prefix: str):
    for field in dataclasses.fields(cls):
        name = (
            {"start": "from", "end": "to"}.get(field.name, field.name)
            if cls in (fact_model.StatusPeriod, fact_model.StayAbroad)
            else field.name
        )
        if name in ("index", "title"):
            continue
        path = f"{prefix}{name}"
        yield path
        nested = {fact_model.Person: None}.get(cls)
        del nested
        sub = {
            "person": fact_model.Person,
            "person.marital": fact_model.Marital,
            "person.children[]": fact_model.Child,
            "status_history[]": fact_model.StatusPeriod,
            "asylum": fact_model.Asylum,
            "identity": fact_model.Identity,
            "deception": fact_model.Deception,
            "language": fact_model.Language,
            "knowledge_test": fact_model.KnowledgeTest,
            "education": fact_model.Education,
            "employment": fact_model.Employment,
            "livelihood": fact_model.Livelihood,
            "convictions[]": fact_model.Conviction,
            "spouse_convictions[]": fact_model.Conviction,
            "ausweisungsinteresse": fact_model.Ausweisungsinteresse,
            "stays_abroad[]": fact_model.StayAbroad,
            "training": fact_model.Training,
            "family_links[]": fact_model.FamilyLink,
        }
        for key in (path, path + "[]"):
            if key in sub:
                yield from _model_paths(sub[key], key.replace("[]", "[0]") + ".")


def test_every_field_of_the_fact_model_has_a_name():
    paths = list(_model_paths(fact_model.Facts, ""))
    assert len(paths) > 120
    for path in paths:
        for lang in ("de", "en"):
            assert fact_label(path, lang) != path, (path, lang)
    assert all(en and de != en or de == en for de, en in LABELS.values())


@pytest.mark.parametrize(
    "facts",
    [
        {"person": {"birth_date": "2030-01-01"}},
        {"status_history": [{"status": "duldung_60a", "from": "2020-01-01", "to": "2019-01-01"}]},
        {
            "status_history": [
                {"status": "duldung_60a", "from": "2020-01-01", "to": None},
                {"status": "gestattung", "from": "2021-01-01", "to": None},
            ]
        },
        {"entry_date": "1980-01-01", "person": {"birth_date": "1990-01-01"}},
        {"language": {"oral": "B7"}},
        {"employment": {"hours_per_week": 200}},
        {"convictions": [{"sanction_type": "geldstrafe", "months": 3}]},
        {"livelihood": {"fully_secured_2_3": True, "receives_sgb2_or_sgb12": True}},
        {"asylum": {"applied_on": "2020-01-01", "outcome_date": "2019-01-01"}},
        {"person": {"application_dates": {"STAG_10": "2030-01-01"}}},
        {"unknown": 1},
    ],
)
def test_input_errors_have_an_english_message(facts):
    problems = validate(facts, on="2026-11-24")
    assert problems
    for problem in problems:
        assert problem.message and problem.message_en and problem.message != problem.message_en
        assert not german_words(problem.message_en), problem.message_en
