from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Cohorts, live sessions, enrollment and attendance."""

    name = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"
