"""Curriculum models: pages (home -> catalog -> course -> module), taxonomies, module
completions and the partner-review workflow task. Partner co-authoring permissions live
in courses/permissions.py, reads in courses/selectors.py, rules in courses/services.py.
"""

from .completion import ModuleCompletion
from .pages import (
    AcademyHomePage,
    CatalogPage,
    CoursePage,
    ModulePage,
    SpecificChildRouteMixin,
)
from .taxonomy import CourseFormat, Pillar, PolicyArea, TaxonomyTerm
from .workflow import PartnerReviewTask

__all__ = [
    "AcademyHomePage",
    "CatalogPage",
    "CourseFormat",
    "CoursePage",
    "ModuleCompletion",
    "ModulePage",
    "PartnerReviewTask",
    "Pillar",
    "PolicyArea",
    "SpecificChildRouteMixin",
    "TaxonomyTerm",
]
