from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """Completion certificates: issue, render, verify, revoke."""

    name = "certificates"
    verbose_name = "Certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import signals  # noqa: F401  (connects the Celery worker_ready check)
        from .checks import check_requirement_rules

        checks.register(check_requirement_rules)
