"""manage.py rotate_credential_key: a new Open Badges signing key (staff operation).

The new key replaces the key file (CREDENTIALS_SIGNING_KEY_FILE, or the development key);
the old public key is appended to the retired-keys file, so the DID document keeps
listing it and every credential signed before keeps verifying. Status lists are re-signed
with the new key. Restarting is not needed: processes re-read a key file that changed.
"""

from django.core.management.base import BaseCommand, CommandError

from certificates import issuer
from certificates.services import CertificateError, credential_key_rotate


class Command(BaseCommand):
    help = "Make a new credential signing key current; the old one stays listed as retired."

    def handle(self, *args, **options):
        try:
            old, new, lists = credential_key_rotate()
        except (CertificateError, issuer.SigningKeyError) as exc:
            raise CommandError(str(exc)) from exc
        source = issuer.key_source()
        self.stdout.write(f"New signing key {new} written to {source.path}.")
        self.stdout.write(f"Retired key {old} listed in {issuer.retired_keys_file()}.")
        self.stdout.write(f"Re-signed {lists} status list(s). {issuer.did()} now lists "
                          f"{1 + len(issuer.retired_keys())} key(s).")
        if source.is_development:
            self.stdout.write(self.style.WARNING(
                "This is the DEVELOPMENT key file; production needs CREDENTIALS_SIGNING_KEY_FILE."
            ))
