"""The Wagtail admin's base for listings of plain models (cohorts, enrollments,
certificates, emails): inspectable, never copied; the rules decide what can change.

`object_links(instance)` adds actions on one object (revoke, manage in the workspace...) to
the listing's row menu and to the edit and inspect pages' header.
"""

from django.utils.functional import cached_property
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button


class ObjectLinksMixin:
    object_links = None  # callable(instance) -> [(label, url, icon name)]

    def links_for(self, instance):
        return list(self.object_links(instance)) if self.object_links and instance else []


class AcademyIndexView(ObjectLinksMixin, generic.IndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + [
            MenuItem(label, url=url, icon_name=icon, priority=40)
            for label, url, icon in self.links_for(instance)
        ]


class ObjectHeaderLinksMixin(ObjectLinksMixin):
    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button(label, url=url, icon_name=icon, priority=40)
            for label, url, icon in self.links_for(self.object)
        ]


class AcademyInspectView(ObjectHeaderLinksMixin, generic.InspectView):
    pass


class AcademyEditView(ObjectHeaderLinksMixin, generic.EditView):
    pass


class AcademyModelViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = AcademyIndexView
    inspect_view_class = AcademyInspectView
    edit_view_class = AcademyEditView
    #: Extra URLs of the viewset (actions on one object, e.g. revoke), as `path()`s.
    object_actions: list = []

    def object_links(self, instance):
        """[(label, url, icon name)] shown with one object (none by default)."""
        return []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + list(self.object_actions)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(object_links=self.object_links, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(object_links=self.object_links, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(object_links=self.object_links, **kwargs)
