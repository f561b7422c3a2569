"""Wagtail admin for the curriculum: taxonomies, partner organisations, authoring rules."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from academy.models import Organization
from academy.viewsets import AcademyIndexView

from .models import CoursePage, Pillar, PolicyArea
from .permissions import course_sync_authoring, organization_sync_authoring


class PillarViewSet(SnippetViewSet):
    model = Pillar
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class PolicyAreaViewSet(SnippetViewSet):
    model = PolicyArea
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Taxonomy")
    menu_icon = "tag"
    menu_order = 210
    items = (PillarViewSet, PolicyAreaViewSet)


register_snippet(TaxonomyGroup)


class OrganizationSyncMixin:
    def save_instance(self):
        instance = super().save_instance()
        organization_sync_authoring(organization=instance)
        return instance


class OrganizationCreateView(OrganizationSyncMixin, generic.CreateView):
    pass


class OrganizationEditView(OrganizationSyncMixin, generic.EditView):
    pass


class OrganizationViewSet(ModelViewSet):
    """Partner organisations. Saving one creates its author group and syncs the
    group's page permissions with the courses it co-authors."""

    model = Organization
    icon = "group"
    menu_label = gettext_lazy("Organizations")
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = OrganizationCreateView
    index_view_class = AcademyIndexView  # Yes/No, "—" for none (academy.viewsets.readable)
    edit_view_class = OrganizationEditView
    list_display = ["name", "website", "is_academy", "authors_group"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("is_academy"),
    ]


@hooks.register("register_admin_viewset")
def register_organization_viewset():
    return OrganizationViewSet("organizations")


@hooks.register("before_edit_page")
def partners_edit_modules_not_courses(request, page):
    """Partner authors draft modules; the course page itself is the academy's. A
    translation of a course (its Spanish page) may be drafted by the course's partner
    authors too: they translate it, the review workflow decides."""
    specific = page.specific
    if (
        isinstance(specific, CoursePage)
        and request.user.is_partner_author
        and specific.locale.language_code == settings.LANGUAGE_CODE
    ):
        messages.error(
            request,
            _(
                "Partner authors edit the modules of a course; the course page itself is "
                "edited by academy staff."
            ),
        )
        return redirect("wagtailadmin_explore", page.pk)
    return None


@hooks.register("after_publish_page")
def sync_authoring_after_course_publish(request, page):
    if isinstance(page.specific, CoursePage):
        course_sync_authoring(course=page.specific)


@hooks.register("after_create_page")
def sync_authoring_after_course_create(request, page):
    if isinstance(page.specific, CoursePage) and page.live:
        course_sync_authoring(course=page.specific)
