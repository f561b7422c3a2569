"""Certificates (one per enrollment) and the academy-wide certificate settings
(wording, signatory, logo) edited by staff in the Wagtail admin."""

import secrets
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import models
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from academy.inputs import bounded

DEFAULT_HEADING = gettext_noop("Certificate of Completion")
DEFAULT_BODY = gettext_noop(
    "has successfully completed {course} with the Progressive Governance Academy."
)
DEFAULT_FOOTER = ""
DEFAULT_SIGNATORY_NAME = gettext_noop("Academy Director")
DEFAULT_SIGNATORY_TITLE = gettext_noop("Director, Progressive Governance Academy")
# The settings' defaults: a certificate prints them in its own language
# (certificate_data.wording); wording staff write themselves prints as written.
STOCK_WORDING = frozenset(
    {DEFAULT_HEADING, DEFAULT_BODY, DEFAULT_SIGNATORY_NAME, DEFAULT_SIGNATORY_TITLE}
)
BODY_PLACEHOLDERS = ("name", "course", "cohort", "hours", "start_date", "end_date")


def _optional_image(help_text):
    return models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=help_text,
    )


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """What every certificate of the site says, and who signs it."""

    heading = models.CharField(max_length=120, default=DEFAULT_HEADING)
    body = models.TextField(**bounded(
        2000,
        default=DEFAULT_BODY,
        help_text=format_lazy(
            _("Wording under the heading. Placeholders: {placeholders}."),
            placeholders=", ".join("{" + p + "}" for p in BODY_PLACEHOLDERS),
        ),
    ))
    footer_note = models.CharField(
        max_length=300,
        blank=True,
        default=DEFAULT_FOOTER,
        help_text=_("Optional small print along the bottom edge (one line)."),
    )
    signatory_name = models.CharField(max_length=120, default=DEFAULT_SIGNATORY_NAME)
    signatory_title = models.CharField(
        max_length=200, blank=True, default=DEFAULT_SIGNATORY_TITLE
    )
    signature_image = _optional_image(
        _("A scan of the signature, ideally a PNG with a transparent background.")
    )
    logo = _optional_image(_("Printed at the top. Empty: the academy's own logo."))

    panels = [
        HelpPanel(
            content=format_lazy(
                _('<p><a href="{url}" target="_blank" rel="noopener">Preview a sample '
                  "certificate (PDF)</a> with the saved settings. Save first to see a "
                  "change.</p>"),
                url=reverse_lazy("certificate_preview"),
            )
        ),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("body"), FieldPanel("footer_note")],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
                FieldPanel("signature_image"),
            ],
            heading=_("Signatory"),
        ),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("Certificate settings")


def canonical_reverse(name, *args) -> str:
    """The URL in the site's default language (unprefixed), whatever language is active:
    for addresses printed on a certificate, coded in its QR or signed into a credential."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name, args=args)


def qr_verification_url(code: str) -> str | None:
    """The address a certificate's QR code holds: the verification page by its short path,
    in capitals, which QR codes store in their compact alphanumeric mode (a code of 29 by
    29 modules instead of 37 by 37: quicker to draw, easier to scan from paper). None when
    the site's address has a path, which capitals would change: the QR code then holds
    the verification URL itself."""
    if urlsplit(settings.SITE_URL).path.strip("/"):
        return None
    path = canonical_reverse("certificate_qr", code.replace("-", ""))
    return (settings.SITE_URL.rstrip("/") + path).upper()


# Typeable verification codes: no 0/O, no 1/I. 32 symbols = 5 bits each; 20 symbols
# = 100 bits from `secrets`, written in five groups of four: ABCD-EFGH-JKLM-NPQR-STUV.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_GROUPS = 5
CODE_GROUP_SIZE = 4


def new_verification_code() -> str:
    symbols = "".join(
        secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_SIZE)
    )
    return "-".join(
        symbols[i : i + CODE_GROUP_SIZE] for i in range(0, len(symbols), CODE_GROUP_SIZE)
    )


def normalize_code(raw: str) -> str | None:
    """A code as typed (any case, spaces or dashes) -> canonical form, or None."""
    symbols = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(symbols) != CODE_GROUPS * CODE_GROUP_SIZE or any(
        ch not in CODE_ALPHABET for ch in symbols
    ):
        return None
    return "-".join(
        symbols[i : i + CODE_GROUP_SIZE] for i in range(0, len(symbols), CODE_GROUP_SIZE)
    )


def new_pdf_token() -> str:
    """The PDF's file name: random, unrelated to the public verification code."""
    return secrets.token_urlsafe(24)


