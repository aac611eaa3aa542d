"""Access rules of the referrals URLs."""

from tests.access_matrix import Entry  # noqa: F401

ENTRIES: list = []


def build(world: dict) -> None:
    """Add the records this app's URLs need to ``world``."""
