"""Signal receivers (connected in SchedulingConfig.ready): the residence rule follows the timeline and cases."""

from __future__ import annotations


def residence_status_changed(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    from kim.scheduling.residence import sync_residence_deadline

    sync_residence_deadline(instance.client_id)


def case_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from kim.scheduling.residence import sync_residence_deadline

    sync_residence_deadline(instance.client_id)
