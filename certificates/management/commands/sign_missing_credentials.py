"""manage.py sign_missing_credentials: give every valid certificate that has no Open Badges
credential yet (issued before credentials existed) its signed credential, through the
render task (no email is sent again)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from certificates.services import certificates_missing_credentials


class Command(BaseCommand):
    help = "Queue the signing of credentials for certificates that have none."

    def handle(self, *args, **options):
        with transaction.atomic():  # the renders are queued when this commits
            ids = certificates_missing_credentials()
        self.stdout.write(f"Queued {len(ids)} certificate(s) for signing.")
