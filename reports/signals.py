"""When staff change which figures the home page publishes, forget the cached figures and
the cached public pages (once the change commits)."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from academy.public_cache import public_pages_changed

from .models import ImpactSettings
from .templatetags.impact_tags import cache_keys


@receiver(post_save, sender=ImpactSettings)
def impact_settings_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: cache.delete_many(cache_keys(instance.site_id)))
    public_pages_changed()
