"""The Wagtail admin's base for listings of plain models (cohorts, enrollments,
certificates, emails): inspectable, never copied; the rules decide what can change."""

from wagtail.admin.viewsets.model import ModelViewSet


class AcademyModelViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    #: Extra URLs of the viewset (actions on one object, e.g. revoke), as `path()`s.
    object_actions: list = []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + list(self.object_actions)
