from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """The curriculum: Wagtail pages, blocks, partner co-authoring, module completion."""

    name = "courses"
    verbose_name = "Curriculum"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .notifications import connect_notifiers
        from .signals import connect_cache_invalidation, connect_translations

        connect_notifiers()
        connect_cache_invalidation()
        connect_translations()
