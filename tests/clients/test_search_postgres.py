"""PostgreSQL only: the pg_trgm extension, the GIN trigram index and the typo tolerance it adds."""

import pytest
from django.db import connection

from kim.clients import selectors
from tests.clients.factories import ClientFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only")


def test_trigram_index_exists(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'clients_client_search_names_trgm'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower() and "gin_trgm_ops" in definition


def test_trigram_finds_a_typo_the_keys_miss(welfare, lead, actor_for):
    client = ClientFactory(organisation=welfare, given_names="Iryna", family_name="Bondarenko")
    # Different first letters and consonant skeleton: no index key matches, the trigram operator does.
    assert selectors._key_candidates(selectors.Client.objects.all(), "Pondarenko", 10) == []
    hits = selectors.client_search(actor=actor_for(lead), query="Pondarenko")
    assert [hit.client for hit in hits] == [client]


def test_trigram_search_stays_in_scope(welfare, other_welfare, lead, actor_for):
    ClientFactory(organisation=other_welfare, given_names="Iryna", family_name="Bondarenko")
    assert selectors.client_search(actor=actor_for(lead), query="Pondarenko") == []
