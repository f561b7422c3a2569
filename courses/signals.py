"""Curriculum changes that public pages show: the cached copies are forgotten.

Translations (Wagtail's copy_for_translation, as simple_translation's "Translate" does):
the new page gets the review workflow of its source page, a course's pillars and policy
areas become their translations in the new language, and partner authoring rights are
resynced so that a course's co-authors may draft its translation too.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowPage
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from academy.public_cache import public_pages_changed

from .models import Pillar, PolicyArea


def _changed(sender=None, **kwargs):
    public_pages_changed()


def connect_cache_invalidation():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"public-cache-{signal!r}")
    post_delete.connect(_changed, sender=Page, dispatch_uid="public-cache-page-delete")
    # Terms are snippets, saved without publishing a page: their names show on the
    # catalog's filters and course pages, and in credentials' topics.
    # An image replaced or deleted: its renditions (course cards, the certificate's logo
    # and signature) get new files.
    for model in (Pillar, PolicyArea, get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model,
                           dispatch_uid=f"public-cache-{model.__name__}-{signal!r}")


def _localize_terms(manager, model, locale):
    """Point a ParentalManyToMany of taxonomy terms at their translations in `locale`."""
    terms = list(manager.all())
    if not terms:
        return
    translated = {
        t.translation_key: t
        for t in model.objects.filter(
            translation_key__in=[t.translation_key for t in terms], locale=locale
        )
    }
    manager.set([translated.get(t.translation_key, t) for t in terms])


def page_translated(sender, source_obj, target_obj, **kwargs):
    from .models import CoursePage, Pillar, PolicyArea
    from .permissions import course_sync_authoring

    if not isinstance(target_obj, Page):
        return
    assignment = WorkflowPage.objects.filter(page_id=source_obj.pk).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(
            page_id=target_obj.pk, defaults={"workflow": assignment.workflow}
        )
    target = target_obj.specific
    if isinstance(target, CoursePage):
        _localize_terms(target.pillars, Pillar, target.locale)
        _localize_terms(target.policy_areas, PolicyArea, target.locale)
        # ParentalManyToMany: written on save; the draft the editor opens is the revision.
        target.save(update_fields=["pillars", "policy_areas"], clean=False)
        revision = target.latest_revision
        if revision is not None:
            revision.content["pillars"] = [t.pk for t in target.pillars.all()]
            revision.content["policy_areas"] = [t.pk for t in target.policy_areas.all()]
            revision.save(update_fields=["content"])
        course_sync_authoring(course=target)


def connect_translations():
    copy_for_translation_done.connect(page_translated, dispatch_uid="courses-page-translated")
