"""Access rules of the referrals URLs."""

from kim.accounts.models import Role
from tests.access_matrix import ALL_ROLES, Entry

CASE_WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def _pk(world: dict) -> dict:
    return {"pk": world["referral"].pk}


ENTRIES: list = [
    Entry("referrals:referral_create", CASE_WORKERS, kwargs=lambda w: {"case_pk": w["referral_case"].pk}),
    # Authority staff may open referrals addressed to their organisation; this one goes elsewhere: 404.
    Entry("referrals:referral_detail", CASE_WORKERS, kwargs=_pk, overrides={Role.AUTHORITY_STAFF: 404}),
    Entry("referrals:referral_update", CASE_WORKERS, kwargs=_pk, overrides={Role.AUTHORITY_STAFF: 404}),
    Entry("referrals:referral_send", CASE_WORKERS, kwargs=_pk, method="post", ok=302),
    Entry("referrals:referral_letter", CASE_WORKERS, kwargs=_pk, overrides={Role.AUTHORITY_STAFF: 404}),
    # Public: the partner's answer link needs no login. GET shows the form and does not use the link up.
    Entry("referrals:partner_answer", ALL_ROLES, kwargs=lambda w: {"token": w["referral_token"]}, anonymous=200),
]


def build(world: dict) -> None:
    """A case of the matrix's case manager with a consent to share with ``other_org`` and a referral."""
    from tests.referrals.factories import issue_token, make_case, make_client, make_consent, make_referral

    member = world["members"][Role.CASE_MANAGER]
    client = make_client(member.organisation)
    case = make_case(member, client, number="T-R-0001")
    consent = make_consent(client, world["other_org"], recorded_by=member.user)
    referral = make_referral(case, world["other_org"], consent)
    world["referral_case"] = case
    world["referral"] = referral
    other = make_referral(case, world["other_org"], consent)
    world["referral_token"] = issue_token(other)
