from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Cohorts, live sessions, enrollment and attendance."""

    name = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the rule files' system check)
        from .signals import connect_cache_invalidation

        connect_cache_invalidation()
