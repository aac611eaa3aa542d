"""Benchmark of the residence screening (kim.residence.screening); prints figures, asserts nothing.

(a) engine only: screen 100,000 synthetic persons (kim.residence.precheck.synthetic.realistic) – parse,
    evaluate all routes, pick the candidates – on one core;
(b) end to end on SQLite: a temporary database file under /tmp, seeded with the demo and its scale seeding
    (``seed_demo --scale N``, as bench/cases_bench.py), plus a consent for case management, a residence-status
    timeline for every person and a saved pre-check run for every fourth; then the screening selector
    (``screening.screen``) for the team lead of every organisation, with persons per second and an
    extrapolation to 100,000 persons.

    .venv/bin/python bench/screening_bench.py        # KIM_BENCH_SCREENING_ENGINE=100000 KIM_BENCH_SCREENING_CLIENTS=2000
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENGINE_PERSONS = int(os.environ.get("KIM_BENCH_SCREENING_ENGINE", "100000"))
CLIENTS = int(os.environ.get("KIM_BENCH_SCREENING_CLIENTS", "2000"))
TARGET = 100_000

_DB_DIR = tempfile.mkdtemp(prefix="kim-screening-bench-", dir="/tmp")
DB_FILE = Path(_DB_DIR) / "bench.sqlite3"
os.environ.update(
    {
        "DATABASE_URL": f"sqlite:///{DB_FILE}",
        "DJANGO_SETTINGS_MODULE": "kim.settings",
        "KIM_DEMO": "1",
        "DEBUG": "0",
        "KIM_READ_ENV_FILE": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "testserver",
        "KIM_SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
    }
)


def engine_only() -> None:
    from kim.residence.precheck import FactError, evaluate_facts, parse_facts
    from kim.residence.precheck.synthetic import realistic
    from kim.residence.screening import screening_outcome

    on = dt.date.today()
    rng = random.Random(2026)
    started = time.perf_counter()
    people = [realistic(rng, on) for _ in range(ENGINE_PERSONS)]
    generated = time.perf_counter() - started
    candidates = refused = 0
    started = time.perf_counter()
    for facts in people:
        try:
            evaluation = evaluate_facts(parse_facts(facts), on=on)
        except FactError:
            refused += 1
            continue
        for result in evaluation.results:
            if screening_outcome(result.outcome, result.earliest_date, on):
                candidates += 1
    took = time.perf_counter() - started
    print(
        f"(a) engine only: {ENGINE_PERSONS:,} synthetic persons screened in {took:,.1f} s "
        f"({ENGINE_PERSONS / took:,.0f} persons/s on one core; facts generated in {generated:,.1f} s); "
        f"{candidates:,} route candidates, {refused:,} fact sets refused"
    )


def _add_screening_data(today: dt.date) -> int:
    """A consent for case management, a timeline and (for every fourth person) a saved run for each client."""
    from kim.accounts.models import User
    from kim.clients.models import Client, Consent, ConsentPurpose, DataCategory
    from kim.residence.models import PrecheckRun, ResidenceStatus, StatusKind
    from kim.residence.precheck_facts import facts_from_client

    user = User.objects.order_by("pk").first()
    rng = random.Random(7)
    clients = list(Client.objects.filter(consents__isnull=True).order_by("pk"))
    consents, statuses = [], []
    for client in clients:
        consents.append(
            Consent(
                client=client,
                purpose=ConsentPurpose.CASE_MANAGEMENT,
                recorded_by=user,
                data_categories=[DataCategory.MASTER_DATA, DataCategory.RESIDENCE],
                valid_from=today - dt.timedelta(days=rng.randint(1, 900)),
                form_version="bench",
            )
        )
        start = today - dt.timedelta(days=rng.randint(200, 4000))
        if rng.random() < 0.5:
            middle = start + dt.timedelta(days=rng.randint(100, 150))
            statuses.append(
                ResidenceStatus(
                    client=client,
                    kind=StatusKind.ASYLUM_PROCEDURE,
                    valid_from=start,
                    valid_to=middle,
                    recorded_by=user,
                )
            )
            statuses.append(
                ResidenceStatus(
                    client=client,
                    kind=StatusKind.DULDUNG_60A,
                    valid_from=middle + dt.timedelta(days=1),
                    recorded_by=user,
                )
            )
        else:
            statuses.append(
                ResidenceStatus(
                    client=client,
                    kind=StatusKind.AUFENTHALTSERLAUBNIS,
                    valid_from=start,
                    legal_basis="§ 25 Abs. 2 S. 1 Alt. 1",
                    recorded_by=user,
                )
            )
    Consent.objects.bulk_create(consents, batch_size=1000)
    ResidenceStatus.objects.bulk_create(statuses, batch_size=1000)  # bulk: no signals, as the seeding does
    runs = [
        PrecheckRun(
            client=c,
            created_by=user,
            decision_date=today,
            engine_version="bench",
            facts=facts_from_client(c, today),
            result={},
        )
        for c in clients[::4]
    ]
    PrecheckRun.objects.bulk_create(runs, batch_size=1000)
    return len(clients)


def end_to_end() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from kim.accounts.models import Membership, Organisation, Role, User
    from kim.cases.models import Case
    from kim.clients.models import Client
    from kim.core.scoping import Actor
    from kim.residence import screening

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", quiet_logins=True, scale=CLIENTS, stdout=open(os.devnull, "w"))  # noqa: SIM115
    today = timezone.localdate()
    added = _add_screening_data(today)
    seeded = time.perf_counter() - started
    print(
        f"(b) SQLite {DB_FILE}: {Client.objects.count():,} clients ({added:,} given consent, timeline, "
        f"every fourth a saved run) seeded in {seeded:,.0f} s"
    )

    bench_user = User.objects.create(
        email="screening-bench@kim-demo.example", first_name="Bench", last_name="Lead"
    )
    persons = queries = 0
    took = 0.0
    for organisation in Organisation.objects.filter(pk__in=Case.objects.values("organisation_id")).order_by(
        "pk"
    ):
        lead = Membership.objects.create(user=bench_user, organisation=organisation, role=Role.TEAM_LEAD)
        actor = Actor(user=bench_user, membership=lead)
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            result = screening.screen(actor=actor, today=today)
            took += time.perf_counter() - t0
        queries = max(queries, len(ctx.captured_queries))
        persons += result.evaluated + result.no_consent + result.failed
    rate = persons / took if took else 0.0
    print(
        f"    screening selector, team lead of every organisation: {persons:,} persons in {took:,.2f} s "
        f"= {rate:,.0f} persons/s; at most {queries} queries per screening"
    )
    if rate:
        print(f"    EXTRAPOLATED (linear, not measured): {TARGET:,} persons ≈ {TARGET / rate:,.0f} s")


def main() -> None:
    import django

    django.setup()  # the screening's outcome rule lives in a Django module
    try:
        engine_only()
        end_to_end()
    finally:
        for path in Path(_DB_DIR).glob("*"):
            path.unlink()
        os.rmdir(_DB_DIR)


if __name__ == "__main__":
    main()
