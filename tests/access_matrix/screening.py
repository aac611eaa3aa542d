"""Access rules of the residence screening (kim.residence.screening_urls)."""

from kim.accounts.models import Role
from tests.access_matrix import Entry

SCREENERS = (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)

ENTRIES: list[Entry] = [
    Entry("screening:screening", SCREENERS),
    Entry("screening:screening", SCREENERS, kwargs=lambda w: {}, data=lambda w: {"route": "AUFENTHG_25B"}),
]
