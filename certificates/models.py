"""Certificate settings edited by staff in the Wagtail admin (one per site).

The Certificate model itself (one per enrollment) lives here too once issuing exists;
this module only holds the academy-wide wording, signatory and logo for now.
"""

from django.db import models
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_HEADING = "Certificate of Completion"
DEFAULT_BODY = (
    "has successfully completed {course} with the Progressive Governance Academy."
)
DEFAULT_FOOTER = ""
BODY_PLACEHOLDERS = ("name", "course", "cohort", "hours", "start_date", "end_date")


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """What every certificate of the site says, and who signs it."""

    heading = models.CharField(max_length=120, default=DEFAULT_HEADING)
    body = models.TextField(
        default=DEFAULT_BODY,
        help_text="Wording under the heading. Placeholders: "
        + ", ".join("{" + p + "}" for p in BODY_PLACEHOLDERS)
        + ".",
    )
    footer_note = models.CharField(
        max_length=300,
        blank=True,
        default=DEFAULT_FOOTER,
        help_text="Optional small print along the bottom edge (one line).",
    )
    signatory_name = models.CharField(max_length=120, default="Academy Director")
    signatory_title = models.CharField(
        max_length=200, blank=True, default="Director, Progressive Governance Academy"
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the signature, ideally a PNG with a transparent background.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Printed at the top. Empty: the academy's own logo.",
    )

    panels = [
        HelpPanel(
            content=format_lazy(
                '<p><a href="{}" target="_blank" rel="noopener">Preview a sample '
                "certificate (PDF)</a> with the saved settings. Save first to see a "
                "change.</p>",
                reverse_lazy("certificate_preview"),
            )
        ),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("body"), FieldPanel("footer_note")],
            heading="Wording",
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
                FieldPanel("signature_image"),
            ],
            heading="Signatory",
        ),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = "Certificate settings"
