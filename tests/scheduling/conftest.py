"""People of the scheduling tests: a case manager, a colleague and a team lead of the same welfare
organisation, and a case manager and team lead of another organisation."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kim.accounts.models import Role

BERLIN = ZoneInfo("Europe/Berlin")
#: A Tuesday; the tests that depend on "today" travel here.
TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def frozen_today():
    with time_machine.travel(dt.datetime(2026, 11, 24, 8, 0, tzinfo=BERLIN), tick=False):
        yield TODAY


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER, first_name="Clara", last_name="Case")


@pytest.fixture
def colleague(make_member):
    return make_member(Role.CASE_MANAGER, first_name="Kai", last_name="Kollege")


@pytest.fixture
def tl(make_member):
    return make_member(Role.TEAM_LEAD, first_name="Tea", last_name="Lead")


@pytest.fixture
def other_cm(make_member, other_welfare):
    return make_member(Role.CASE_MANAGER, organisation=other_welfare)


@pytest.fixture
def other_tl(make_member, other_welfare):
    return make_member(Role.TEAM_LEAD, organisation=other_welfare)


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.COORDINATOR)
