"""Encryption of secrets and special-category values at rest (Fernet, keys from the environment).

``KIM_FIELD_KEYS`` holds one or more Fernet keys, comma separated, newest first; values are encrypted with
the first and decrypted with any, so keys can be rotated (add a new key in front, re-encrypt, drop the old).
The keys are separate from SECRET_KEY. In development, demo and test runs without configured keys a key
derived from SECRET_KEY is used; production refuses to start without keys (system check kim.E001).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.checks import Error, register

PREFIX = "enc1:"


def _development_key() -> bytes:
    digest = hashlib.sha256(("kim-field-key:" + settings.SECRET_KEY).encode()).digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    material = [k.encode() for k in keys] or [_development_key()]
    return MultiFernet([Fernet(k) for k in material])


def _configured() -> MultiFernet:
    return _fernet(tuple(settings.KIM_FIELD_KEYS))


def encrypt_text(value: str) -> str:
    if value is None:
        return value
    return PREFIX + _configured().encrypt(value.encode()).decode()


def decrypt_text(value: str) -> str:
    """Decrypt a value written by :func:`encrypt_text`; values without the prefix are returned as they are
    (they were stored before encryption was switched on)."""
    if not value or not value.startswith(PREFIX):
        return value
    try:
        return _configured().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ValueError("Encrypted value cannot be read with the configured KIM_FIELD_KEYS.") from error


@register(deploy=True)
def check_field_keys(app_configs, **kwargs):
    errors = []
    if not settings.KIM_FIELD_KEYS and not (settings.DEBUG or settings.KIM_DEMO or settings.TESTING):
        errors.append(
            Error(
                "KIM_FIELD_KEYS is not set.",
                hint="Generate a key with `kim generate-field-key` and set KIM_FIELD_KEYS in the environment.",
                id="kim.E001",
            )
        )
    for key in settings.KIM_FIELD_KEYS:
        try:
            Fernet(key.encode())
        except ValueError:
            errors.append(Error("A key in KIM_FIELD_KEYS is not a valid Fernet key.", id="kim.E002"))
    return errors
