"""Create realistic demo content. Idempotent: run it as often as you like.

Each app contributes its own part in a `demo.py` module with a `seed(log)`
function; they run in INSTALLED_APPS order (academy, courses, cohorts,
certificates), so this command never imports a higher app directly.
"""

from importlib import import_module, util

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from academy.datafiles import DataFileError
from academy.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_logins


class Command(BaseCommand):
    help = "Create or complete the demo curriculum, people, cohorts and certificates."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print logins.")

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        # Demo people are fictional: whatever the seed triggers (certificate emails, for
        # one) stays in memory instead of reaching the console or a mail server.
        # Long work (closing a cohort) runs in this process, not in a background thread.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                               BACKGROUND_THREADS=False):
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if util.find_spec(module_name) is None:
                    continue
                self.stdout.write(f"Seeding {config.verbose_name}...")
                try:
                    with transaction.atomic():
                        import_module(module_name).seed(log)
                except DataFileError as error:
                    # A mistake in a data file: say where, without a traceback.
                    raise CommandError(f"{config.verbose_name} not seeded. {error}") from error

        if not options["quiet_logins"]:
            logins = demo_logins()
            self.stdout.write(self.style.SUCCESS(
                f"\nDemo data is ready. {len(logins)} people can log in, each with the "
                f"password {DEMO_PASSWORD}:"
            ))
            width = max(len(email) for _, email, _ in logins)
            for role, email, who in logins:
                self.stdout.write(f"  {role:<15} {email:<{width}}  {who}")
            self.stdout.write(
                "Staff and partner authors also enter an authenticator code: add the secret "
                f"{DEMO_TOTP_SECRET} to an authenticator app, or print the current code with\n"
                f"  .venv/bin/python -c \"import pyotp; print(pyotp.TOTP('{DEMO_TOTP_SECRET}')"
                '.now())"'
            )
