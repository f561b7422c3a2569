from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Cohorts, live sessions, enrollment and attendance."""

    name = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from .checks import check_open_meetings_rules

        checks.register(check_open_meetings_rules)
