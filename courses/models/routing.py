"""Routing through the typed page tree (catalog -> courses -> modules)."""

from django.apps import apps
from django.http import Http404


class SpecificChildRouteMixin:
    """Route to a child of a known type in one query instead of two (child, then .specific).

    Wagtail's default routing loads the child as a plain Page and then its specific
    class; our tree is typed (catalog -> courses -> modules), so load the specific
    child directly and remember the parent on it.
    """

    child_model_name: str

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        model = apps.get_model("courses", self.child_model_name)
        try:
            child = model.objects.child_of(self).get(slug=path_components[0])
        except model.DoesNotExist as exc:
            raise Http404 from exc
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
