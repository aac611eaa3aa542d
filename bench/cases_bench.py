"""Benchmark of the case-management pages at scale: p50/p95 server time and query counts.

Runs against PostgreSQL (``KIM_BENCH_DATABASE_URL``, default postgres://postgres@127.0.0.1:5432/kim_bench),
creates and fills the database on the first run (100,000 synthetic clients, about 1,000,000 contacts; set
``KIM_BENCH_CLIENTS`` for a smaller run), then requests each page as a demo case manager through Django's
request handler and prints figures. Nothing here is a test; it prints what it measured.

    .venv/bin/python bench/cases_bench.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DB_URL = os.environ.get("KIM_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kim_bench")
CLIENTS = int(os.environ.get("KIM_BENCH_CLIENTS", "100000"))
ROUNDS = int(os.environ.get("KIM_BENCH_ROUNDS", "40"))

os.environ.update(
    {"DATABASE_URL": DB_URL, "DJANGO_SETTINGS_MODULE": "kim.settings", "KIM_DEMO": "1", "DEBUG": "0",
     "KIM_READ_ENV_FILE": "0", "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
     "ALLOWED_HOSTS": "testserver", "KIM_SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "ERROR"}
)


def ensure_database() -> None:
    if DB_URL.startswith("postgres"):
        name = DB_URL.rsplit("/", 1)[1]
        base = DB_URL.rsplit("/", 1)[0]
        exists = subprocess.run(
            ["psql", f"{base}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
            capture_output=True, text=True, check=False,
        ).stdout.strip()
        if exists != "1":
            subprocess.run(["psql", f"{base}/postgres", "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)


def main() -> None:
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kim.accounts.models import User
    from kim.cases.models import Case, Contact
    from kim.clients.models import Client as KimClient

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", quiet_logins=True, scale=CLIENTS, stdout=open(os.devnull, "w"))  # noqa: SIM115
    seeded = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE") if connection.vendor == "postgresql" else None
    n_clients, n_contacts = KimClient.objects.count(), Contact.objects.count()

    from kim.cases.scale import SYNTHETIC_EMAIL_PREFIX

    # A synthetic case manager with a realistic caseload (the demo's ten would each hold 10,000 cases).
    user = User.objects.filter(email__startswith=SYNTHETIC_EMAIL_PREFIX).order_by("email").first()
    client = Client()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    case = Case.objects.filter(case_manager=user, status="implementation").order_by("-id").first()
    pages = {
        "case list (/faelle/)": "/faelle/",
        "search (/klienten/suche/?q=Mohamad)": "/klienten/suche/?q=Mohamad",
        "search by case number": f"/klienten/suche/?q={case.number}",
        f"case page (/faelle/{case.pk}/)": f"/faelle/{case.pk}/",
        "Meine Woche (/)": "/",
    }
    open_cases = Case.objects.filter(case_manager=user).exclude(status="closed").count()
    print(f"database: {connection.vendor}; {n_clients:,} clients, {n_contacts:,} contacts (seeding took {seeded:,.0f} s)")
    print(f"as {user.email}: {open_cases} open cases")
    print(f"{'page':<42} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, url in pages.items():
        client.get(url)  # warm up
        times, queries = [], []
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
            queries.append(len(ctx.captured_queries))
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{label:<42} {statistics.median(times):8.1f} {p95:8.1f} {max(queries):8d}")


if __name__ == "__main__":
    main()
