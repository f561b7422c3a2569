"""Catalog vocabularies: course formats and the taxonomies editors pick from (snippets).

Pillars and policy areas are translatable snippets: a Spanish term is a translation of
its English term (same translation key, same slug), so filters and courses pair them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from academy.inputs import bounded

from .routing import locale_language


class CourseFormat(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced")
    LIVE_ONLINE = "live_online", _("Live online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A named term editors pick from (edited as a snippet), in each content language."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    description = models.TextField(**bounded(1000, blank=True))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_language(cls, language=None):
        """The terms to show in `language` (the active one by default): each term's
        translation in that language, else the term in the default language. One query."""
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        default = settings.LANGUAGE_CODE
        if language == default:
            return cls.objects.filter(locale__language_code=default)
        translated = cls.objects.filter(locale__language_code=language)
        return cls.objects.filter(
            Q(locale__language_code=language)
            | (
                Q(locale__language_code=default)
                & ~Q(translation_key__in=translated.values("translation_key"))
            )
        )

    @classmethod
    def localized_list(cls, terms, language=None):
        """`terms` (any language) as the terms to show in `language`, in the same order:
        one query, none if they are all in that language already."""
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        terms = list(terms)
        if not terms or all(locale_language(t.locale_id) == language for t in terms):
            return terms
        keys = {t.translation_key for t in terms}
        by_key = {
            t.translation_key: t
            for t in cls.objects.filter(
                translation_key__in=keys, locale__language_code=language
            )
        }
        return [by_key.get(t.translation_key, t) for t in terms]


class Pillar(TaxonomyTerm):
    """A pillar of the academy's theory of change."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="pillar_slug_per_locale"),
            models.UniqueConstraint(fields=["name", "locale"], name="pillar_name_per_locale"),
        ]


class PolicyArea(TaxonomyTerm):
    """A policy area (housing, worker power, public safety...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="policyarea_slug_per_locale"
            ),
            models.UniqueConstraint(
                fields=["name", "locale"], name="policyarea_name_per_locale"
            ),
        ]
