"""Demo cases for the Oberhausen demo (fictional persons), written through the apps' own services.

So that someone trying the demo sees a working day: requests waiting in the queue, one assigned for intake,
cases in several stages with assessments, help plans, contacts, referrals, consents, a residence timeline with
its deadline and today's appointments. Runs once; later runs find the demo clients and change nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kim.accounts.models import Membership, Organisation, Role
from kim.core.scoping import Actor

MARKER = "kim-demo.example"  # e-mail domain of the demo clients: how later runs recognise them


def _actor(email: str, role: str) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(user__email=email, role=role)
    return Actor(user=membership.user, membership=membership)


@transaction.atomic
def seed_demo_cases() -> bool:
    from kim.cases import services as cases
    from kim.cases.models import CaseStatus
    from kim.cases.referrals import referral_create
    from kim.clients.consent import consent_record
    from kim.clients.models import Client
    from kim.clients.services import client_create
    from kim.network.services import barrier_report
    from kim.residence.services import residence_status_create
    from kim.scheduling.services import appointment_create

    if Client.objects.filter(email__endswith=MARKER).exists():
        return False
    today = timezone.localdate()
    now = timezone.localtime()
    coordination = _actor("koordination@kim-demo.example", Role.COORDINATOR)
    layla = _actor("layla.haddad@kim-demo.example", Role.CASE_MANAGER)
    murat = _actor("murat.yildiz@kim-demo.example", Role.CASE_MANAGER)
    jobcenter = Organisation.objects.get(name="Jobcenter Oberhausen")
    abh = Organisation.objects.get(name="Stadt Oberhausen – Ausländerbehörde")

    # Requests in the queue: two open, one assigned to Layla for intake.
    cases.request_create(
        actor=coordination, channel="phone", name="Ahmad Karimi", phone="0176 5550101", preferred_language="fa",
        postcode="46045", street="Marktstraße", topics=["first_integration", "work"],
        message="Sucht Unterstützung bei Arbeitssuche und Anerkennung seines Abschlusses.",
        received_at=timezone.now() - dt.timedelta(days=9), contact_consent=True,
    )
    cases.request_create(
        actor=coordination, channel="partner", name="Familie Petrova", phone="0176 5550102", preferred_language="bg",
        postcode="46047", street="Dümptener Straße", topics=["family_problems"], referred_by="Jugendamt Oberhausen",
        message="Drei Kinder, Schulanmeldung und Wohnungssuche offen.",
        received_at=timezone.now() - dt.timedelta(days=3), contact_consent=True,
    )
    assigned = cases.request_create(
        actor=coordination, channel="walk_in", name="Olena Shevchenko", email=f"olena.shevchenko@{MARKER}",
        preferred_language="uk", postcode="46049", topics=["first_integration", "language"],
        message="Möchte einen Integrationskurs und Arbeit.", received_at=timezone.now() - dt.timedelta(days=2),
        contact_consent=True,
    )
    cases.request_assign(actor=coordination, request=assigned, membership=layla.membership)

    # A case in implementation with everything a case has.
    request = cases.request_create(
        actor=coordination, channel="phone", name="Mohammed Al-Ahmad", phone="0176 5550103", preferred_language="ar",
        postcode="46045", street="Mülheimer Straße", topics=["first_integration"],
        received_at=timezone.now() - dt.timedelta(days=120),
    )
    cases.request_assign(actor=coordination, request=request, membership=layla.membership)
    mohammed = client_create(
        actor=layla, given_names="Mohammed", family_name="Al-Ahmad", name_original_script="محمد الأحمد",
        birth_year=1999, birth_month=3, gender="male", nationalities=["SY"],
        languages=[{"code": "ar", "level": "native"}, {"code": "de", "level": "A2"}, {"code": "en", "level": "B1"}],
        interpreter_needed=True, interpreter_language="ar", phone="0176 5550103", email=f"mohammed.alahmad@{MARKER}",
        street="Mülheimer Straße 12", postcode="46045", arrival_germany=today - dt.timedelta(days=5 * 365),
        arrival_city=today - dt.timedelta(days=3 * 365),
    )
    case = cases.request_decide(
        actor=layla, request=request, admit=True, need_areas=["first_integration"], admission_rule_met=True,
        client=mohammed,
    )
    for consent in (
        {"purpose": "case_management", "data_categories": ["master_data", "residence", "education_work", "case_history"]},
        {"purpose": "share", "recipient": jobcenter, "data_categories": ["master_data", "education_work"]},
        {"purpose": "share", "recipient": abh, "data_categories": ["master_data", "residence"]},
        {"purpose": "contact_phone"},
    ):
        consent_record(actor=layla, client=mohammed, valid_from=today - dt.timedelta(days=110), form_language="ar", **consent)
    residence_status_create(
        actor=layla, client=mohammed, kind="duldung_60a", legal_basis="§ 60a Abs. 2 AufenthG",
        valid_from=today - dt.timedelta(days=300), valid_to=today + dt.timedelta(days=75),
        issuing_authority="Ausländerbehörde Oberhausen",
    )
    cases.assessment_create(
        actor=layla, case=case, assessed_on=today - dt.timedelta(days=100),
        levels={"language": 4, "work": 4, "income": 3, "residence": 4, "housing": 2, "participation": 3},
        resources={"language": "Englisch gut, sehr motiviert", "work": "Berufserfahrung als Elektriker in Syrien"},
        note="Erstgespräch mit Dolmetscher.",
    )
    cases.assessment_create(
        actor=layla, case=case, assessed_on=today - dt.timedelta(days=10),
        levels={"language": 2, "work": 3, "income": 3, "residence": 3, "housing": 1, "participation": 2},
        resources={"language": "Integrationskurs B1 läuft"},
    )
    for status in (CaseStatus.ASSESSMENT, CaseStatus.PLANNING, CaseStatus.IMPLEMENTATION):
        case.refresh_from_db()
        cases.case_change_status(actor=layla, case=case, to_status=status, expected_version=case.version)
    goal = cases.goal_create(
        actor=layla, case=case, domain="language", wording="Deutsch B1 (Zertifikat) bis zum Sommer",
        agreed_with_client=True, target_date=today + dt.timedelta(days=150),
    )
    cases.measure_create(actor=layla, goal=goal, description="Anmeldung zur B1-Prüfung bei der VHS",
                         responsible="client", partner="VHS Oberhausen", due_date=today - dt.timedelta(days=3))
    work = cases.goal_create(
        actor=layla, case=case, domain="work", wording="Anerkennung der Elektriker-Ausbildung und Arbeitsstelle",
        agreed_with_client=True, target_date=today + dt.timedelta(days=270),
    )
    cases.measure_create(actor=layla, goal=work, description="Unterlagen zur Anerkennungsberatung bringen",
                         responsible="client", partner="", due_date=today + dt.timedelta(days=14))
    residence_goal = cases.goal_create(
        actor=layla, case=case, domain="residence", wording="Bleibeperspektive klären (§ 25b / Ausbildungsduldung)",
        agreed_with_client=True, target_date=today + dt.timedelta(days=60),
    )
    cases.measure_create(actor=layla, goal=residence_goal, description="Vorprüfung mit der Ausländerbehörde besprechen",
                         responsible="case_manager", partner="Ausländerbehörde", due_date=today + dt.timedelta(days=21))
    for days, minutes, mode, note in (
        (100, 90, "office", "<p>Erstgespräch mit Dolmetscherin, Einschätzung aller Lebensbereiche.</p>"),
        (60, 45, "accompaniment", "<p>Begleitung zur Ausländerbehörde, Verlängerung der Duldung.</p>"),
        (10, 60, "office", "<p>Zweite Einschätzung; Sprachkurs läuft gut. Hilfeplan angepasst.</p>"),
        (2, 20, "phone", "<p>Telefonat: Unterlagen für die Anerkennung besprochen.</p>"),
    ):
        cases.contact_create(
            actor=layla, case=case, happened_on=today - dt.timedelta(days=days), minutes=minutes, mode=mode,
            interpreter_language="ar" if mode != "phone" else "", domains=["language", "work"], note=note,
        )
    referral_create(
        actor=layla, case=case, to_organisation=jobcenter, to_service="Arbeitsvermittlung",
        partner_email="vermittlung@jobcenter.example", domain="work",
        reason="Unterstützung bei Arbeitssuche als Elektrohelfer; Anerkennung läuft.",
        due_date=today + dt.timedelta(days=5),
    )
    start = now.replace(hour=14, minute=0, second=0, microsecond=0)
    appointment_create(
        actor=layla, case=case, title="Beratung: Bewerbungsunterlagen", starts_at=start,
        ends_at=start + dt.timedelta(hours=1), place="Renate-Weckwerth-Haus, Raum 2.14", interpreter_language="ar",
    )
    barrier_report(
        actor=layla, case=case, category="waiting", institution="Ausländerbehörde Oberhausen",
        description="Termine zur Verlängerung von Duldungen sind erst nach mehreren Wochen zu bekommen; "
        "Betroffene stehen in der Zwischenzeit ohne gültiges Dokument da.",
    )

    # A second case in assessment, and one at another organisation.
    rana = client_create(
        actor=layla, given_names="Rana", family_name="Haddad", birth_year=1986, gender="female",
        nationalities=["SY"], languages=[{"code": "ar", "level": "native"}], phone="0176 5550104",
        email=f"rana.haddad@{MARKER}", street="Elsässer Straße 5", postcode="46045",
    )
    second = cases.case_open(actor=layla, client=rana, need_areas=["family_problems"], admission_rule_met=True,
                             came_via="Kita-Leitung")
    consent_record(actor=layla, client=rana, purpose="case_management", data_categories=["master_data", "family"],
                   valid_from=today - dt.timedelta(days=20), form_language="ar")
    cases.case_change_status(actor=layla, case=second, to_status=CaseStatus.ASSESSMENT, expected_version=second.version)
    start = now.replace(hour=10, minute=30, second=0, microsecond=0) + dt.timedelta(days=1)
    appointment_create(actor=layla, case=second, title="Hausbesuch", starts_at=start,
                       ends_at=start + dt.timedelta(minutes=90), place="Hausbesuch", kind="client")

    emre = client_create(
        actor=murat, given_names="Emre", family_name="Yılmaz", birth_year=1972, gender="male", nationalities=["TR"],
        languages=[{"code": "tr", "level": "native"}], phone="0176 5550105", email=f"emre.yilmaz@{MARKER}",
        postcode="46049", street="Styrumer Straße 40",
    )
    third = cases.case_open(actor=murat, client=emre, need_areas=["care_setting"], admission_rule_met=True,
                            came_via="Pflegestützpunkt")
    cases.contact_create(actor=murat, case=third, happened_on=today - dt.timedelta(days=4), minutes=60,
                         mode="home_visit", interpreter_language="", domains=["care", "health"],
                         note="<p>Hausbesuch: Pflegegrad beantragen, Nachbarschaftshilfe organisieren.</p>")
    return True
