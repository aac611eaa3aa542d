"""Demo candidates of the pipeline (fictional persons), written through the pipeline's own services.

For the demo foreigners' authority (login abh@kim-demo.example) and naturalisation authority
(ebh@kim-demo.example): candidates across routes and stages with a history spread over the year, one § 104c
holder near the end of the 18 months, one § 25a candidate turning 27 in four months and one Duldung running
out in three weeks – all relative to today, so the demo always shows alerts. Runs once; a later run finds the
candidates and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kim.accounts.models import Membership, Role
from kim.core.scoping import Actor
from kim.residence.precheck.dates import add_months, period_end

ABH_LOGIN = "abh@kim-demo.example"
EBH_LOGIN = "ebh@kim-demo.example"


def _actor(email: str, role: str) -> Actor | None:
    membership = (
        Membership.objects.select_related("user", "organisation").filter(user__email=email, role=role).first()
    )
    return Actor(user=membership.user, membership=membership) if membership else None


def _walk(actor: Actor, candidate, steps, today: dt.date) -> None:
    """Move a candidate through ``steps``: (stage, days ago, note)."""
    from kim.residence.pipeline import candidate_move

    for stage, days_ago, note in steps:
        candidate.refresh_from_db()
        candidate_move(
            actor=actor,
            candidate=candidate,
            to_stage=stage,
            expected_version=candidate.version,
            note=note,
            reached_on=today - dt.timedelta(days=days_ago),
        )


def _register(actor: Actor, today: dt.date, *, days_ago: int, route: str, status: dict, **person):
    from kim.residence.pipeline import candidate_register

    return candidate_register(
        actor=actor, routes=[route], status=status, reached_on=today - dt.timedelta(days=days_ago), **person
    )[0]


@transaction.atomic
def seed_demo_pipeline() -> bool:
    from kim.clients.models import Client
    from kim.residence.models import Candidate
    from kim.residence.pipeline import candidate_propose

    abh, ebh = _actor(ABH_LOGIN, Role.AUTHORITY_STAFF), _actor(EBH_LOGIN, Role.AUTHORITY_STAFF)
    if abh is None or ebh is None:
        return False
    if Candidate.objects.filter(authority__in=[abh.organisation, ebh.organisation]).exists():
        return False
    today = timezone.localdate()

    # Referred by case management: Mohammed Al-Ahmad (kim.cases.demo), with his consent to share with the ABH.
    layla = _actor("layla.haddad@kim-demo.example", Role.CASE_MANAGER)
    mohammed = Client.objects.filter(email="mohammed.alahmad@kim-demo.example").first()
    if layla is not None and mohammed is not None:
        proposed = candidate_propose(
            actor=layla,
            client=mohammed,
            authority=abh.organisation,
            routes=["AUFENTHG_25B"],
            note="Integrationskurs B1 läuft, Arbeitsangebot als Elektrohelfer liegt vor. Bitte Beratung zu § 25b.",
        )[0]
        _walk(
            abh,
            proposed,
            [("counselled", 0, "Perspektivberatung mit Dolmetscherin; Unterlagenliste ausgehändigt.")],
            today,
        )

    # A § 104c holder two months before the end of the 18 months, no § 25a/§ 25b route met yet.
    granted = add_months(today, -16)
    samir = _register(
        abh,
        today,
        days_ago=300,
        route="AUFENTHG_25B",
        status={
            "kind": "aufenthaltserlaubnis_104c",
            "legal_basis": "§ 104c AufenthG",
            "valid_from": granted,
            "valid_to": period_end(granted, 18, count_start_day=True),
        },
        given_names="Samir",
        family_name="Nouri",
        birth_year=1991,
        birth_month=5,
        birth_day=12,
        gender="male",
        nationalities=["AF"],
        arrival_germany=dt.date(2016, 3, 2),
    )
    _walk(abh, samir, [("counselled", 240, "Hinweispflicht nach § 104c Abs. 4 erfüllt.")], today)

    # A § 25a candidate who turns 27 in four months.
    turns_27 = add_months(today, 4)
    _walk(
        abh,
        _register(
            abh,
            today,
            days_ago=150,
            route="AUFENTHG_25A",
            status={
                "kind": "duldung_60a",
                "legal_basis": "§ 60a Abs. 2 AufenthG",
                "valid_from": today - dt.timedelta(days=90),
                "valid_to": today + dt.timedelta(days=150),
            },
            given_names="Aylin",
            family_name="Demir",
            birth_year=turns_27.year - 27,
            birth_month=turns_27.month,
            birth_day=turns_27.day,
            gender="female",
            nationalities=["TR"],
            arrival_germany=dt.date(2015, 9, 14),
        ),
        [
            ("counselled", 120, ""),
            ("documents_complete", 10, "Schulzeugnisse und Ausbildungsvertrag liegen vor."),
        ],
        today,
    )

    # A Duldung running out in three weeks.
    _register(
        abh,
        today,
        days_ago=20,
        route="AUFENTHG_25B",
        status={
            "kind": "duldung_60a",
            "legal_basis": "§ 60a Abs. 2 AufenthG",
            "valid_from": today - dt.timedelta(days=160),
            "valid_to": today + dt.timedelta(days=21),
        },
        given_names="Dawit",
        family_name="Tesfaye",
        birth_year=1988,
        birth_month=1,
        birth_day=30,
        gender="male",
        nationalities=["ER"],
        arrival_germany=dt.date(2014, 11, 20),
    )
    # Decided procedures earlier in the year, for the statistics.
    _walk(
        abh,
        _register(
            abh,
            today,
            days_ago=320,
            route="AUFENTHG_25B",
            status={
                "kind": "aufenthaltserlaubnis",
                "legal_basis": "§ 25b AufenthG",
                "valid_from": today - dt.timedelta(days=40),
                "valid_to": today + dt.timedelta(days=690),
            },
            given_names="Grace",
            family_name="Okafor",
            birth_year=1985,
            birth_month=8,
            birth_day=3,
            gender="female",
            nationalities=["NG"],
            arrival_germany=dt.date(2015, 6, 1),
        ),
        [("counselled", 280, ""), ("documents_complete", 200, ""), ("applied", 150, ""), ("granted", 40, "")],
        today,
    )
    _walk(
        abh,
        _register(
            abh,
            today,
            days_ago=260,
            route="AUFENTHG_19D",
            status={
                "kind": "duldung_60a",
                "legal_basis": "§ 60a Abs. 2 AufenthG",
                "valid_from": today - dt.timedelta(days=100),
                "valid_to": today + dt.timedelta(days=200),
            },
            given_names="Bilal",
            family_name="Rahimi",
            birth_year=1993,
            birth_month=11,
            birth_day=9,
            gender="male",
            nationalities=["PK"],
            arrival_germany=dt.date(2017, 2, 11),
        ),
        [("counselled", 230, ""), ("documents_complete", 170, ""), ("applied", 95, "")],
        today,
    )

    # Naturalisation authority.
    settled = {
        "kind": "niederlassungserlaubnis",
        "legal_basis": "§ 9 AufenthG",
        "valid_from": dt.date(2019, 4, 1),
    }
    for given, family, born, nationality, steps in (
        (
            "Ahmet",
            "Kaya",
            (1980, 2, 17),
            "TR",
            [
                ("counselled", 200, ""),
                ("documents_complete", 160, ""),
                ("applied", 130, ""),
                ("granted", 25, "Urkunde ausgehändigt."),
            ],
        ),
        (
            "Lina",
            "Haddad",
            (1994, 7, 28),
            "SY",
            [("counselled", 110, ""), ("documents_complete", 70, ""), ("applied", 45, "")],
        ),
        ("Olena", "Bondarenko", (1987, 12, 5), "UA", [("counselled", 30, "Einbürgerungstest noch offen.")]),
        (
            "Hassan",
            "Al-Sayed",
            (1979, 3, 22),
            "IQ",
            [("withdrawn", 60, "Antrag zurückgezogen, Umzug nach Köln.")],
        ),
    ):
        candidate = _register(
            ebh,
            today,
            days_ago=240,
            route="STAG_10",
            status=settled,
            given_names=given,
            family_name=family,
            birth_year=born[0],
            birth_month=born[1],
            birth_day=born[2],
            gender="not_stated",
            nationalities=[nationality],
            arrival_germany=dt.date(2013, 5, 1),
        )
        _walk(ebh, candidate, steps, today)
    _register(
        ebh,
        today,
        days_ago=5,
        route="STAG_10",
        status={"kind": "freizuegigkeit", "valid_from": dt.date(2012, 8, 1)},
        given_names="Marius",
        family_name="Ionescu",
        birth_year=1990,
        birth_month=6,
        birth_day=14,
        gender="male",
        nationalities=["RO"],
        arrival_germany=dt.date(2012, 8, 1),
    )
    return True
