"""The annual impact report PDFs people asked for, and which headline figures the public
home page shows (off until staff choose some)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ImpactReportPDF(models.Model):
    """One requested PDF of the impact report: the filters it was asked with, and the file
    once rendered (private storage, served only to the requester by a checked view)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The report's filters as JSON (dates ISO, ids): the worker rebuilds the report from them.
    filters = models.JSONField(default=dict)
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    pdf = models.FileField(upload_to="reports/", blank=True)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("impact report PDF")

    def __str__(self):
        return self.title

    @property
    def stalled(self) -> bool:
        """Still pending long after it was asked for: its render was lost."""
        return (
            self.status == ReportStatus.PENDING
            and self.requested_at is not None
            and timezone.now() - self.requested_at > STALLED_AFTER
        )


STALLED_AFTER = timedelta(minutes=10)


class PublicPeriod(models.TextChoices):
    ALL_TIME = "all_time", _("Since the academy began")
    THIS_YEAR = "this_year", _("This calendar year")


@register_setting(icon="table")
class ImpactSettings(BaseSiteSetting):
    """Which impact figures the home page shows. All off by default."""

    show_officials_trained = models.BooleanField(_("officials trained"), default=False)
    show_completions = models.BooleanField(_("course completions"), default=False)
    show_hours = models.BooleanField(_("hours of instruction"), default=False)
    show_states_reached = models.BooleanField(_("states and territories reached"), default=False)
    show_jurisdictions_reached = models.BooleanField(_("jurisdictions reached"), default=False)
    period = models.CharField(
        max_length=10, choices=PublicPeriod.choices, default=PublicPeriod.ALL_TIME
    )

    panels = [
        HelpPanel(
            content=_("<p>The figures you tick appear on the public home page (live numbers, "
                      "refreshed every hour). Counts under 5 show as “fewer than 5”.</p>")
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_officials_trained"),
                FieldPanel("show_completions"),
                FieldPanel("show_hours"),
                FieldPanel("show_states_reached"),
                FieldPanel("show_jurisdictions_reached"),
            ],
            heading=_("Figures to publish"),
        ),
        FieldPanel("period", heading=_("Period")),
    ]

    class Meta:
        verbose_name = _("Impact figures on the home page")

    @property
    def published(self) -> list[str]:
        return [
            name for name in PUBLIC_FIGURES if getattr(self, f"show_{name}")
        ]


# Headline figures the public may see, in the order the home page shows them.
PUBLIC_FIGURES = (
    "officials_trained", "completions", "hours", "states_reached", "jurisdictions_reached"
)
