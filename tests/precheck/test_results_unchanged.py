"""The engine's answers for 2,500 synthetic persons are exactly those of the engine before the speed-up.

tests/precheck/data/results_sample.sha256 holds one hash per 100 answers, written from the engine as it was
before texts became bilingual and the hot paths were optimised. A change of any outcome, criterion, German text,
missing fact, earliest date or error message makes this fail. If a rule change alters results on purpose,
bump ENGINE_VERSION and regenerate the file: ``python tests/precheck/test_results_unchanged.py --write``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from kim.residence.precheck import FactError, evaluate
from kim.residence.precheck.synthetic import realistic, varied

DATA = Path(__file__).parent / "data" / "results_sample.sha256"


def _answer(facts: dict) -> dict:
    try:
        return evaluate(facts)
    except FactError as error:
        return {"error": [error.field, error.message]}


def _samples() -> dict[str, list[dict]]:
    rng = random.Random(20261124)
    on = date(2026, 11, 24)
    real = [realistic(rng, on - timedelta(days=rng.randint(0, 1500))) for _ in range(500)]
    return {"varied": [varied(random.Random(seed)) for seed in range(2000)], "realistic": real}


def _hashes() -> list[str]:
    lines = []
    for name, items in _samples().items():
        for start in range(0, len(items), 100):
            digest = hashlib.sha256()
            for facts in items[start : start + 100]:
                digest.update(json.dumps(_answer(facts), sort_keys=True, ensure_ascii=False).encode())
            lines.append(f"{name} {start} {digest.hexdigest()}")
    return lines


def test_sample_of_results_is_identical_to_the_recorded_answers():
    expected = [
        line for line in DATA.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    actual = _hashes()
    changed = [a.rsplit(" ", 1)[0] for a, e in zip(actual, expected, strict=True) if a != e]
    assert not changed, f"answers changed for the samples {changed} (see the module docstring)"


def test_the_sample_covers_every_outcome_and_bad_input():
    seen = set()
    errors = 0
    for facts in _samples()["varied"][:600]:
        answer = _answer(facts)
        if "error" in answer:
            errors += 1
            continue
        seen.update((r["route"], r["outcome"]) for r in answer["results"])
    outcomes = {o for _route, o in seen}
    assert outcomes == {
        "ELIGIBLE",
        "ELIGIBLE_DISCRETION",
        "ELIGIBLE_WITH_OPEN_CONDITIONS",
        "NOT_ELIGIBLE",
        "NOT_APPLICABLE",
    }
    assert errors > 0


if __name__ == "__main__" and "--write" in sys.argv:
    header = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    DATA.write_text("\n".join(header + _hashes()) + "\n", encoding="utf-8")
