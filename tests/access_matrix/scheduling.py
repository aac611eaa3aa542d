"""Access rules of the scheduling URLs: calendar, appointments, deadlines, subscriptions and the feed."""

import datetime as dt
import hashlib

from django.utils import timezone

from kim.accounts.models import Role
from kim.scheduling.models import CalendarFeedToken
from tests.access_matrix import ALL_ROLES, Entry

PLANNERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def _s(key):
    return lambda w: w["scheduling"][key]


ENTRIES: list[Entry] = [
    Entry("scheduling:calendar", PLANNERS),
    Entry(
        "scheduling:calendar_user",
        PLANNERS,
        kwargs=lambda w: {"user_pk": w["members"][Role.CASE_MANAGER].user.pk},
    ),
    # A case manager of another organisation: nobody here may open that calendar.
    Entry(
        "scheduling:calendar_user",
        (),
        kwargs=lambda w: {"user_pk": w["target"].user.pk},
        overrides={Role.CASE_MANAGER: 404, Role.TEAM_LEAD: 404},
    ),
    Entry("scheduling:appointment_create", PLANNERS),
    Entry(
        "scheduling:case_appointment_create",
        PLANNERS,
        kwargs=lambda w: {"case_pk": w["scheduling"]["case"].pk},
    ),
    Entry(
        "scheduling:appointment_detail", PLANNERS, kwargs=lambda w: {"pk": w["scheduling"]["appointment"].pk}
    ),
    Entry(
        "scheduling:appointment_update", PLANNERS, kwargs=lambda w: {"pk": w["scheduling"]["appointment"].pk}
    ),
    Entry(
        "scheduling:appointment_cancel",
        PLANNERS,
        kwargs=lambda w: {"pk": w["scheduling"]["appointment"].pk},
        method="post",
        ok=302,
    ),
    Entry("scheduling:deadline_list", PLANNERS),
    Entry("scheduling:deadline_create", PLANNERS),
    Entry(
        "scheduling:deadline_complete",
        PLANNERS,
        kwargs=lambda w: {"pk": w["scheduling"]["deadline"].pk},
        method="post",
        ok=302,
    ),
    Entry(
        "scheduling:deadline_reopen",
        PLANNERS,
        kwargs=lambda w: {"pk": w["scheduling"]["done_deadline"].pk},
        method="post",
        ok=302,
    ),
    Entry("scheduling:feed_settings", PLANNERS),
    Entry("scheduling:feed_settings", PLANNERS, method="post", data=lambda w: {"label": "Diensthandy"}),
    # The token belongs to the case manager: the team lead cannot revoke it (404).
    Entry(
        "scheduling:feed_token_revoke",
        (Role.CASE_MANAGER,),
        kwargs=lambda w: {"pk": w["scheduling"]["token"].pk},
        method="post",
        ok=302,
        overrides={Role.TEAM_LEAD: 404},
    ),
    # The feed needs no login: the secret token is the key, for anyone who has it.
    Entry(
        "scheduling:feed", ALL_ROLES, kwargs=lambda w: {"token": w["scheduling"]["raw_token"]}, anonymous=200
    ),
]


def build(world: dict) -> None:
    """A client, a case, an appointment, two deadlines and a feed token of the case manager."""
    from tests.scheduling.factories import make_appointment, make_case, make_client, make_deadline

    member = world["members"][Role.CASE_MANAGER]
    today = timezone.localdate()
    case = make_case(member, client=make_client(member.organisation), number="T-S-0001")
    raw = "matrix-feed-token"
    world["scheduling"] = {
        "case": case,
        "appointment": make_appointment(member, case=case),
        "deadline": make_deadline(member, case=case, due_on=today + dt.timedelta(days=10)),
        "done_deadline": make_deadline(member, case=case, due_on=today, done_on=today),
        "token": CalendarFeedToken.objects.create(
            user=member.user, token_hash=hashlib.sha256(raw.encode()).hexdigest()
        ),
        "raw_token": raw,
    }
