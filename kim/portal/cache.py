"""Caching of public pages, correct with any number of processes.

Every change that a public page can show bumps one counter row in the database (:class:`ContentGeneration`)
inside the transaction of the change. Cached pages are stored under keys that contain the counter::

    portal:<generation>:<path>

A request reads the counter (one indexed single-row query, ~0.1 ms) and looks up its key. After a publish
the counter is higher, so every process – whatever cache it uses: per-process memory (the default
``locmemcache``) or a shared Redis/Memcached – computes a key no copy exists for yet and renders afresh;
old entries are never read again and expire. Because the counter is bumped in the publishing
transaction, a reader that sees the new counter also sees the new content (the content is read after the
counter), so a stale page can never be stored under a new key.

The key also names the release (``KIM_RELEASE``, or a fingerprint of the code, templates and compiled
catalogues): after a deployment a shared cache does not serve pages rendered by the previous version.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from kim.portal.models import ContentGeneration

#: Lifetime of an entry; only memory housekeeping – correctness comes from the generation in the key.
TIMEOUT_SECONDS = 6 * 3600


def current_generation() -> int:
    """The counter, read with one primary-key lookup in plain SQL (it runs on every public request; the ORM
    would cost 25 times as much as the query itself)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {ContentGeneration._meta.db_table} WHERE id = %s", [1])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_generation() -> None:
    """Call in the transaction of every change that public pages show (publish, unpublish, reorder …)."""
    with transaction.atomic():
        updated = ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1)
        if not updated:
            ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 2})


@lru_cache(maxsize=1)
def release() -> str:
    """The deployed version: ``KIM_RELEASE`` if set, else a fingerprint (names, sizes, modification times) of
    the package's Python files, templates and compiled catalogues – computed once per process."""
    configured = getattr(settings, "KIM_RELEASE", "")
    if configured:
        return configured
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(__file__).resolve().parents[1]
    for directory, _dirs, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith((".py", ".html", ".mo", ".css")):
                stat = os.stat(os.path.join(directory, name))
                digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def key_for(generation: int, name: str) -> str:
    return f"portal:{release()}:{generation}:{name}"


def fetch(generation: int, name: str):
    return cache.get(key_for(generation, name))


def store(generation: int, name: str, value) -> None:
    cache.set(key_for(generation, name), value, TIMEOUT_SECONDS)
