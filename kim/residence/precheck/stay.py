"""Continuity of residence ("ununterbrochen geduldet, gestattet oder mit einer Aufenthaltserlaubnis").

A chain is the run of qualifying status periods that reaches back from a reference day. Two starts are
computed: ``strict`` (the chain without any doubtful link) and ``tolerant`` (bridging short gaps of at most
``gap_tolerance_months`` (U-05) and periods of "conditional" statuses whose counting is legally open, e.g.
§ 60b periods in manual-check mode (U-24) or an Aufenthaltsgestattung whose counting for the StAG depends on
the outcome of the asylum procedure). A waiting time met from ``strict`` is met; met only from ``tolerant``
it needs a manual check; met from neither it is not met.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .dates import add_months
from .facts import StatusPeriod


class Chain(NamedTuple):
    strict: date | None
    tolerant: date | None
    periods: tuple[StatusPeriod, ...]  # the periods of the tolerant chain, latest first


NO_CHAIN = Chain(None, None, ())


def chain(periods: tuple[StatusPeriod, ...], ref: date, full: frozenset, conditional: frozenset,
          gap_months: int) -> Chain:
    """The chain of periods with a status in ``full`` (or ``conditional``) that covers ``ref``."""
    i = len(periods) - 1
    while i >= 0 and (periods[i].start > ref or periods[i].status == "none"):
        # An explicit "none" period is a gap like an undocumented one (U-05).
        i -= 1
    if i < 0:
        return NO_CHAIN
    p = periods[i]
    status = p.status
    if status in full:
        strict_ok = True
    elif status in conditional:
        strict_ok = False
    else:
        return NO_CHAIN
    if p.end is not None and p.end < ref:
        # Nothing documented between the end of the last period and the reference day.
        if ref > add_months(p.end, gap_months):
            return NO_CHAIN
        strict_ok = False
    strict = p.start if strict_ok else None
    tolerant = p.start
    members = [p]
    nxt = p
    i -= 1
    while i >= 0:
        q = periods[i]
        status = q.status
        if status == "none":
            i -= 1
            continue
        if status in full:
            pass
        elif status in conditional:
            strict_ok = False
        else:
            break
        end = q.end  # not None: only the latest period can be open-ended (overlaps are rejected)
        if end is not None and end.toordinal() + 1 < nxt.start.toordinal():
            if nxt.start.toordinal() - 1 > add_months(end, gap_months).toordinal():
                break
            strict_ok = False
        if strict_ok:
            strict = q.start
        tolerant = q.start
        members.append(q)
        nxt = q
        i -= 1
    return Chain(strict, tolerant, tuple(members))


def covering(periods: tuple[StatusPeriod, ...] | None, on: date) -> StatusPeriod | None:
    """The status period that covers ``on`` (None if the history is unknown or has nothing for that day)."""
    if not periods:
        return None
    for p in reversed(periods):
        if p.start <= on:
            if p.end is None or p.end >= on:
                return p
            return None
    return None
