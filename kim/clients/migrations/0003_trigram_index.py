"""PostgreSQL only: the pg_trgm extension and a GIN trigram index on Client.search_names.

The name search (kim.clients.selectors) filters with ``search_names %> 'query'``, which this index answers.
SQLite has no trigram index; there the search uses the key index (ClientSearchKey) alone.
"""

from django.db import migrations

INDEX = "clients_client_search_names_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON clients_client USING gin (search_names gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
    ]
