"""Timing of the client search and the duplicate check with 100,000 clients (not a test; run by hand).

    DATABASE_URL=sqlite:////tmp/kim_bench.sqlite3 .venv/bin/python -m tests.clients.bench_search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kim_bench_clients .venv/bin/python -m tests.clients.bench_search

The database is migrated and filled once (5 organisations, 50 case managers, every client with a case);
a second run only measures. Prints the median and the slowest of 5 runs per query, in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings")
os.environ.setdefault("KIM_READ_ENV_FILE", "0")
os.environ.setdefault("DEBUG", "1")  # a local measurement: no SECRET_KEY needed

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

N = int(os.environ.get("BENCH_CLIENTS", "100000"))
GIVEN = [
    "Mohammed", "Muhammad", "Mohamad", "Ahmad", "Ahmed", "Omar", "Ali", "Hassan", "Hussein", "Khaled", "Yusuf",
    "Ibrahim", "Mustafa", "Fatima", "Layla", "Leila", "Amal", "Rana", "Sara", "Mariam", "Aisha", "Noor",
    "Oleksandr", "Olena", "Serhii", "Iryna", "Natalia", "Dmytro", "Andrii", "Tetiana", "Kateryna", "Mykola",
    "Mehmet", "Ayşe", "Emine", "Hüseyin", "Zeynep", "Elif", "Murat", "Can",
    "Anna", "Peter", "Julia", "Thomas", "Maria", "Stefan", "Lena", "Jonas", "Ivan", "Georgi", "Elena",
]
FAMILY = [
    "Al-Ahmad", "Haddad", "Khalil", "Hassan", "Ibrahim", "Saleh", "Mansour", "Nasser", "Darwish", "Aziz",
    "Koval", "Shevchenko", "Bondarenko", "Tkachenko", "Kovalenko", "Melnyk", "Boyko", "Kravchenko",
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
    "Schmidt", "Müller", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Petrov", "Ivanova", "Georgiev", "Popescu", "Ionescu", "Rahimi", "Ahmadi", "Hosseini", "Karimi",
]
ARABIC = {"Mohammed": "محمد", "Ahmad": "أحمد", "Omar": "عمر", "Ali": "علي", "Fatima": "فاطمة", "Layla": "ليلى"}


def fill() -> None:
    from kim.accounts.models import Membership, Organisation, Role, User
    from kim.cases.models import Case
    from kim.clients import names
    from kim.clients.models import Client, ClientSearchKey

    if Client.objects.count() >= N:
        return
    print(f"filling {N} clients …", file=sys.stderr)
    rng = random.Random(42)
    orgs = [Organisation.objects.create(name=f"Verband {i}", kind="welfare_organisation") for i in range(5)]
    managers = []
    for i in range(50):
        user = User.objects.create_user(f"cm{i}@bench.example", first_name="CM", last_name=str(i))
        Membership.objects.create(user=user, organisation=orgs[i % 5], role=Role.CASE_MANAGER)
        managers.append(user)
    lead = User.objects.create_user("lead@bench.example", first_name="Team", last_name="Lead")
    Membership.objects.create(user=lead, organisation=orgs[0], role=Role.TEAM_LEAD)
    batch = 5000
    for start in range(0, N, batch):
        with transaction.atomic():
            clients = []
            for i in range(start, min(start + batch, N)):
                given, family = rng.choice(GIVEN), rng.choice(FAMILY)
                manager = managers[i % 50]
                script = f"{ARABIC[given]}" if given in ARABIC and rng.random() < 0.5 else ""
                document = names.search_document([f"{given} {family}", script])
                phone = f"0170 {rng.randrange(1000000, 9999999)}"
                clients.append(
                    Client(
                        organisation_id=orgs[i % 50 % 5].pk,
                        given_names=given,
                        family_name=family,
                        name_original_script=script,
                        birth_year=rng.randrange(1950, 2020),
                        phone=phone,
                        phone_digits=names.phone_digits(phone),
                        search_names=document.names,
                        search_keys=document.keys,
                        created_by=manager,
                    )
                )
                clients[-1]._keys = document.key_set
                clients[-1]._manager = manager
            Client.objects.bulk_create(clients, batch_size=1000)
            ClientSearchKey.objects.bulk_create(
                [ClientSearchKey(client=c, key=k) for c in clients for k in c._keys], batch_size=5000
            )
            Case.objects.bulk_create(
                [
                    Case(
                        number=f"B-{c.pk:07d}",
                        client=c,
                        organisation_id=c.organisation_id,
                        case_manager=c._manager,
                        opened_on=dt.date(2025, 1, 1),
                    )
                    for c in clients
                ],
                batch_size=2000,
            )
        print(f"  {min(start + batch, N)}", file=sys.stderr)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def timed(function, runs: int = 5) -> tuple[float, float, int]:
    durations, result = [], None
    for _ in range(runs):
        begin = time.perf_counter()
        result = function()
        durations.append((time.perf_counter() - begin) * 1000)
    size = len(result[0]) if isinstance(result, tuple) else len(result)
    return statistics.median(durations), max(durations), size


def main() -> None:
    call_command("migrate", verbosity=0)
    fill()
    from kim.accounts.models import Membership, Role
    from kim.clients import selectors
    from kim.core.scoping import Actor

    lead = Membership.objects.get(role=Role.TEAM_LEAD, user__email="lead@bench.example")
    manager = Membership.objects.filter(role=Role.CASE_MANAGER).order_by("pk").first()
    actors = {"team lead (20,000 in scope)": Actor(lead.user, lead), "case manager (2,000 in scope)": Actor(manager.user, manager)}
    print(f"database: {connection.vendor}, clients: {N}")
    queries = ["Mohammed Al-Ahmad", "Muhamad Alahmad", "محمد", "Oleksandr Koval", "Schewtschenko", "Hadad 1990",
               "Schmitt", "B-0004711", "0170 123"]
    for label, actor in actors.items():
        print(f"\nclient_search as {label}")
        for query in queries:
            median, slowest, size = timed(lambda q=query, a=actor: selectors.client_search(actor=a, query=q))
            print(f"  {query!r:24} median {median:7.1f} ms  max {slowest:7.1f} ms  hits {size}")
    print("\nclient_find_similar (all 100,000 clients, year ±1)")
    for given, family, year in [("Muhammad", "Alahmad", 1980), ("Олександр", "Коваль", 1979), ("Anna", "Schmitt", 1990)]:
        actor = actors["case manager (2,000 in scope)"]
        median, slowest, size = timed(
            lambda a=actor, g=given, f=family, y=year: selectors.client_find_similar(a, g, f, y)
        )
        print(f"  {given + ' ' + family!r:24} median {median:7.1f} ms  max {slowest:7.1f} ms  visible {size}")


if __name__ == "__main__":
    main()
