"""Outcome vocabulary (RULES.md 1.7) and the result types of the pre-check.

A route is evaluated into a list of :class:`Criterion` objects; :func:`decide` derives the route's outcome
from them. Criterion kinds:

* ``target`` – target group / scope of the norm; ``met=False`` gives NOT_APPLICABLE.
* ``hard`` – a precondition; ``met=False`` gives NOT_ELIGIBLE.
* ``time`` – a waiting time; ``met=False`` gives NOT_ELIGIBLE, and if only waiting times fail, the route's
  ``earliest_date`` is the latest of their ``earliest`` dates.
* ``regular`` – a requirement the authority may deviate from ("in der Regel", § 5 Abs. 3 S. 2 AufenthG);
  ``met=False`` gives ELIGIBLE_WITH_OPEN_CONDITIONS, never NOT_ELIGIBLE.

``met=None`` (unknown or manual check) always gives at most ELIGIBLE_WITH_OPEN_CONDITIONS. A met criterion
with ``discretion=True`` (a "kann" alternative) turns an entitlement into ELIGIBLE_DISCRETION.

Explanations are bilingual :class:`~.text.T` objects rendered on demand: ``to_dict()`` gives the contract's
JSON with the German text; ``to_dict(english=True)`` adds ``text_en`` to every criterion (for the staff UI).

The result types are slotted dataclasses that are treated as immutable; they are not ``frozen`` because
frozen dataclass construction is several times slower and the engine builds about a hundred per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .text import T, render

ELIGIBLE = "ELIGIBLE"
ELIGIBLE_DISCRETION = "ELIGIBLE_DISCRETION"
ELIGIBLE_WITH_OPEN_CONDITIONS = "ELIGIBLE_WITH_OPEN_CONDITIONS"
NOT_ELIGIBLE = "NOT_ELIGIBLE"
NOT_APPLICABLE = "NOT_APPLICABLE"

OUTCOMES = (ELIGIBLE, ELIGIBLE_DISCRETION, ELIGIBLE_WITH_OPEN_CONDITIONS, NOT_ELIGIBLE, NOT_APPLICABLE)
# Higher is better for the person; used to pick the most favourable of several tracks of one norm.
OUTCOME_RANK = {NOT_APPLICABLE: 0, NOT_ELIGIBLE: 1, ELIGIBLE_WITH_OPEN_CONDITIONS: 2, ELIGIBLE_DISCRETION: 3,
                ELIGIBLE: 4}

TARGET = "target"
HARD = "hard"
TIME = "time"
REGULAR = "regular"


@dataclass(slots=True)
class Criterion:
    code: str
    met: bool | None
    msg: tuple[str, str] | T
    citation: str
    kind: str = HARD
    missing: tuple[str, ...] = ()
    earliest: date | None = None
    discretion: bool = False
    uncertainty: str | None = None

    @property
    def text(self) -> str:
        """The German explanation (the contract's language)."""
        return render(self.msg, "de")

    def text_in(self, lang: str) -> str:
        return render(self.msg, lang)

    def to_dict(self, english: bool = False) -> dict:
        d = {"code": self.code, "met": self.met, "text": render(self.msg, "de"), "citation": self.citation}
        if english:
            d["text_en"] = render(self.msg, "en")
        return d


@dataclass(slots=True)
class RouteResult:
    route: str
    version: str | None
    variant: str | None
    outcome: str
    criteria: tuple[Criterion, ...]
    missing_facts: tuple[str, ...]
    earliest_date: date | None

    def to_dict(self, english: bool = False) -> dict:
        if english:
            criteria = [c.to_dict(True) for c in self.criteria]
        else:
            criteria = [{"code": c.code, "met": c.met, "text": m[0] if type(m := c.msg) is tuple else m.render("de"),
                         "citation": c.citation} for c in self.criteria]
        return {
            "route": self.route,
            "version": self.version,
            "variant": self.variant,
            "outcome": self.outcome,
            "criteria": criteria,
            "missing_facts": list(self.missing_facts),
            "earliest_date": self.earliest_date.isoformat() if self.earliest_date is not None else None,
        }

    @property
    def uncertainties(self) -> tuple[str, ...]:
        """Ids of RULES.md section 10 that influenced this result (for the UI, not part of the JSON)."""
        seen: dict[str, None] = {}
        for c in self.criteria:
            if c.uncertainty:
                for u in c.uncertainty.split(","):
                    seen[u] = None
        return tuple(seen)


@dataclass(slots=True)
class Evaluation:
    evaluation_date: date
    engine_version: str
    results: tuple[RouteResult, ...]

    def to_dict(self, english: bool = False) -> dict:
        """The contract's JSON; ``english`` adds ``text_en`` to every criterion (not part of the contract)."""
        return {
            "evaluation_date": self.evaluation_date.isoformat(),
            "engine_version": self.engine_version,
            "results": [r.to_dict(english) for r in self.results],
        }

    def result(self, route: str) -> RouteResult:
        for r in self.results:
            if r.route == route:
                return r
        raise KeyError(route)


def decide(criteria: list[Criterion], effect: str) -> tuple[str, date | None, tuple[str, ...]]:
    """Outcome, earliest date and missing facts of a route from its criteria; ``effect`` is the legal
    consequence when everything is met (ELIGIBLE for "ist zu"/"soll", ELIGIBLE_DISCRETION for "kann")."""
    hard_fail = False
    time_fail = False
    open_ = False
    discretion = False
    earliest: date | None = None
    missing: dict[str, None] = {}
    for c in criteria:
        met = c.met
        if met is True:
            if c.discretion:
                discretion = True
            continue
        if met is None:
            open_ = True
            for m in c.missing:
                missing[m] = None
            continue
        kind = c.kind
        if kind == TARGET:
            for cc in criteria:
                if cc.met is None:
                    for m in cc.missing:
                        missing[m] = None
            return NOT_APPLICABLE, None, tuple(missing)
        if kind == REGULAR:
            open_ = True
        elif kind == TIME and c.earliest is not None:
            time_fail = True
            if earliest is None or c.earliest > earliest:
                earliest = c.earliest
        else:
            hard_fail = True
    if hard_fail:
        return NOT_ELIGIBLE, None, tuple(missing)
    if time_fail:
        return NOT_ELIGIBLE, earliest, tuple(missing)
    if open_:
        return ELIGIBLE_WITH_OPEN_CONDITIONS, None, tuple(missing)
    if discretion and effect == ELIGIBLE:
        return ELIGIBLE_DISCRETION, None, tuple(missing)
    return effect, None, tuple(missing)
