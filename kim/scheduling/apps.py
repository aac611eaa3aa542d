from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "kim.scheduling"
    label = "scheduling"
    verbose_name = _("Appointments and deadlines")

    def ready(self):
        from kim.cases.models import Case
        from kim.residence.models import ResidenceStatus
        from kim.scheduling import signals

        # The residence rule (kim.scheduling.residence): a deadline three months before a document expires.
        post_save.connect(
            signals.residence_status_changed, sender=ResidenceStatus, dispatch_uid="sched_res_save"
        )
        post_delete.connect(
            signals.residence_status_changed, sender=ResidenceStatus, dispatch_uid="sched_res_delete"
        )
        # Its responsible person is the case manager of the client's most recent open case.
        post_save.connect(signals.case_changed, sender=Case, dispatch_uid="sched_case_save")
        post_delete.connect(signals.case_changed, sender=Case, dispatch_uid="sched_case_delete")
