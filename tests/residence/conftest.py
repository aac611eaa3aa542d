"""Fixtures of the residence tests: the same members and client as in tests/clients."""

from tests.clients.conftest import _english, colleague, lead, owner, person, stranger  # noqa: F401
