"""Throughput benchmark of the pre-check engine (no pytest).

Builds varied, realistic fact sets (kim.residence.precheck.synthetic.realistic: Geduldete, asylum seekers,
refugees, other permit holders, young people, spouses of Germans) and measures on one core (CPU time of this
process, best of several rounds; every round evaluates persons not seen before, so caches are as warm as in a
real screening and no warmer):

* the contract path: ``evaluate()`` – JSON fact model in, contract JSON (German texts) out, all 13 routes;
* the screening path: ``evaluate_facts(parse_facts(...))`` – outcomes, missing facts and earliest dates without
  rendering any text (what a screening of many persons needs);

and projects the time to screen 100,000 persons.

    python bench/precheck_bench.py [--n 3000] [--rounds 5] [--profile]
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

from kim.residence.precheck import evaluate, evaluate_facts, parse_facts  # noqa: E402
from kim.residence.precheck.synthetic import realistic  # noqa: E402


def _people(rng: random.Random, n: int) -> list[dict]:
    on = date(2026, 11, 24)
    return [realistic(rng, on - timedelta(days=rng.randint(0, 1500))) for _ in range(n)]


def _rate(fn, rng: random.Random, n: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        people = _people(rng, n)
        start = time.process_time()
        for p in people:
            fn(p)
        best = min(best, time.process_time() - start)
    return n / best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)  # best of N: the box is shared
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    rng = random.Random(20261124)
    for p in _people(rng, 200):  # warm-up (imports, caches)
        evaluate(p)
    if args.profile:
        prof = cProfile.Profile()
        people = _people(rng, args.n)
        prof.enable()
        for p in people:
            evaluate(p)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    contract = _rate(evaluate, rng, args.n, args.rounds)
    screening = _rate(lambda p: evaluate_facts(parse_facts(p)), rng, args.n, args.rounds)
    print(
        f"precheck: {contract:,.0f} evaluations/s (1 core, JSON in, contract JSON out); "
        f"100,000 persons: {100_000 / contract:.1f} s"
    )
    print(
        f"precheck screening path: {screening:,.0f} evaluations/s (1 core, no texts rendered); "
        f"100,000 persons: {100_000 / screening:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
