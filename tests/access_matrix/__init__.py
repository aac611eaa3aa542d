"""The role × URL matrix: every URL of the staff platform and the status each role gets.

Each app has a module here with its ``ENTRIES`` (and, if its URLs need records, a ``build(world)``
function that adds them to the shared ``world`` dict). ``tests/core/test_access_matrix.py`` requests every entry as every role
(and anonymously) and asserts the status code, so a new view without an access rule fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kim.accounts.models import Role

ALL_ROLES = tuple(Role.values)
SYSTEM_ADMIN = (Role.SYSTEM_ADMIN,)


@dataclass(frozen=True)
class Entry:
    name: str
    allowed: tuple[str, ...]
    kwargs: Callable[[dict], dict] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[dict], dict] = field(default=lambda world: {})
    ok: int = 200
    denied: int = 403
    #: Role-specific statuses that differ from ok/denied, e.g. 404 for a record outside the scope
    overrides: dict = field(default_factory=dict)
    #: Status for anonymous visitors: 302 to the login for pages, 405 where the URL takes POST only
    anonymous: int = 302

    def expected(self, role: str) -> int:
        if role in self.overrides:
            return self.overrides[role]
        return self.ok if role in self.allowed else self.denied

    @property
    def id(self) -> str:
        return f"{self.method}:{self.name}"




def _collect():
    from tests.access_matrix import (
        accounts,
        cases,
        clients,
        consent,
        documents,
        network,
        pipeline,
        referrals,
        scheduling,
    )

    modules = [accounts, clients, consent, cases, referrals, documents, scheduling, network]
    modules.append(pipeline)
    from tests.access_matrix import portal_directory

    modules.append(portal_directory)
    from tests.access_matrix import portal

    modules.append(portal)
    from tests.access_matrix import screening

    modules.append(screening)
    entries = [entry for module in modules for entry in module.ENTRIES]
    builders = [module.build for module in modules if hasattr(module, "build")]
    return entries, builders


ENTRIES, BUILDERS = _collect()
