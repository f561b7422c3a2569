from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Impact reports: figures by state, jurisdiction type, course and partner, on screen,
    as spreadsheets and as an annual PDF; a few published on the home page."""

    name = "reports"
    verbose_name = "Impact reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
