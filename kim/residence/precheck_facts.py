"""Pre-fill the pre-check's fact model (PRECHECK-CONTRACT.md) with what the platform knows about a client.

Only facts the platform records are filled in: the birth date (only when year, month and day are known), the
decision date, the date of entry and the residence-status timeline. Everything else stays out, so that the
engine reports it as missing instead of guessing. Statuses the engine's fact model has no value for (visa, EU
freedom of movement, German citizenship) are left out and named in the notes; so is a Fiktionsbescheinigung
that overlaps another status (the engine's timeline does not allow overlaps).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kim.clients.models import Client
from kim.residence.models import ResidenceStatus, StatusKind

#: StatusKind → the engine's ``status_history[].status`` (kim.residence.precheck.facts.STATUSES).
STATUS_MAP = {
    StatusKind.ASYLUM_PROCEDURE: "gestattung",
    StatusKind.DULDUNG: "duldung_60a",
    StatusKind.DULDUNG_60A: "duldung_60a",
    StatusKind.DULDUNG_60B: "duldung_60b_ungeklaerte_identitaet",
    StatusKind.DULDUNG_60C: "duldung_60c",
    StatusKind.DULDUNG_60D: "duldung_60d",
    StatusKind.AUFENTHALTSERLAUBNIS: "aufenthaltserlaubnis",
    StatusKind.CHANCEN_104C: "aufenthaltserlaubnis",
    StatusKind.NIEDERLASSUNGSERLAUBNIS: "niederlassungserlaubnis",
    StatusKind.DAUERAUFENTHALT_EU: "daueraufenthalt_eu",
    StatusKind.FIKTION: "fiktion_81_4",
    StatusKind.NONE: "none",
}
#: Legal basis assumed where the kind names it and the record has none.
DEFAULT_BASIS = {StatusKind.CHANCEN_104C: "§ 104c AufenthG"}


def _birth_date(client: Client) -> dt.date | None:
    if not (client.birth_year and client.birth_month and client.birth_day):
        return None
    try:
        return dt.date(client.birth_year, client.birth_month, client.birth_day)
    except ValueError:
        return None


def _overlaps(a: ResidenceStatus, b: ResidenceStatus) -> bool:
    end_a = a.valid_to or dt.date.max
    end_b = b.valid_to or dt.date.max
    return a.valid_from < end_b and b.valid_from < end_a


def _period(status: ResidenceStatus) -> dict:
    entry = {
        "status": STATUS_MAP[status.kind],
        "from": status.valid_from.isoformat(),
        "to": status.valid_to.isoformat() if status.valid_to else None,
    }
    basis = status.legal_basis or DEFAULT_BASIS.get(status.kind, "")
    if basis:
        entry["title_basis"] = basis
    return entry


def prefill_from_client(client: Client, on: dt.date) -> tuple[dict, list[str]]:
    """The facts the platform knows about ``client`` on decision date ``on``, and notes on what was left out.

    The caller has fetched ``client`` through the actor's scope."""
    facts: dict = {}
    notes: list[str] = []
    person: dict = {"evaluation_date": on.isoformat()}
    birth = _birth_date(client)
    if birth is not None:
        person["birth_date"] = birth.isoformat()
    elif client.birth_year:
        notes.append(_("The birth date is only partly known; enter person.birth_date if it is known."))
    facts["person"] = person
    if client.arrival_germany:
        facts["entry_date"] = client.arrival_germany.isoformat()

    statuses = list(ResidenceStatus.objects.filter(client=client).order_by("valid_from", "pk"))
    mapped = [s for s in statuses if s.kind in STATUS_MAP]
    for status in statuses:
        if status.kind not in STATUS_MAP:
            notes.append(
                _("The status “%(status)s” from %(date)s has no counterpart in the pre-check and was left out.")
                % {"status": status.get_kind_display(), "date": status.valid_from.isoformat()}
            )
    kept = []
    for status in mapped:
        if status.kind == StatusKind.FIKTION and any(
            other is not status and _overlaps(status, other) for other in mapped
        ):
            notes.append(
                _("The Fiktionsbescheinigung from %(date)s overlaps another status and was left out.")
                % {"date": status.valid_from.isoformat()}
            )
            continue
        kept.append(status)
    if kept:
        facts["status_history"] = [_period(s) for s in kept]
    return facts, notes


def facts_from_client(client: Client, on: dt.date) -> dict:
    """The pre-filled facts alone (see :func:`prefill_from_client`)."""
    return prefill_from_client(client, on)[0]
