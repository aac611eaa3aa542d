"""Access rules of the documents URLs."""

from kim.accounts.models import Role
from tests.access_matrix import Entry

CASE_WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)

ENTRIES: list = [
    Entry("documents:document_upload", CASE_WORKERS, kwargs=lambda w: {"case_pk": w["document_case"].pk}),
    # Authority staff see documents only of cases shared with them under a consent covering documents.
    Entry(
        "documents:document_download",
        CASE_WORKERS,
        kwargs=lambda w: {"pk": w["document"].pk},
        overrides={Role.AUTHORITY_STAFF: 404},
    ),
]


def build(world: dict) -> None:
    """A case of the matrix's case manager with a consent to share with ``other_org`` and a tiny PDF."""
    from tests.referrals.factories import make_case, make_client, make_consent, make_document

    member = world["members"][Role.CASE_MANAGER]
    client = make_client(member.organisation, given_names="Oleksandr", family_name="Koval")
    case = make_case(member, client, number="T-D-0001")
    make_consent(client, world["other_org"], recorded_by=member.user)
    world["document_case"] = case
    world["document"] = make_document(case)
