from django.apps import AppConfig


class AcademyConfig(AppConfig):
    """The people app: User, Organization, sign-up and profile."""

    name = "academy"
    label = "academy"
    verbose_name = "People"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .choice_labels import install
        from .i18n import adopt_chosen_language

        user_logged_in.connect(adopt_chosen_language, dispatch_uid="academy-language")
        install()  # get_FOO_display() translates each label once per language
