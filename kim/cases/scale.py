"""Synthetic case data at scale, for load tests and benchmarks (``kim seed-demo --scale N``).

Generates N fictional clients with one case each, about ten contacts per client, referrals, assessments and
appointments, spread over synthetic case managers with a realistic caseload (about 90 clients each), written with bulk inserts in batches. Names are drawn
from lists of common names of the largest groups in Oberhausen, some with the original script, so that
fuzzy search has realistic work. Idempotent per scale: it tops the synthetic population up to N.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from kim.accounts.models import District, Membership, Role
from kim.cases.models import (
    Assessment,
    AssessmentItem,
    Case,
    CaseStatus,
    Contact,
    ContactMode,
    LifeDomain,
    Referral,
    ReferralStatus,
)
from kim.clients.models import Client, Gender
from kim.core.crypto import encrypt_text

PREFIX = "S-"  # synthetic case numbers, apart from the running numbers of real cases
SYNTHETIC_EMAIL_PREFIX = "synthetic-cm-"

GIVEN = {
    "ar": ["Mohammed", "Ahmad", "Omar", "Youssef", "Khaled", "Rana", "Aisha", "Fatima", "Layla", "Hussein", "Amal", "Samir"],
    "tr": ["Mehmet", "Ayşe", "Emre", "Elif", "Murat", "Zeynep", "Hakan", "Fatma", "Can", "Merve"],
    "uk": ["Oleksandr", "Olena", "Andrii", "Iryna", "Dmytro", "Natalia", "Serhii", "Tetiana", "Yulia", "Mykola"],
    "ro": ["Andrei", "Maria", "Ion", "Elena", "Gheorghe", "Ioana", "Mihai", "Ana"],
    "bg": ["Georgi", "Ivana", "Dimitar", "Petya", "Nikolai", "Maria", "Stoyan"],
    "fa": ["Reza", "Parisa", "Ali", "Maryam", "Hamid", "Zahra", "Farid", "Shirin"],
}
FAMILY = {
    "ar": ["Al-Ahmad", "Haddad", "Khalil", "Mansour", "Saleh", "Ibrahim", "Hassan", "Darwish", "Nasser", "Aziz"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan"],
    "uk": ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Oliinyk", "Boyko"],
    "ro": ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Munteanu", "Constantin"],
    "bg": ["Ivanov", "Georgieva", "Petrov", "Dimitrova", "Nikolov", "Stoyanova"],
    "fa": ["Ahmadi", "Hosseini", "Karimi", "Rezaei", "Mohammadi", "Jafari", "Rahimi"],
}
SCRIPT = {"Mohammed": "محمد", "Ahmad": "أحمد", "Omar": "عمر", "Oleksandr": "Олександр", "Olena": "Олена", "Reza": "رضا"}
NATIONALITY = {"ar": "SY", "tr": "TR", "uk": "UA", "ro": "RO", "bg": "BG", "fa": "IR"}
NOTES = [
    "<p>Beratung zu Sprachkurs und Kinderbetreuung.</p>",
    "<p>Begleitung zum Jobcenter, Antrag besprochen.</p>",
    "<p>Telefonat: Unterlagen für die Ausländerbehörde vollständig.</p>",
    "<p>Hausbesuch, Wohnsituation geklärt.</p>",
]


def _day(rng: random.Random, start: dt.date, spread: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, spread))


def existing_count() -> int:
    return Case.objects.filter(number__startswith=PREFIX).count()


def generate(n_clients: int, *, contacts_per_client: int = 10, batch: int = 2000, seed: int = 2026, stdout=None) -> int:
    """Top the synthetic population up to ``n_clients``; returns how many were added."""
    from kim.clients import names
    from kim.clients.models import ClientSearchKey

    have = existing_count()
    if have >= n_clients:
        return 0
    rng = random.Random(seed + have)
    members = synthetic_case_managers(n_clients)
    districts = list(District.objects.all()) or [None]
    today = timezone.localdate()
    languages = list(GIVEN)
    scheduling = _scheduling_models()
    added = 0
    encrypted_notes = [encrypt_text(note) for note in NOTES]  # the same ciphertext shape as real notes
    while have + added < n_clients:
        size = min(batch, n_clients - have - added)
        with transaction.atomic():
            clients, cases = [], []
            for i in range(size):
                index = have + added + i
                lang = rng.choice(languages)
                given, family = rng.choice(GIVEN[lang]), rng.choice(FAMILY[lang])
                member = members[index % len(members)]
                clients.append(
                    Client(
                        organisation=member.organisation,
                        given_names=given,
                        family_name=family,
                        name_original_script=SCRIPT.get(given, ""),
                        birth_year=rng.randint(1950, 2008),
                        birth_month=rng.choice([None, rng.randint(1, 12)]),
                        gender=rng.choice([Gender.FEMALE, Gender.MALE, Gender.MALE, Gender.FEMALE, Gender.DIVERSE, Gender.NOT_STATED]),
                        nationalities=[NATIONALITY[lang]],
                        languages=[{"code": lang, "level": "native"}],
                        phone=f"0176 {rng.randint(1000000, 9999999)}",
                        postcode=rng.choice(["46045", "46047", "46049", "46117", "46145", "46147"]),
                        district=rng.choice(districts),
                        created_by=member.user,
                    )
                )
            for client in clients:
                spellings = [f"{client.given_names} {client.family_name}"]
                if client.name_original_script:
                    spellings.append(client.name_original_script)
                document = names.search_document(spellings)
                client.search_names, client.search_keys = document.names, document.keys
                client._key_set = document.key_set
                if hasattr(client, "phone_digits"):
                    client.phone_digits = names.phone_digits(client.phone)
            Client.objects.bulk_create(clients, batch_size=1000)
            ClientSearchKey.objects.bulk_create(
                [ClientSearchKey(client=c, key=k) for c in clients for k in sorted(c._key_set)], batch_size=5000
            )
            for i, client in enumerate(clients):
                index = have + added + i
                member = members[index % len(members)]
                opened = today - dt.timedelta(days=rng.randint(0, 900))
                closed = rng.random() < 0.35
                cases.append(
                    Case(
                        number=f"{PREFIX}{index + 1:07d}",
                        client=client,
                        organisation=member.organisation,
                        case_manager=member.user,
                        status=CaseStatus.CLOSED if closed else rng.choice(
                            [CaseStatus.INTAKE, CaseStatus.ASSESSMENT, CaseStatus.PLANNING, CaseStatus.IMPLEMENTATION, CaseStatus.IMPLEMENTATION]
                        ),
                        need_areas=[rng.choice(["first_integration", "family_problems", "care_setting"])],
                        domains=rng.sample(LifeDomain.values, 3),
                        opened_on=opened,
                        closed_on=opened + dt.timedelta(days=rng.randint(30, 300)) if closed else None,
                        closure_reason="goals_reached" if closed else "",
                        goal_attainment=rng.randint(1, 4) if closed else None,
                    )
                )
            Case.objects.bulk_create(cases, batch_size=1000)
            contacts, referrals, assessments, appointments = [], [], [], []
            for case in cases:
                span = max((today - case.opened_on).days, 1)
                for _k in range(max(0, int(rng.gauss(contacts_per_client, 3)))):
                    contacts.append(
                        Contact(
                            case=case,
                            happened_on=case.opened_on + dt.timedelta(days=rng.randint(0, span)),
                            minutes=rng.choice([15, 30, 45, 60, 90, 120]),
                            mode=rng.choice(ContactMode.values),
                            interpreter_language=rng.choice(["", "", "ar", "tr", "uk"]),
                            domains=rng.sample(LifeDomain.values, 2),
                            note=rng.choice(encrypted_notes),
                            created_by=case.case_manager,
                        )
                    )
                if rng.random() < 0.5:
                    referrals.append(
                        Referral(
                            case=case,
                            to_service=rng.choice(["Sprachkurs VHS", "Schuldnerberatung", "Migrationsberatung", "Jobcenter"]),
                            domain=rng.choice(LifeDomain.values),
                            reason="Vermittlung",
                            due_date=today + dt.timedelta(days=rng.randint(-30, 30)),
                            status=rng.choice(ReferralStatus.values),
                            created_by=case.case_manager,
                        )
                    )
                if rng.random() < 0.25:
                    assessments.append(Assessment(case=case, assessed_on=case.opened_on, created_by=case.case_manager))
                if scheduling and case.status != CaseStatus.CLOSED:
                    for _k in range(2):
                        start = timezone.make_aware(
                            dt.datetime.combine(today + dt.timedelta(days=rng.randint(-30, 30)), dt.time(rng.randint(8, 15)))
                        )
                        appointments.append(
                            scheduling(
                                owner=case.case_manager,
                                organisation=case.organisation,
                                case=case,
                                title="Beratungstermin",
                                starts_at=start,
                                ends_at=start + dt.timedelta(minutes=60),
                                place="Büro",
                                created_by=case.case_manager,
                            )
                        )
            Contact.objects.bulk_create(contacts, batch_size=5000)
            Referral.objects.bulk_create(referrals, batch_size=2000)
            Assessment.objects.bulk_create(assessments, batch_size=2000)
            AssessmentItem.objects.bulk_create(
                [
                    AssessmentItem(assessment=a, domain=d, need_level=rng.randint(0, 4))
                    for a in assessments
                    for d in rng.sample(LifeDomain.values, 4)
                ],
                batch_size=5000,
            )
            if scheduling:
                scheduling.objects.bulk_create(appointments, batch_size=5000)
        added += size
        if stdout is not None:
            stdout.write(f"  {have + added:,} / {n_clients:,} synthetic clients")
    return added


CLIENTS_PER_CASE_MANAGER = 90  # about 60 open cases each: a realistic caseload


def synthetic_case_managers(n_clients: int) -> list[Membership]:
    """Enough synthetic case managers (no usable password) for a realistic caseload each, spread over the
    organisations that provide case management; created once, reused by later runs."""
    from kim.accounts.models import Organisation, StaffProfile, User

    wanted = max(1, -(-n_clients // CLIENTS_PER_CASE_MANAGER))
    organisations = list(Organisation.objects.filter(provides_case_management=True).order_by("pk"))
    if not organisations:
        raise RuntimeError("No organisation provides case management: run `kim seed-demo` first.")
    districts = list(District.objects.order_by("number"))
    existing = User.objects.filter(email__startswith=SYNTHETIC_EMAIL_PREFIX).count()
    new_users = []
    for index in range(existing, wanted):
        user = User(
            email=f"{SYNTHETIC_EMAIL_PREFIX}{index + 1:05d}@kim-demo.example",
            first_name="Synthetic",
            last_name=f"Case Manager {index + 1:05d}",
            is_demo=True,
        )
        user.set_unusable_password()
        new_users.append(user)
    User.objects.bulk_create(new_users, batch_size=1000)
    created = list(User.objects.filter(email__in=[u.email for u in new_users]).order_by("email"))
    Membership.objects.bulk_create(
        [
            Membership(user=user, organisation=organisations[i % len(organisations)], role=Role.CASE_MANAGER)
            for i, user in enumerate(created, start=existing)
        ],
        batch_size=1000,
    )
    profiles = StaffProfile.objects.bulk_create(
        [StaffProfile(user=user, languages=["ar", "tr"], max_caseload=60, weekly_hours=39) for user in created],
        batch_size=1000,
    )
    if districts:
        through = StaffProfile.districts.through
        through.objects.bulk_create(
            [through(staffprofile_id=p.pk, district_id=districts[i % len(districts)].pk) for i, p in enumerate(profiles)],
            batch_size=1000,
        )
    return list(
        Membership.objects.filter(user__email__startswith=SYNTHETIC_EMAIL_PREFIX, role=Role.CASE_MANAGER)
        .select_related("user", "organisation")
        .order_by("user__email")
    )


def _scheduling_models():
    try:
        from kim.scheduling.models import Appointment
    except ImportError:  # pragma: no cover - the scheduling app is part of the platform
        return None
    return Appointment
