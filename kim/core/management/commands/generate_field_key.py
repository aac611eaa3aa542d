"""``kim generate-field-key``: print a new key for KIM_FIELD_KEYS."""

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new encryption key for the KIM_FIELD_KEYS setting."

    def handle(self, *args, **options):
        self.stdout.write(Fernet.generate_key().decode())
