"""``kim scan-pipeline-alerts``: the daily scan of the candidate pipeline (run once a day by cron or a systemd
timer, before ``kim send-reminders`` so that new deadlines are in the same day's e-mail).

Ends the authority's access to referred candidates whose consent expired or was withdrawn, and brings the
pipeline's deadlines in line with the alerts (kim.residence.alerts). Idempotent: a second run on the same day
creates nothing.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kim.core.audit import audit_log
from kim.core.scoping import Actor
from kim.residence.alerts import SYSTEM_JOB, scan


class Command(BaseCommand):
    help = "Scan the residence pipeline: end access under lapsed consents, make deadlines from alerts. Idempotent."

    def handle(self, *args, **options):
        counts = scan()
        audit_log(actor=Actor.system(), system=SYSTEM_JOB, action="residence.pipeline.scan", details=counts)
        self.stdout.write(
            "Pipeline scanned: {persons} person(s), {deadlines_created} new deadline(s), "
            "{access_ended} access(es) ended.".format(**counts)
        )
