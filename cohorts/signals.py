"""Cohort changes that public pages show (seats left, status, sessions): the cached copies
of the public pages are forgotten (academy.public_cache). The services also call it after
changes made with queryset updates, which send no signal."""

from django.db.models.signals import post_delete, post_save

from academy.public_cache import public_pages_changed

from .models import Cohort, Enrollment, Session


def _changed(sender=None, **kwargs):
    public_pages_changed()


def connect_cache_invalidation():
    for model in (Cohort, Session, Enrollment):
        post_save.connect(_changed, sender=model, dispatch_uid=f"public-cache-{model.__name__}")
        post_delete.connect(_changed, sender=model,
                            dispatch_uid=f"public-cache-del-{model.__name__}")
