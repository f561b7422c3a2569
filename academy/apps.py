from django.apps import AppConfig


class AcademyConfig(AppConfig):
    """The people app: User, Organization, sign-up and profile."""

    name = "academy"
    label = "academy"
    verbose_name = "People"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
