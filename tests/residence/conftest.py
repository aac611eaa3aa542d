"""Fixtures of the residence tests: the same members and client as in tests/clients."""

from tests.clients.conftest import _english, colleague, lead, owner, person, stranger  # noqa: F401
from tests.residence.test_pipeline_support import (  # noqa: F401, E402
    consent,
    ebh,
    ebh_officer,
    officer,
    officer_colleague,
    other_abh,
    other_officer,
    own,
    own_person,
    referred,
)
