import pytest
from cryptography.fernet import Fernet

from kim.core import crypto


def test_round_trip_and_rotation(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.KIM_FIELD_KEYS = [old]
    token = crypto.encrypt_text("JBSWY3DPEHPK3PXP")
    assert token.startswith("enc1:") and "JBSWY3DP" not in token
    settings.KIM_FIELD_KEYS = [new, old]
    assert crypto.decrypt_text(token) == "JBSWY3DPEHPK3PXP"
    settings.KIM_FIELD_KEYS = [new]
    with pytest.raises(ValueError):
        crypto.decrypt_text(token)


def test_plain_values_from_before_encryption_are_read_as_they_are():
    assert crypto.decrypt_text("plain") == "plain"


def test_totp_secret_is_stored_encrypted(db, make_member):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt, encrypt

    from kim.accounts.models import Role

    member = make_member(Role.CASE_MANAGER)
    Authenticator.objects.create(user=member.user, type=Authenticator.Type.TOTP, data={"secret": encrypt("ABCDEF234567")})
    stored = Authenticator.objects.get(user=member.user).data["secret"]
    assert stored.startswith("enc1:")
    assert decrypt(stored) == "ABCDEF234567"
