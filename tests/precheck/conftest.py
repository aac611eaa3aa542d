"""Self-contained pytest configuration for the pre-check tests (no Django, no database)."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
for path in (ROOT, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

from kim.residence.precheck import engine  # noqa: E402


@pytest.fixture(autouse=True)
def _fail_loud():
    """Defects in a route must surface in tests instead of turning into an ENGINE_ERROR result."""
    previous = engine.SAFE_MODE
    engine.SAFE_MODE = False
    yield
    engine.SAFE_MODE = previous
