"""People: the custom User (email is the login) and partner Organizations."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .choices import (  # noqa: F401 - the apps above import them from here
    TIME_ZONE_CHOICES,
    US_TIME_ZONES,
    JurisdictionType,
    USState,
    time_zone_name,
    validate_time_zone,
)
from .inputs import bounded

#: The people a cohort's facilitators are chosen from (cohorts.Cohort.facilitators).
FACILITATORS_GROUP = "Facilitators"


def facilitators_group() -> Group:
    return Group.objects.get_or_create(name=FACILITATORS_GROUP)[0]


class Organization(models.Model):
    """A partner organisation that co-authors curriculum (the academy is one too).

    Each organisation has a Wagtail group for its authors; page permissions on the
    courses it co-authors are granted to that group (courses.permissions).
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    description = models.TextField(**bounded(2000, blank=True))
    is_academy = models.BooleanField(
        default=False, help_text=_("The academy itself (its staff approve all curriculum).")
    )
    authors_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organization",
        help_text=_("Wagtail group whose members author this organisation's modules."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)


# The profile a person keeps up to date (sign-up asks for the name; /me/profile/ and the
# Wagtail user forms show the rest).
PROFILE_FIELDS = [
    "first_name",
    "last_name",
    "preferred_name",
    "pronouns",
    "certificate_name",
    "office_title",
    "jurisdiction_name",
    "jurisdiction_type",
    "state",
    "time_zone",
    "preferred_language",
]


class AcademyUserManager(UserManager):
    """Email is the login: no username anywhere."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An official, facilitator, partner author or staff member."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    # first_name and last_name come from AbstractUser (Wagtail's admin uses them).
    certificate_name = models.CharField(
        _("name on certificates"), max_length=200, blank=True,
        help_text=_("Leave blank to use your first and last name."),
    )
    preferred_name = models.CharField(
        max_length=100, blank=True, help_text=_("What you like to be called in sessions.")
    )
    pronouns = models.CharField(max_length=50, blank=True, help_text=_("For example: she/her."))
    office_title = models.CharField(
        _("office or title"), max_length=200, blank=True,
        help_text=_("For example: City Council Member, District 3."),
    )
    jurisdiction_name = models.CharField(
        max_length=200, blank=True, help_text=_("For example: City of Tucson.")
    )
    jurisdiction_type = models.CharField(
        max_length=20, choices=JurisdictionType.choices, blank=True
    )
    state = models.CharField(
        _("state or territory"), max_length=2, choices=USState.choices, blank=True
    )
    time_zone = models.CharField(
        max_length=64, default="America/New_York", validators=[validate_time_zone],
        help_text=_("Session times are shown in this time zone."),
    )
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en",
        help_text=_("The site, emails and certificates reach you in this language."),
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = AcademyUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def tzinfo(self):
        """The person's own time zone (the academy's when theirs is unknown)."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.preferred_name or self.first_name or self.email

    @property
    def display_name(self):
        """How the person is addressed on screen: preferred name first."""
        if self.preferred_name:
            return f"{self.preferred_name} {self.last_name}".strip()
        return self.full_name or self.email

    @property
    def printed_name(self):
        """The name printed on certificates, as the person wants it."""
        return self.certificate_name or self.full_name or self.email

    @property
    def profile_complete(self):
        return bool(
            self.first_name and self.last_name and self.jurisdiction_name
            and self.jurisdiction_type and self.state
        )

    @property
    def is_facilitator(self):
        """Facilitates at least one cohort. The auth backend annotates this on the
        signed-in user (no extra query per page); otherwise ask the relation."""
        if hasattr(self, "facilitates"):
            return self.facilitates
        relation = getattr(self, "facilitated_cohorts", None)
        return bool(relation is not None and relation.exists())

    @property
    def is_partner_author(self):
        """The one rule for a partner author: writes curriculum for a partner organisation
        (not the academy itself) and is not academy staff."""
        return (
            self.organization_id is not None
            and not self.is_staff
            and not self.organization.is_academy
        )


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed (gave up)")


class OutboxEmail(models.Model):
    """One email to one person, written in the same transaction as the change that causes
    it and sent afterwards by a task (academy.outbox): at least once, never lost.

    `claimed_until` is a sender's lease: a sender that dies leaves a claim that expires, and
    the sweeper sends the row again. After `OUTBOX_MAX_ATTEMPTS` failed sends the row is
    marked failed, with the error, for staff to see in the admin.
    """

    # Rows made by the thousand (issuing, sending, enrolling) that reference no page,
    # image or document: Wagtail's reference index ("usage") has nothing to gain
    # from them, and indexing each save cost a certificate render ~10 ms.
    wagtail_reference_index_ignore = True

    recipient = models.ForeignKey(
        "academy.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to = models.EmailField(max_length=254)
    kind = models.CharField(max_length=60, help_text=_("What the email is about."))
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # [{"name": storage name, "filename": shown name, "mimetype": ...}], read when sending.
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("email")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class Body(models.Model):
    """A public body officials serve on (a city council, a county commission, a school
    board). One row per body, shared by its members: the quorum guard counts them."""

    name = models.CharField(max_length=200, help_text=_("For example: Leon County Commission."))
    body_type = models.CharField(
        _("type"), max_length=20, choices=JurisdictionType.choices,
        help_text=_("Decides which state training requirements apply."),
    )
    state = models.CharField(_("state or territory"), max_length=2, choices=USState.choices)
    seats = models.PositiveSmallIntegerField(
        _("number of seats"),
        help_text=_("How many members the body has, when every seat is filled."),
    )
    quorum = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text=_("Only when the body's law, rules or charter set one other than a majority."),
    )

    class Meta:
        ordering = ["state", "name"]
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "body_type", "state", name="unique_body"
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="body_has_seats"),
        ]

    def __str__(self):
        return f"{self.name} ({self.state})"


class BodyMembership(models.Model):
    """One term of one official on one body: the seat, the oath or election date, and when
    they left. Several rows for the same body are several terms."""

    # Rows made by the thousand (issuing, sending, enrolling) that reference no page,
    # image or document: Wagtail's reference index ("usage") has nothing to gain
    # from them, and indexing each save cost a certificate render ~10 ms.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_memberships"
    )
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="memberships")
    seat = models.CharField(
        _("seat or office"), max_length=200, blank=True,
        help_text=_("For example: County Commissioner, District 2."),
    )
    oath_date = models.DateField(
        _("oath of office"), null=True, blank=True,
        help_text=_("The day you took the oath (or took up the duties) for this term."),
    )
    election_date = models.DateField(
        _("elected or appointed on"), null=True, blank=True,
    )
    left_on = models.DateField(_("left office on"), null=True, blank=True)
    compensated = models.BooleanField(
        _("paid or reimbursed"), default=False,
        help_text=_("The body pays you a salary or stipend, or reimburses your expenses."),
    )

    class Meta:
        ordering = ["body__name", "oath_date", "pk"]
        indexes = [models.Index(fields=["body", "user"])]

    def __str__(self):
        return f"{self.user} on {self.body}"

    def clean(self):
        """The rule the profile page applies (academy.services.bodies), for the admin."""
        from django.core.exceptions import ValidationError

        from .services.bodies import MembershipRow, membership_row_problem

        if self.body_id is None:
            return
        problem = membership_row_problem(MembershipRow(
            body_name=self.body.name, body_type=self.body.body_type, state=self.body.state,
            seats=self.body.seats, oath_date=self.oath_date,
            election_date=self.election_date, left_on=self.left_on,
        ))
        if problem:
            raise ValidationError({problem[0]: problem[1]})
