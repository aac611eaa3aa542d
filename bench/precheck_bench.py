"""Throughput benchmark of the pre-check engine (no pytest).

Builds a few thousand varied, realistic fact sets (Geduldete, asylum seekers, refugees, other permit holders,
young people, spouses of Germans), then measures full evaluations (JSON dict in → contract dict out, all 13
routes) per second on one core and projects the time to screen 100,000 persons.

    python bench/precheck_bench.py [--n 3000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from kim.residence.precheck import evaluate  # noqa: E402

LEVELS = ["none", "A1", "A2", "A2", "B1", "B1", "B2", "C1"]
TITLES = ["§ 25 Abs. 2 S. 1 Alt. 1", "§ 25 Abs. 2 S. 1 Alt. 2", "§ 25 Abs. 1", "§ 25 Abs. 5", "§ 25a Abs. 1",
          "§ 25b Abs. 1", "§ 18b Abs. 1", "§ 28 Abs. 1 S. 1 Nr. 1", "§ 104c", "§ 16a"]


def d(x: date) -> str:
    return x.isoformat()


def make_person(rng: random.Random, on: date) -> dict:
    birth = date(rng.randint(1960, 2012), rng.randint(1, 12), rng.randint(1, 28))
    entry = max(birth + timedelta(days=rng.randint(0, 3000)), date(2012, 1, 1) + timedelta(days=rng.randint(0, 3800)))
    entry = min(entry, on - timedelta(days=30))
    kind = rng.choice(["duldung", "duldung", "gestattung", "refugee", "permit", "young"])
    history = []
    cursor = entry + timedelta(days=rng.randint(0, 40))
    if kind in ("duldung", "young", "refugee", "gestattung"):
        end = min(cursor + timedelta(days=rng.randint(100, 900)), on - timedelta(days=1))
        history.append({"status": "gestattung", "from": d(cursor), "to": d(end) if kind != "gestattung" else None})
        cursor = end + timedelta(days=1 if rng.random() < 0.9 else rng.randint(5, 150))
    if kind in ("duldung", "young") and cursor < on:
        history.append({"status": rng.choice(["duldung_60a", "duldung_60a", "duldung_60b_ungeklaerte_identitaet",
                                              "duldung_60d"]), "from": d(cursor), "to": None})
    elif kind in ("refugee", "permit") and cursor < on:
        history.append({"status": "aufenthaltserlaubnis", "from": d(cursor), "to": None,
                        "title_basis": rng.choice(TITLES)})
    if not history:
        history.append({"status": "duldung_60a", "from": d(entry), "to": None})
    share = rng.choice([0, 20, 45, 50, 55, 70, 80, 100])
    facts = {
        "person": {"birth_date": d(birth), "evaluation_date": d(on), "single_parent": rng.random() < 0.1,
                   "marital": {"married": rng.random() < 0.5, "spouse_is_german": rng.random() < 0.1},
                   "children": [{"birth_date": d(max(on - timedelta(days=rng.randint(100, 6000)),
                                                     birth + timedelta(days=6600))), "unmarried": True,
                                 "lives_in_household": True, "school_age": rng.random() < 0.6,
                                 "school_attendance_proven": rng.random() < 0.9}
                                for _ in range(rng.choice([0, 0, 1, 2, 3]) if birth.year < 2000 else 0)]},
        "status_history": history,
        "entry_date": d(entry),
        "asylum": {"applied_on": d(entry + timedelta(days=5)),
                   "outcome": rng.choice(["rejected", "recognised_refugee", "subsidiary", "pending",
                                          "rejected_ou_30_1_3_7"])},
        "identity": {"clarified": rng.random() < 0.7, "passport_valid": rng.random() < 0.6,
                     "reasonable_steps_taken": rng.random() < 0.8},
        "deception": {"own_false_statements_or_identity_deception": rng.random() < 0.1, "repeated": False,
                      "currently_prevents_removal": rng.random() < 0.1, "non_cooperation_only": rng.random() < 0.1},
        "fdgo_commitment_signed": rng.random() < 0.8,
        "indications_against_fdgo": False,
        "language": {"oral": rng.choice(LEVELS), "written": rng.choice(LEVELS)},
        "knowledge_test": {"leben_in_deutschland_passed": rng.random() < 0.5,
                           "einbuergerungstest_passed": rng.random() < 0.3,
                           "integrationskurs_completed": rng.random() < 0.5},
        "education": {"years_successful_school_in_de": rng.randint(0, 10), "recognised_degree_in_de": False,
                      "in_school_training_or_study": kind == "young"},
        "employment": {"svp_employed_since": d(on - timedelta(days=rng.randint(10, 2000))),
                       "hours_per_week": rng.choice([10, 20, 30, 39]), "full_time_months_last_24": rng.randint(0, 24),
                       "qualified_employment_months": rng.randint(0, 60)},
        "livelihood": {"share_of_need_covered_by_employment_pct": share, "fully_secured_2_3": share == 100,
                       "receives_sgb2_or_sgb12": share < 100 and rng.random() < 0.5, "receives_asylblg": False,
                       "secured_by_employment_last_12_months": share == 100},
        "pension_contribution_months": rng.randint(0, 120),
        "housing_sufficient": rng.random() < 0.9,
        "convictions": [{"date": "2021-05-04", "court_country": "DE", "intentional": True,
                         "sanction_type": rng.choice(["geldstrafe", "geldstrafe", "freiheitsstrafe"]),
                         "tagessaetze": rng.choice([10, 30, 60, 90]), "auslaenderspezifisch": rng.random() < 0.5,
                         "tilgungsreif": False}] if rng.random() < 0.15 else [],
        "pending_criminal_investigation": False,
        "ausweisungsinteresse": {"p54_1": False, "p54_2_nr1_2": False, "other": False},
        "extremism_links": False,
        "stays_abroad": [],
        "stag_deception_finding": False,
    }
    for c in facts["convictions"]:
        if c["sanction_type"] == "freiheitsstrafe":
            c.pop("tagessaetze")
            c.update(months=rng.choice([2, 4, 8]), suspended=True, remitted_after_probation=False)
    return facts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)  # best of N: the box is shared
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    rng = random.Random(20261124)
    on = date(2026, 11, 24)
    people = [make_person(rng, on - timedelta(days=rng.randint(0, 1500))) for _ in range(args.n)]
    for p in people[:50]:  # warm-up (imports, caches)
        evaluate(p)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for p in people:
            evaluate(p)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for p in people:
            evaluate(p)
        best = min(best, time.perf_counter() - start)
    rate = len(people) / best
    print(f"precheck: {rate:,.0f} evaluations/s (1 core); screening 100,000 persons: {100_000 / rate:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
