"""Build a dataset of the academy's real size, for load tests and query plans.

    manage.py seed_scale [--officials 20000] [--cohorts 500] [--sessions-per-cohort 8]
                         [--enrollments 20000] [--big-cohort 400] [--facilitator-cohorts 24]
                         [--reset]

Like seed_demo, each app contributes a `scale.py` (`seed(log, sizes)`, `summary()`,
`reset(log)`), run in INSTALLED_APPS order (academy, cohorts, certificates; reset in
reverse), so this command never imports a higher app. Everything goes in with bulk
inserts inside one transaction: a run either seeds all or nothing. Seeding twice does
nothing the second time (it says so); `--reset` removes the scale data (and only that:
emails at scale.example.org, cohorts whose slug starts "scale-seed-") and seeds again.
Runs seed_demo first when there is no live course.
"""

import time
from importlib import import_module, util

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings

from academy.scale import SCALE_PASSWORD, ScaleSizes, logins, scale_users

OPTIONS = {
    # option: (ScaleSizes field, help)
    "--officials": ("officials", "officials (learners) to create"),
    "--cohorts": ("cohorts", "cohorts, spread over the live courses"),
    "--sessions-per-cohort": ("sessions_per_cohort", "weekly sessions per cohort"),
    "--enrollments": ("enrollments", "enrollments in all (about; every status)"),
    "--big-cohort": ("big_cohort", "enrolled learners of the one big, running cohort"),
    "--facilitator-cohorts": (
        "facilitator_cohorts", "cohorts the scale facilitator facilitates (the big one too)"
    ),
    "--facilitators": ("facilitators", "facilitators in all (the others share the cohorts)"),
    "--batch-size": ("batch_size", "rows per INSERT"),
    "--seed": ("seed", "random seed of names, statuses and dates"),
}


def scale_modules(reverse=False):
    configs = list(apps.get_app_configs())
    for config in reversed(configs) if reverse else configs:
        name = f"{config.name}.scale"
        if util.find_spec(name) is not None:
            yield config, import_module(name)


class Command(BaseCommand):
    help = "Create a large, realistic dataset (20,000 officials, 500 cohorts) with bulk inserts."

    def add_arguments(self, parser):
        defaults = ScaleSizes()
        for option, (attr, text) in OPTIONS.items():
            default = getattr(defaults, attr)
            parser.add_argument(option, type=int, default=default,
                                help=f"{text} (default {default})")
        parser.add_argument("--reset", action="store_true",
                            help="Remove the scale data first, then seed again.")

    def log(self, message):
        self.stdout.write(f"  {message}")
        self.stdout.flush()

    def handle(self, *args, **options):
        sizes = ScaleSizes(**{attr: options[attr] for attr, _ in OPTIONS.values()})
        self.check_sizes(sizes)
        started = time.monotonic()
        if scale_users().exists():
            if not options["reset"]:
                self.stdout.write(self.style.WARNING(
                    "Scale data is already there; nothing done (use --reset to remove it "
                    "and seed again with these sizes)."
                ))
                self.print_summary()
                return
            self.stdout.write("Removing the scale data (--reset)...")
            with transaction.atomic():
                for _config, module in scale_modules(reverse=True):
                    module.reset(self.log)

        if not apps.get_model("courses", "CoursePage").objects.live().exists():
            self.stdout.write("No live course: running seed_demo first...")
            call_command("seed_demo", "--quiet-logins", stdout=self.stdout)
            self.log(f"seed_demo: {time.monotonic() - started:.1f} s")

        # Whatever a seed step might trigger stays in memory (fictional people).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            with transaction.atomic():
                for config, module in scale_modules():
                    self.stdout.write(f"Seeding {config.verbose_name} at scale...")
                    module.seed(self.log, sizes)
        if connection.vendor == "postgresql":
            # Fresh statistics: without them the planner takes 80,000 marks for 20,000 and
            # picks plans many times slower (autovacuum would get there, eventually).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.print_summary()
        self.stdout.write(self.style.SUCCESS(f"\nScale data is ready in {elapsed:.1f} s. "
                                             "Log in with:"))
        for role, email in logins():
            self.stdout.write(f"  {role:<14} {email:<34} password: {SCALE_PASSWORD}")

    def check_sizes(self, sizes):
        problems = []
        if sizes.officials < 1 or sizes.cohorts < 1:
            problems.append("--officials and --cohorts must be at least 1")
        if sizes.sessions_per_cohort < 2:
            problems.append("--sessions-per-cohort must be at least 2 (held and upcoming)")
        if not 0 < sizes.big_cohort <= sizes.officials:
            problems.append("--big-cohort must be between 1 and --officials")
        if not 1 <= sizes.facilitator_cohorts <= sizes.cohorts:
            problems.append("--facilitator-cohorts must be between 1 and --cohorts")
        if sizes.facilitators < 1 or sizes.batch_size < 1 or sizes.enrollments < 0:
            problems.append("--facilitators and --batch-size must be at least 1")
        if problems:
            raise CommandError("; ".join(problems))

    def print_summary(self):
        self.stdout.write("In the database:")
        for _config, module in scale_modules():
            for label, count in module.summary():
                self.stdout.write(f"  {label:<30} {count:>8,}")
