from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """Completion certificates: issue, render, verify, revoke."""

    name = "certificates"
    verbose_name = "Certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the Celery worker_ready check)
