"""Residence-law pre-check ("Vorprüfung"): a pure-Python rule engine without Django.

Public API: :func:`evaluate` (JSON fact model → contract JSON), :func:`evaluate_facts` (typed),
:data:`ENGINE_VERSION`, :data:`ROUTES`, :class:`FactError`. See RULES.md and PRECHECK-CONTRACT.md.
"""

from .engine import ENGINE_VERSION, ROUTES, evaluate, evaluate_facts, validate
from .facts import FactError, Facts, parse_facts
from .labels import fact_label
from .options import Options, parse_options
from .outcome import Criterion, Evaluation, RouteResult

__all__ = [
    "ENGINE_VERSION", "ROUTES", "Criterion", "Evaluation", "FactError", "Facts", "Options", "RouteResult",
    "evaluate", "evaluate_facts", "fact_label", "parse_facts", "parse_options", "validate",
]
