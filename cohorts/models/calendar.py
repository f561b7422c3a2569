"""The secret of a person's private calendar feed."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation


def new_calendar_token():
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed URL (can be reset)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"calendar of {self.user_id}"

    @property
    def feed_url(self):
        """One URL whatever language the page showing it is in: the feed itself speaks its
        owner's preferred language."""
        with translation.override(settings.LANGUAGE_CODE):
            return settings.SITE_URL + reverse("my_calendar", args=[self.token])

    @property
    def webcal_url(self):
        """The feed as a webcal:// link, which calendar apps open as a subscription."""
        return "webcal://" + self.feed_url.split("://", 1)[1]
