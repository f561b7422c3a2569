"""The Wagtail admin's base for listings of plain models (cohorts, enrollments,
certificates, emails): inspectable, never copied; the rules decide what can change.

`object_links(instance)` adds actions on one object (revoke, manage in the workspace...) to
the listing's row menu and to the edit and inspect pages' header.

Listings and inspect pages show values as a person reads them (`readable`): Yes/No rather
than True/False, names joined by commas rather than a Python list, "—" rather than None,
times with their zone (the cohort's, when the object belongs to one).
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from academy.times import in_zone

EMPTY = "—"


def zone_of(instance):
    """The zone an object's times are told in: its cohort's when it has one (a cohort,
    a session, an enrollment, a certificate), else the viewer's."""
    for path in ("", "cohort", "enrollment.cohort"):
        obj = instance
        for name in filter(None, path.split(".")):
            obj = getattr(obj, name, None)
        if obj is not None and isinstance(getattr(obj, "time_zone", None), str):
            return getattr(obj, "tzinfo", None)
    return None


def readable(value, instance=None):
    if isinstance(value, models.Manager):
        value = list(value.all())
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return in_zone(value, zone_of(instance) if instance is not None else None, "short")
    if isinstance(value, datetime.date):
        return date_format(value, pgettext("date format in admin listings", "M j, Y"))
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ", ".join(str(v) for v in value) or EMPTY
    return value


class ReadableColumn(Column):
    """A listing column through `readable`."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = readable(context["raw_value"], instance)
        return context


class ObjectLinksMixin:
    object_links = None  # callable(instance) -> [(label, url, icon name)]

    def links_for(self, instance):
        return list(self.object_links(instance)) if self.object_links and instance else []


class AcademyIndexView(ObjectLinksMixin, generic.IndexView):
    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = ReadableColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)

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
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if hasattr(value, "__html__"):  # already rendered (a link, a display class)
            return value
        return EMPTY if value == "-" else readable(value, self.object)


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
