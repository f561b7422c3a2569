"""Curriculum changes that public pages show: the cached copies are forgotten."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from academy.public_cache import public_pages_changed


def _changed(sender=None, **kwargs):
    public_pages_changed()


def connect_cache_invalidation():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"public-cache-{signal!r}")
    post_delete.connect(_changed, sender=Page, dispatch_uid="public-cache-page-delete")
