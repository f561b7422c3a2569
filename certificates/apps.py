from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """Completion certificates: issue, render, verify, revoke."""

    name = "certificates"
    verbose_name = "Certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connect the Celery worker_ready check and the rule files' system check.
        from . import checks, signals  # noqa: F401
