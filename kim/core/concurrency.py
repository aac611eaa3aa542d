"""Optimistic locking: two people saving the same record – the second save is refused, nothing is lost.

Models with a ``version`` field are saved through :func:`save_versioned`: the update only goes through when
the version the user started from is still the current one, and bumps it. Otherwise
:class:`StaleRecordError` carries the current state, so the form can show the other change next to the
user's own input.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F


class StaleRecordError(Exception):
    def __init__(self, current):
        self.current = current
        super().__init__("The record was changed by someone else in the meantime.")


def save_versioned(instance: models.Model, expected_version: int, fields: list[str]) -> None:
    """Write ``fields`` of ``instance`` if its stored version is ``expected_version``; bump the version."""
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise StaleRecordError(model._default_manager.get(pk=instance.pk))
    instance.version = expected_version + 1
