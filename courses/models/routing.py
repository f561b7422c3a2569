"""Routing through the typed page tree (catalog -> courses -> modules), in each language.

The Spanish tree is a translation of the English one (Wagtail i18n: the Spanish home page
is a translation of the site's root page, each page keeps its English slug). A page that
has no translation yet is served from the English tree at its Spanish address, with a
note (templates/includes/translation_note.html) and `lang="en"` around its content.
"""

from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect
from django.template import engines
from django.utils.functional import cached_property
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult

_LOCALE_LANGUAGES: dict[int, str] = {}


@receiver([post_save, post_delete], sender=Locale, dispatch_uid="courses-locale-languages")
def _forget_locales(**kwargs):
    """A locale added or removed (staff adding a language; a test database rebuilt): read
    them again, so an id is never taken for another language's."""
    _LOCALE_LANGUAGES.clear()

CONTENT_LANGUAGES = frozenset(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def locale_language(locale_id) -> str:
    """The language code of a Wagtail locale (kept in memory: locales are few and fixed)."""
    code = _LOCALE_LANGUAGES.get(locale_id)
    if code is None:
        _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
        code = _LOCALE_LANGUAGES.get(locale_id, settings.LANGUAGE_CODE)
    return code


def locale_id_for(language) -> int | None:
    """The id of the Wagtail locale of `language` (kept in memory like locale_language)."""
    for _attempt in range(2):
        for pk, code in _LOCALE_LANGUAGES.items():
            if code == language:
                return pk
        _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
    return None


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@lru_cache(maxsize=32)
def _fallback_template(template_name, language):
    """The page's own template with its content marked as being in `language`."""
    extends = '{% extends "' + template_name + '" %}'
    content = '<div lang="' + language + '">{{ block.super }}</div>'
    return engines["django"].from_string(
        extends + "{% block content %}" + content + "{% endblock %}"
    )


class LocalizedPageMixin:
    """A curriculum page in the language of the address it is served at, or, when it has
    no translation in that language yet, in its own language with a note saying so."""

    fallback_note_kind = "page"  # which note: "page", "course" or "module"

    def fallback_language(self) -> str | None:
        """The page's language when it is not the active one (it is shown as a fallback)."""
        language = locale_language(self.locale_id)
        return language if language != active_language() else None

    def source_translation(self):
        """This page in the default language, when this page is a translation (else None)."""
        if locale_language(self.locale_id) == settings.LANGUAGE_CODE:
            return None
        return (
            type(self)
            .objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )

    @cached_property
    def original(self):
        """This page in the default language (itself when it is in it, or when it is a
        translation with no original). Cohorts, enrollments, module completions and
        certificates belong to the original course and modules: code that receives a
        translated page (the Spanish course page's cohorts, a Spanish module marked
        complete) should use `page.original`."""
        return self.source_translation() or self

    def get_url_parts(self, request=None):
        """A page of the default language, linked to while another language is active
        (the Spanish catalog listing an untranslated course, a Spanish email), keeps the
        reader in that language: its address there routes to its translation, or to the
        page itself with the note."""
        parts = super().get_url_parts(request)
        language = active_language()
        if (
            parts
            and parts[2]
            and language != settings.LANGUAGE_CODE
            and language in CONTENT_LANGUAGES
            and self._tree_language(request) == settings.LANGUAGE_CODE
        ):
            from academy.i18n import page_in

            parts = (parts[0], parts[1], page_in(parts[2], language))
        return parts

    def _tree_language(self, request):
        """The language of the site root this page is under (no query: Wagtail caches the
        site root paths, and a page listed with .only() may not have its locale_id)."""
        roots = self._get_relevant_site_root_paths(request)
        return roots[0][3] if roots else None

    def get_template(self, request, *args, **kwargs):
        template = super().get_template(request, *args, **kwargs)
        language = self.fallback_language()
        if language and isinstance(template, str):
            return _fallback_template(template, language)
        return template

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_fallback_language"] = self.fallback_language()
        return context

    def serve(self, request, *args, redirect_to_translation=False, **kwargs):
        if redirect_to_translation:
            return redirect(self.get_url(request))
        return super().serve(request, *args, **kwargs)


class SpecificChildRouteMixin:
    """Route to a child of a known type in one query instead of two (child, then .specific).

    Wagtail's default routing loads the child as a plain Page and then its specific
    class; our tree is typed (catalog -> courses -> modules), so load the specific
    child directly and remember the parent on it.

    In a translated tree, a slug with no page here is looked for under this page's
    source (English) page: if that page has a translation here under another slug, the
    request is redirected to it; otherwise the English page is served (with a note).
    """

    child_model_name: str

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        model = apps.get_model("courses", self.child_model_name)
        if locale_language(self.locale_id) != settings.LANGUAGE_CODE:
            return self._route_translated(request, model, path_components)
        try:
            child = model.objects.child_of(self).get(slug=path_components[0])
        except model.DoesNotExist as exc:
            raise Http404 from exc
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def _route_translated(self, request, model, path_components):
        """In a translated tree, one query finds the child with this slug here or, when
        there is none, the child with this slug of this page's original (same translation
        key, default language), with the id of that child's translation here if it has
        one under another slug."""
        parent_length = self.depth * self.steplen
        candidates = list(
            model.objects.filter(slug=path_components[0], depth=self.depth + 1)
            .filter(
                Q(path__startswith=self.path)
                | Q(
                    Exists(
                        Page.objects.filter(
                            path=Substr(OuterRef("path"), 1, parent_length),
                            translation_key=self.translation_key,
                            locale__language_code=settings.LANGUAGE_CODE,
                        )
                    )
                )
            )
            .annotate(
                translation_id=Subquery(
                    model.objects.live()
                    .filter(translation_key=OuterRef("translation_key"), locale_id=self.locale_id)
                    .values("pk")[:1]
                )
            )[:2]
        )
        own = next((c for c in candidates if c.path.startswith(self.path)), None)
        if own is not None:
            own._cached_parent_obj = self
            return own.route(request, path_components[1:])
        if not candidates:
            raise Http404
        original = candidates[0]
        if original.translation_id is not None:
            translated = model.objects.get(pk=original.translation_id)
            page, args, kwargs = translated.route(request, path_components[1:])
            return RouteResult(page, args=args, kwargs={**kwargs, "redirect_to_translation": True})
        return original.route(request, path_components[1:])
