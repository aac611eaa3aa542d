"""``kim send-reminders``: the daily reminder e-mail (run once a day by cron or a systemd timer).

Before reminding, the residence rule is re-run for every client with an expiring status, so deadlines follow
changes that sent no signal. Idempotent: every item mailed to a person is logged for the day
(kim.scheduling.models.ReminderLog); a second run on the same day mails only items that were not mailed yet,
and nothing if there are none. ``--dry-run`` prints the e-mails and writes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.scheduling import reminders
from kim.scheduling.models import ReminderLog
from kim.scheduling.residence import sync_all_residence_deadlines

SYSTEM_JOB = "send-reminders"


class Command(BaseCommand):
    help = "E-mail each person what is due (appointments tomorrow, deadlines, overdue measures, referrals). Idempotent per day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the e-mails; send and write nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        today = timezone.localdate()
        if not dry_run:
            checked = sync_all_residence_deadlines()
            self.stdout.write(f"Residence rule checked for {checked} client(s).")
        sent_today = {
            (user_id, item_type, object_id)
            for user_id, item_type, object_id in ReminderLog.objects.filter(day=today).values_list(
                "user_id", "item_type", "object_id"
            )
        }
        mails = items = 0
        for user_id, digest in sorted(reminders.collect(today).items()):
            already = {(t, o) for (u, t, o) in sent_today if u == user_id}
            new = digest.without(already)
            if not len(new):
                continue
            subject, body = reminders.render(new, today)
            if dry_run:
                self.stdout.write(f"To: {new.user.email}\nSubject: {subject}\n\n{body}\n{'=' * 72}")
                mails += 1
                items += len(new)
                continue
            try:
                with transaction.atomic():
                    # The log rows first: a concurrent run trips over the unique constraint and sends nothing.
                    ReminderLog.objects.bulk_create(
                        [
                            ReminderLog(user_id=user_id, day=today, item_type=t, object_id=o)
                            for t, o in new.item_keys()
                        ]
                    )
                    send_mail(
                        subject, body, settings.DEFAULT_FROM_EMAIL, [new.user.email], fail_silently=False
                    )
                    audit_log(
                        actor=Actor.system(),
                        system=SYSTEM_JOB,
                        action="scheduling.reminder.send",
                        object_type="accounts.user",
                        object_id=user_id,
                        object_label=str(new.user),
                        details={"day": today.isoformat(), "items": len(new)},
                    )
            except IntegrityError:
                self.stderr.write(f"User {user_id}: already reminded by a parallel run; skipped.")
                continue
            except (
                Exception
            ) as error:  # one failing mailbox must not stop the others; logged rows rolled back
                self.stderr.write(
                    f"User {user_id}: e-mail failed ({error.__class__.__name__}); will retry next run."
                )
                continue
            mails += 1
            items += len(new)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {mails} e-mail(s) with {items} item(s).")
