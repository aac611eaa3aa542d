"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit log.

A later erasure job (retention) may overwrite personal values only inside a transaction that sets
``SET LOCAL kim.audit_maintenance = 'on'``; nothing else can change a row.
(TRUNCATE, which test databases use to reset, fires no row trigger. SQLite, the development
database, relies on the model's own refusal.)
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION kim_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('kim.audit_maintenance', true), '') = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS kim_audit_append_only ON core_auditevent;
CREATE TRIGGER kim_audit_append_only BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION kim_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS kim_audit_append_only ON core_auditevent;
DROP FUNCTION IF EXISTS kim_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
