"""SQLite: the search works without the trigram index (key index + rapidfuzz ranking)."""

import pytest
from django.db import connection

from kim.clients import selectors
from tests.clients.factories import ClientFactory

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the fallback path of SQLite")


def test_no_trigram_query_is_made(welfare, lead, actor_for, django_assert_max_num_queries):
    ClientFactory(organisation=welfare, given_names="Iryna", family_name="Bondarenko")
    with django_assert_max_num_queries(6):
        hits = selectors.client_search(actor=actor_for(lead), query="Iryna Bondarenko")
    assert len(hits) == 1


def test_candidates_are_bounded(welfare, lead, actor_for):
    for number in range(30):
        ClientFactory(organisation=welfare, given_names="Anna", family_name=f"Schmidt{number}")
    ids = selectors.name_candidates(selectors.Client.objects.all(), "Anna", limit=10)
    assert len(ids) == 10
