"""The case life cycle: which status may follow which.

intake → assessment → planning → implementation (monitoring) → closed; any open status may be paused and
resumed to where it was; implementation may go back to planning (the plan is revised); a closed case may
be reopened (it starts again with an assessment).
"""

from __future__ import annotations

from kim.cases.models import CaseStatus

S = CaseStatus

TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.INTAKE: (S.ASSESSMENT, S.PAUSED, S.CLOSED),
    S.ASSESSMENT: (S.PLANNING, S.PAUSED, S.CLOSED),
    S.PLANNING: (S.IMPLEMENTATION, S.ASSESSMENT, S.PAUSED, S.CLOSED),
    S.IMPLEMENTATION: (S.PLANNING, S.PAUSED, S.CLOSED),
    S.PAUSED: (S.CLOSED,),  # resuming goes back to status_before_pause (see allowed_next)
    S.CLOSED: (),  # reopening is its own action
}

#: The forward path, for the progress indicator on the case page.
PATH = (S.INTAKE, S.ASSESSMENT, S.PLANNING, S.IMPLEMENTATION, S.CLOSED)


def allowed_next(status: str, status_before_pause: str = "") -> tuple[str, ...]:
    """The statuses a case in ``status`` may move to (closing has its own form and is included)."""
    nxt = TRANSITIONS.get(status, ())
    if status == S.PAUSED and status_before_pause:
        return (status_before_pause, *nxt)
    return nxt


def is_allowed(status: str, to_status: str, status_before_pause: str = "") -> bool:
    return to_status in allowed_next(status, status_before_pause)