def new_identity_salt() -> str:
    """Random; the credential names the learner only by sha256(email + salt)."""
    return secrets.token_hex(16)


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to render")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Rendering failed")


# The links to a certificate's PDF in a language other than its own.
PDF_IN_LANGUAGE = {"en": _("Download in English"), "es": _("Download in Spanish")}


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True).exclude(
            enrollment__status="withdrawn"
        )


class Certificate(models.Model):
    """A completion certificate. The recipient, course and cohort facts are a snapshot
    taken when it is issued (and refreshed by a re-issue), so the PDF and the public
    verification page keep saying what was certified."""

    # Rows made by the thousand (issuing, sending, enrolling) that reference no page,
    # image or document: Wagtail's reference index ("usage") has nothing to gain
    # from them, and indexing each save cost a certificate render ~10 ms.
    wagtail_reference_index_ignore = True

    enrollment = models.OneToOneField(
        "cohorts.Enrollment", on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(max_length=24, unique=True, default=new_verification_code)
    recipient_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=255)
    cohort_title = models.CharField(max_length=200)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    hours = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    partner_names = models.JSONField(default=list, blank=True)
    # What the Open Badges credential states besides the hours, also as of issue, so a
    # render signs the same facts without recomputing the learner's progress. Null on
    # certificates issued before they were kept (modules_required is None): computed then.
    attendance_percent = models.FloatField(null=True, blank=True, editable=False)
    modules_required = models.PositiveIntegerField(null=True, blank=True, editable=False)
    activity_start = models.DateTimeField(null=True, blank=True, editable=False)
    activity_end = models.DateTimeField(null=True, blank=True, editable=False)
    # The holder's language when it was issued (or re-issued): the stored PDF's and the
    # credential's (`inLanguage`). The other language is rendered on demand.
    language = models.CharField(
        max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    issued_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    override_reason = models.TextField(**bounded(
        2000, blank=True, help_text=_("Why it was issued to a learner who was not eligible.")
    ))
    pdf = models.FileField(upload_to="certificates/", blank=True)
    # The PDF is stored as certificates/<pdf_token>.pdf (private, served only by the
    # permission-checked download view); a re-render overwrites the same file.
    pdf_token = models.CharField(max_length=64, unique=True, default=new_pdf_token,
                                 editable=False)
    render_status = models.CharField(
        max_length=10, choices=RenderStatus.choices, default=RenderStatus.PENDING
    )
    render_requested_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_attempts = models.PositiveIntegerField(default=0)
    render_error = models.TextField(blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(**bounded(1000, blank=True))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_emailed_at = models.DateTimeField(null=True, blank=True)
    # The Open Badges 3.0 credential (signed JSON), written with each render.
    credential = models.JSONField(null=True, blank=True, editable=False)
    credential_signed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Random; the credential names the learner only by sha256(email + salt). Given at
    # issue (blank on certificates issued before that: their first render gives it).
    identity_salt = models.CharField(max_length=64, blank=True, default=new_identity_salt,
                                     editable=False)
    # This certificate's bit in a revocation list: given once, never reused; at issue,
    # or by the first render when issuing could not (the signing key was missing).
    status_list = models.ForeignKey(
        "StatusList", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        editable=False,
    )
    status_list_index = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "recipient_name"]
        indexes = [models.Index(fields=["render_status", "render_requested_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_list_index"], name="certificate_status_bit_unique"
            )
        ]

    def __str__(self):
        return f"{self.recipient_name}: {self.course_title} ({self.code})"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_valid(self):
        return not self.is_revoked and self.enrollment.status != "withdrawn"

    @property
    def state(self):
        if self.is_revoked:
            return "revoked"
        if self.enrollment.status == "withdrawn":
            return "withdrawn"
        return "valid"

    def get_absolute_url(self):
        return reverse("certificate_verify", args=[self.code])

    @property
    def verification_url(self):
        """The printed, QR-coded and signed address: the same in every language."""
        return settings.SITE_URL + canonical_reverse("certificate_verify", self.code)

    @property
    def qr_url(self):
        """What the QR code holds (`qr_verification_url`): leads to `verification_url`."""
        return qr_verification_url(self.code)

    @property
    def credential_url(self):
        """Signed into the credential as its id: the same in every language."""
        return canonical_reverse("certificate_credential", self.code)

    @property
    def pdf_url(self):
        """The stored PDF: in the certificate's language (the holder's at issue)."""
        return reverse("certificate_pdf", args=[self.code])

    def pdf_url_in(self, language: str) -> str:
        """The PDF in `language` (rendered on demand when it is not the stored one)."""
        return f"{self.pdf_url}?lang={language}"

    @property
    def other_language_pdfs(self) -> list[tuple[str, str]]:
        """(label, download URL) of the PDF in each language but the stored one's."""
        return [
            (PDF_IN_LANGUAGE.get(code, name), self.pdf_url_in(code) + "&download=1")
            for code, name in settings.LANGUAGES if code != self.language
        ]

    @property
    def linkedin_url(self):
        """LinkedIn's standard 'add a certification to your profile' link."""
        params = {
            "startTask": "CERTIFICATION_NAME",
            # The course, not the cohort's internal label ("Fall 2026 · Mountain West").
            "name": self.course_title,
            "organizationName": settings.SITE_NAME,
            "issueYear": self.issued_on.year,
            "issueMonth": self.issued_on.month,
            "certUrl": self.verification_url,
            "certId": self.code,
        }
        return "https://www.linkedin.com/profile/add?" + urlencode(params)


class RequirementReminder(models.Model):
    """One reminder email about one requirement's window (60 or 14 days before its due
    date), sent once: the unique key makes sending again a no-op."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey("academy.Body", on_delete=models.CASCADE, related_name="+")
    requirement_id = models.CharField(max_length=100)
    due = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "body", "requirement_id", "due", "days_before"],
                name="unique_requirement_reminder",
            )
        ]


def new_transcript_token() -> str:
    return secrets.token_urlsafe(24)


class TranscriptLink(models.Model):
    """An official's shareable transcript link (like a certificate's verification page);
    resetting it makes a new token and the old link stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transcript_link"
    )
    token = models.CharField(max_length=64, unique=True, default=new_transcript_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Transcript link of {self.user}"



class StatusList(models.Model):
    """A W3C Bitstring Status List for revocation, published at
    /credentials/status/<number>.json. `next_index` only grows (taken under a row lock), so
    a bit is never given twice; the signed list credential is stored whole and re-signed
    when a bit flips, so serving it is one read."""

    number = models.PositiveIntegerField(unique=True)
    size = models.PositiveIntegerField(default=131_072)  # bits
    next_index = models.PositiveIntegerField(default=0)
    bits = models.BinaryField()
    credential = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"Status list {self.number}"

    @property
    def is_full(self) -> bool:
        return self.next_index >= self.size

    def get_absolute_url(self):
        return canonical_reverse("credential_status_list", self.number)

    @property
    def url(self):
        return settings.SITE_URL + self.get_absolute_url()
