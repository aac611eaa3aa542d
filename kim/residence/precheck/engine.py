"""Entry points of the pre-check engine: ``evaluate`` (JSON in, JSON-ready dict out) and ``evaluate_facts``.

ENGINE_VERSION is "YYYY.MM.N": YYYY.MM is the legal status the rules were last checked against (RULES.md
"Status of research"), N counts releases within that status. Bump N for every change that can alter an outcome,
a criterion code or a text; set YYYY.MM (and reset N to 1) when the rules are re-verified against the statutes.
"""

from __future__ import annotations

from datetime import date

from .context import Ctx
from .dates import parse_iso_date
from .facts import ROUTE_IDS, FactError, Facts, check_consistency, parse_facts
from .options import DEFAULT_OPTIONS, Options, parse_options
from .outcome import ELIGIBLE_WITH_OPEN_CONDITIONS, Criterion, Evaluation, RouteResult
from .routes import ROUTE_MODULES

ENGINE_VERSION = "2026.11.1"
ROUTES = ROUTE_IDS

# Production default: a defect in one route must not take down the whole answer; that route then reports
# "open" with an ENGINE_ERROR criterion. The test suite switches this off so that defects surface.
SAFE_MODE = True


_RUNNERS = tuple((module.ROUTE, module.evaluate) for module in ROUTE_MODULES)


def _decision_date(f: Facts, on: date | str | None) -> date:
    if on is None:
        return f.person.evaluation_date or date.today()
    if isinstance(on, date):
        return on
    parsed = parse_iso_date(on)
    if parsed is None:
        raise FactError("--on", "kein gültiges Datum (erwartet JJJJ-MM-TT)", "not a valid date (expected YYYY-MM-DD)")
    return parsed


def _resolve_options(f: Facts, options: Options | dict | None) -> Options:
    opts = parse_options(f.options) if f.options else DEFAULT_OPTIONS
    if isinstance(options, Options):
        return options
    if options:
        opts = parse_options(options, base=opts)
    return opts


def evaluate_facts(facts: Facts, *, on: date | str | None = None, options: Options | dict | None = None
                   ) -> Evaluation:
    """Evaluate all routes for parsed facts. Raises FactError for contradictory facts."""
    when = _decision_date(facts, on)
    opts = _resolve_options(facts, options)
    problems = check_consistency(facts, when)
    if problems:
        raise problems[0]
    ctx = Ctx(facts, when, opts)
    done = ctx.results  # a route may evaluate another one first (§ 25b Abs. 6 needs § 60d) and keep it here
    results = []
    for route, run in _RUNNERS:
        result = done.get(route)
        if result is None:
            if SAFE_MODE:
                try:
                    result = run(ctx)
                except Exception as exc:  # noqa: BLE001 - see SAFE_MODE
                    result = _engine_error(route, exc)
            else:
                result = run(ctx)
            done[route] = result
        results.append(result)
    return Evaluation(when, ENGINE_VERSION, tuple(results))


def evaluate(facts: dict, *, on: date | str | None = None, options: dict | None = None) -> dict:
    """Evaluate the JSON fact model ``facts``; returns the contract's JSON structure as a plain dict.

    ``on`` overrides ``person.evaluation_date``; ``options`` overrides the ``options`` object of the facts.
    Raises :class:`FactError` for malformed or contradictory input, and nothing else.
    """
    parsed = parse_facts(facts)
    return evaluate_facts(parsed, on=on, options=options).to_dict()


def validate(facts: object, *, on: date | str | None = None) -> list[FactError]:
    """All problems with ``facts`` (empty list if the input is valid); for forms that show every error."""
    try:
        parsed = parse_facts(facts)
        when = _decision_date(parsed, on)
        _resolve_options(parsed, None)
    except FactError as exc:
        return [exc]
    return check_consistency(parsed, when)


_ENGINE_ERROR = ("Diese Regel konnte wegen eines internen Fehlers nicht ausgewertet werden; bitte manuell prüfen.",
                  "This rule could not be evaluated because of an internal error; please check manually.")


def _engine_error(route: str, exc: Exception) -> RouteResult:
    c = Criterion("ENGINE_ERROR", None, _ENGINE_ERROR, route, missing=())
    return RouteResult(route, None, None, ELIGIBLE_WITH_OPEN_CONDITIONS, (c,), (), None)
