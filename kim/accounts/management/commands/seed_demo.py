"""``kim seed-demo``: load the Oberhausen demo network. Idempotent: a second run changes nothing.

Demo logins with the known password exist only in demo mode (KIM_DEMO=1); without it the same staff are
created without a usable password and flagged as demo accounts, which cannot log in.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kim.accounts import demo
from kim.accounts.models import (
    ContactPoint,
    District,
    DistrictArea,
    Membership,
    OpeningHours,
    Organisation,
    StaffProfile,
    User,
)
from kim.core.audit import audit_log
from kim.core.scoping import Actor


class Command(BaseCommand):
    help = "Load the Oberhausen demo data (organisations, Sozialräume, staff). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also generate N synthetic clients with cases, contacts, referrals and appointments (load tests).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            self._seed(options)
        from kim.cases.demo import seed_demo_cases

        if seed_demo_cases():
            self.stdout.write("Demo cases, requests and appointments created (fictional persons).")
        from kim.portal.demo import seed_portal_content

        portal = seed_portal_content()
        self.stdout.write("Portal content: {items} new items, {translations} new texts.".format(**portal))
        from kim.residence.pipeline_demo import seed_demo_pipeline

        if seed_demo_pipeline():
            self.stdout.write("Demo candidates of the residence pipeline created (fictional persons).")
        if options["scale"]:
            from kim.cases.scale import generate

            self.stdout.write(f"Generating synthetic case data up to {options['scale']:,} clients …")
            added = generate(options["scale"], stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"{added:,} synthetic clients added."))

    def _seed(self, options):
        created = {"organisations": 0, "districts": 0, "users": 0}
        organisations = {}
        for name, short, kind, cm, street, postcode in demo.ORGANISATIONS:
            org, was_created = Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "short_name": short,
                    "kind": kind,
                    "provides_case_management": cm,
                    "street": street,
                    "postcode": postcode,
                    "city": "Oberhausen",
                },
            )
            organisations[name] = org
            created["organisations"] += was_created

        districts = {}
        for number, name, description, areas in demo.DISTRICTS:
            district, was_created = District.objects.get_or_create(
                number=number, defaults={"name": name, "description": description}
            )
            districts[number] = district
            created["districts"] += was_created
            for area in areas:
                postcode, _sep, street = area.partition(" ")
                if not DistrictArea.objects.filter(postcode=postcode, street__iexact=street).exists():
                    DistrictArea.objects.create(district=district, postcode=postcode, street=street)

        demo_mode = settings.KIM_DEMO
        for (email, first, last, org_name, role, title, languages, district_numbers, hours, caseload,
             phone) in demo.STAFF:
            user = User.objects.filter(email=email).first()
            is_new = user is None
            if is_new:
                user = User(email=email, first_name=first, last_name=last, is_demo=True)
                created["users"] += 1
            if demo_mode:
                # Hashing is slow on purpose: only set the password for new accounts and where none is usable.
                if is_new or not user.has_usable_password():
                    user.set_password(settings.KIM_DEMO_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
            Membership.objects.get_or_create(user=user, organisation=organisations[org_name], role=role)
            profile, profile_created = StaffProfile.objects.get_or_create(user=user)
            if profile_created or not profile.languages:
                profile.job_title = title
                profile.languages = languages
                profile.weekly_hours = Decimal(hours)
                profile.max_caseload = caseload
                profile.phone = phone
                profile.is_published = bool(district_numbers)
                profile.save()
                profile.districts.set([districts[n] for n in district_numbers])

        contact = demo.CENTRAL_CONTACT
        point, _created = ContactPoint.objects.get_or_create(
            is_central=True,
            defaults={**{k: v for k, v in contact.items() if k != "organisation"},
                      "organisation": organisations[contact["organisation"]]},
        )
        if not point.opening_hours.exists():
            OpeningHours.objects.bulk_create(
                [OpeningHours(contact_point=point, weekday=d, opens=o, closes=c) for d, o, c in demo.OPENING_HOURS]
            )

        if any(created.values()):
            audit_log(actor=Actor.system(), system="seed-demo", action="core.seed_demo", details=created)

        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready: {organisations} new organisations, {districts} new districts, "
                "{users} new staff accounts.".format(**created)
            )
        )
        if demo_mode and not options["quiet_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {settings.KIM_DEMO_PASSWORD}):")
            shown = set()
            for email, _first, _last, org_name, role, *_rest in demo.STAFF:
                if role in shown:
                    continue
                shown.add(role)
                self.stdout.write(f"  {role.label:<28} {email:<40} ({organisations[org_name]})")
            self.stdout.write("  (all ten case managers: see README)")
        elif not demo_mode:
            self.stdout.write("Demo mode is off: the demo staff have no usable password and cannot log in.")
