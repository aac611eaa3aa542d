"""Access rules of the structural-barrier URLs."""

from kim.accounts.models import Role
from tests.access_matrix import Entry


def build(world: dict) -> None:
    from kim.network.models import StructuralBarrier

    cm = world["members"]["case_manager"]
    world["barrier"] = StructuralBarrier.objects.create(
        category="waiting", institution="Amt", description="Lange Wartezeiten", reported_by=cm.user,
        reporting_organisation=cm.organisation,
    )


ENTRIES = [
    Entry("network:barrier_create", (Role.CASE_MANAGER, Role.TEAM_LEAD), kwargs=lambda w: {"case_pk": w["case"].pk}),
    Entry("network:barrier_list", (Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.CASE_MANAGER, Role.TEAM_LEAD)),
    Entry("network:barrier_update", (Role.COORDINATOR,), kwargs=lambda w: {"pk": w["barrier"].pk}),
]
