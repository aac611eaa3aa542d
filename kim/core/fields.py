"""Model fields shared by the apps: encrypted text for special-category data, partial dates."""

from __future__ import annotations

from django.db import models

from kim.core.crypto import decrypt_text, encrypt_text


class EncryptedTextField(models.TextField):
    """Text stored encrypted with KIM_FIELD_KEYS. Never searched or sorted; the audit log never copies it."""

    def from_db_value(self, value, expression, connection):
        return decrypt_text(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt_text(value) if value else value
