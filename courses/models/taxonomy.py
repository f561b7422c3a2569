"""Catalog vocabularies: course formats and the taxonomies editors pick from (snippets)."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from academy.inputs import bounded


class CourseFormat(models.TextChoices):
    SELF_PACED = "self_paced", "Self-paced"
    LIVE_ONLINE = "live_online", "Live online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid"


class TaxonomyTerm(models.Model):
    """A named term editors pick from (edited as a snippet)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(**bounded(1000, blank=True))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Pillar(TaxonomyTerm):
    """A pillar of the academy's theory of change."""

    class Meta(TaxonomyTerm.Meta):
        pass


class PolicyArea(TaxonomyTerm):
    """A policy area (housing, worker power, public safety...)."""

    class Meta(TaxonomyTerm.Meta):
        pass
