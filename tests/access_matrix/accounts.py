"""Access rules of the core and accounts URLs."""

from kim.accounts.models import Role
from tests.access_matrix import ALL_ROLES, SYSTEM_ADMIN, Entry

ENTRIES: list[Entry] = [
    # core
    Entry("core:home", ALL_ROLES),
    Entry("core:audit_list", SYSTEM_ADMIN),
    Entry("core:switch_membership", ALL_ROLES, method="post", ok=302, data=lambda w: {"membership": "0"}),
    # accounts: administration area
    Entry("accounts:organisation_list", SYSTEM_ADMIN),
    Entry("accounts:organisation_create", SYSTEM_ADMIN),
    Entry("accounts:organisation_detail", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["other_org"].pk}),
    Entry("accounts:organisation_update", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["other_org"].pk}),
    Entry("accounts:district_list", (Role.SYSTEM_ADMIN, Role.COORDINATOR)),
    Entry("accounts:district_create", SYSTEM_ADMIN),
    Entry("accounts:district_update", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["district"].pk}),
    Entry("accounts:user_list", SYSTEM_ADMIN),
    Entry("accounts:user_create", SYSTEM_ADMIN),
    Entry("accounts:user_detail", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["target"].user.pk}),
    Entry("accounts:user_update", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["target"].user.pk}),
    Entry(
        "accounts:user_set_active",
        SYSTEM_ADMIN,
        kwargs=lambda w: {"pk": w["target"].user.pk},
        method="post",
        ok=302,
        data=lambda w: {"active": "1"},
    ),
    Entry("accounts:user_reset_mfa", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["target"].user.pk}, method="post", ok=302),
    Entry(
        "accounts:user_password_link", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["target"].user.pk}, method="post", ok=302
    ),
    Entry(
        "accounts:membership_create",
        SYSTEM_ADMIN,
        kwargs=lambda w: {"pk": w["target"].user.pk},
        method="post",
        ok=302,
        data=lambda w: {"organisation": w["other_org"].pk, "role": Role.TEAM_LEAD},
    ),
    Entry("accounts:membership_end", SYSTEM_ADMIN, kwargs=lambda w: {"pk": w["target"].pk}, method="post", ok=302),
    # The target works for another organisation: a team lead of the own organisation gets 404.
    Entry(
        "accounts:staff_profile_update",
        (Role.SYSTEM_ADMIN,),
        kwargs=lambda w: {"pk": w["target"].user.pk},
        overrides={Role.TEAM_LEAD: 404},
    ),
    Entry("accounts:team", (Role.TEAM_LEAD,)),
    Entry("accounts:network", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    Entry("accounts:profile", ALL_ROLES),
    Entry("accounts:security", ALL_ROLES),
    Entry("accounts:logout_everywhere", ALL_ROLES, method="post", ok=302),
]
