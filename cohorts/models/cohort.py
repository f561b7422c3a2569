"""A cohort (one run of a course) and its live sessions."""

import secrets
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from academy.fields import ReadableDateTimeField
from academy.inputs import bounded
from academy.models import FACILITATORS_GROUP, time_zone_name, validate_time_zone

from .choices import SEAT_STATUSES, AttendanceStatus, CohortStatus, EnrollmentMode

CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a room


def new_check_in_code():
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(6))


class CohortQuerySet(models.QuerySet):
    def of_course(self, course):
        """Cohorts of `course`, or of the course it translates: cohorts run the original
        course (`original_courses`), and a translation shares its translation key. No query
        to find the original."""
        from courses.models.routing import locale_language

        if locale_language(course.locale_id) == settings.LANGUAGE_CODE:
            return self.filter(course=course)
        return self.filter(course__translation_key=course.translation_key)

    def visible(self):
        """Cohorts the public may see (drafts stay with staff and facilitators)."""
        return self.exclude(status=CohortStatus.DRAFT)

    def upcoming(self):
        """Cohorts a course page advertises: open or running (not a self-paced course's)."""
        return self.filter(
            status__in=[CohortStatus.OPEN, CohortStatus.IN_PROGRESS], self_paced=False
        )

    def with_seats(self):
        """Annotate `seats_taken` (enrolled + completed) in the same query."""
        return self.annotate(
            seats_taken=models.Count(
                "enrollments", filter=Q(enrollments__status__in=SEAT_STATUSES), distinct=True
            )
        )

    def with_dates(self):
        """Annotate `first_starts_at`, `last_ends_at` and `next_starts_at` (subqueries)."""
        sessions = Session.objects.filter(
            cohort=models.OuterRef("pk"), cancelled_at__isnull=True
        ).order_by()
        return self.annotate(
            first_starts_at=models.Subquery(
                sessions.order_by("starts_at").values("starts_at")[:1]
            ),
            last_ends_at=models.Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
            next_starts_at=models.Subquery(
                sessions.filter(ends_at__gte=timezone.now())
                .order_by("starts_at")
                .values("starts_at")[:1]
            ),
        )

    def managed_by(self, user):
        """The one rule for who runs a cohort: staff run every cohort, facilitators their own."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_staff:
            return self
        return self.filter(facilitators=user)


def original_courses():
    """Cohorts run the original course (the default language's page); its translations
    show the same cohorts (courses' `page.original`)."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class Cohort(ClusterableModel):
    """A run of one course, with its facilitators, seats and live sessions."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="cohorts",
        limit_choices_to=original_courses,
    )
    title = models.CharField(max_length=200, help_text=_("For example: Spring 2027, Midwest."))
    slug = models.SlugField(max_length=100, unique=True, help_text=_("Used in the cohort's URL."))
    description = models.TextField(**bounded(
        5000, blank=True, help_text=_("Who this cohort is for, and anything special about it.")
    ))
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_cohorts",
        # Chosen from the people in the Facilitators group, not from every user.
        limit_choices_to={"groups__name": FACILITATORS_GROUP},
        help_text=_("People in the Facilitators group (add someone to it under Settings, "
        "Groups, or Users)."),
    )
    capacity = models.PositiveIntegerField(
        default=20, help_text=_("Seats. 0 means everyone joins the waitlist.")
    )
    waitlist_enabled = models.BooleanField(
        default=True, help_text=_("When the seats are taken, people may join a waitlist.")
    )
    enrollment_opens_at = ReadableDateTimeField(
        null=True, blank=True, help_text=_("Leave blank to open as soon as the cohort is open.")
    )
    enrollment_closes_at = ReadableDateTimeField(
        null=True, blank=True, help_text=_("Leave blank to keep enrollment open.")
    )
    enrollment_mode = models.CharField(
        max_length=10, choices=EnrollmentMode.choices, default=EnrollmentMode.OPEN
    )
    time_zone = models.CharField(
        max_length=64, default="America/New_York",
        validators=[validate_time_zone],
        help_text=_("Where the sessions happen; each learner sees times in their own zone."),
    )
    status = models.CharField(
        max_length=20, choices=CohortStatus.choices, default=CohortStatus.DRAFT
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=75, validators=[MaxValueValidator(100)],
        help_text=_("Completion rule: share of sessions attended (excused sessions do not count)."),
    )
    self_paced = models.BooleanField(
        default=False, editable=False,
        help_text=_("The standing cohort of a self-paced course: learners start when they like."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancel_reason = models.TextField(**bounded(5000, blank=True, editable=False))

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["course_id", "title"]

    def __str__(self):
        return f"{self.course.title}: {self.title}" if self.course_id else self.title

    def get_absolute_url(self):
        return reverse("cohort_detail", args=[self.slug])

    @property
    def calendar_url(self):
        """Absolute URL of the cohort's .ics (emails and subscriptions need the host)."""
        return settings.SITE_URL + reverse("cohort_calendar", args=[self.slug])

    @property
    def time_zone_label(self):
        """The cohort's zone by its common name (the field keeps the IANA key)."""
        return time_zone_name(self.time_zone)

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def joinable_status(self):
        return self.status in (CohortStatus.OPEN, CohortStatus.IN_PROGRESS)

    def is_managed_by(self, user) -> bool:
        """Whether `user` runs this cohort (see CohortQuerySet.managed_by)."""
        return Cohort.objects.managed_by(user).filter(pk=self.pk).exists()

    def has_facilitator(self, user) -> bool:
        """One of this cohort's facilitators (uses prefetched facilitators when loaded)."""
        return getattr(user, "is_authenticated", False) and any(
            f.pk == user.pk for f in self.facilitators.all()
        )

    def clean(self):
        opens, closes = self.enrollment_opens_at, self.enrollment_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"enrollment_closes_at": gettext("Enrollment must close after it opens.")}
            )
        for name in ("enrollment_opens_at", "enrollment_closes_at"):
            value = getattr(self, name)
            if value and not (EARLIEST_YEAR <= value.year <= LATEST_YEAR):
                raise ValidationError(
                    {name: gettext("Choose a date between %(earliest)s and %(latest)s.")
                     % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR}}
                )

    def window_state(self, now=None):
        """'before', 'open' or 'after' the enrollment window."""
        now = now or timezone.now()
        if self.enrollment_opens_at and now < self.enrollment_opens_at:
            return "before"
        if self.enrollment_closes_at and now >= self.enrollment_closes_at:
            return "after"
        return "open"


# Self check-in opens this long before a session starts; arriving later than LATE_AFTER
# after the start counts as late (self check-in and meeting reports alike).
CHECK_IN_OPENS_BEFORE = timedelta(minutes=15)
LATE_AFTER = timedelta(minutes=10)


LONGEST_SESSION = timedelta(hours=12)
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def session_times_problem(starts_at, ends_at) -> str:
    """Why these times cannot be a session's ("" when they can): the one rule the model
    (so the admin), the facilitator workspace and the services share."""
    if starts_at is None or ends_at is None:
        return gettext("Give the start and the end.")
    if not (EARLIEST_YEAR <= starts_at.year <= LATEST_YEAR):
        return gettext("Choose a start between %(earliest)s and %(latest)s.") % {
            "earliest": EARLIEST_YEAR, "latest": LATEST_YEAR,
        }
    if ends_at <= starts_at:
        return gettext("A session must end after it starts.")
    if ends_at - starts_at > LONGEST_SESSION:
        return gettext(
            "A session lasts 12 hours at the most; add another session for another day."
        )
    return ""


class SessionQuerySet(models.QuerySet):
    def active(self):
        """Sessions that happen (or happened): cancelled ones stay, for calendars and
        history, but count for nothing."""
        return self.filter(cancelled_at__isnull=True)


class Session(models.Model):
    """One live meeting of a cohort."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    starts_at = ReadableDateTimeField()
    ends_at = ReadableDateTimeField()
    location = models.CharField(
        max_length=300, blank=True, help_text=_("Room and address, for sessions in person.")
    )
    video_url = models.URLField(_("video link"), blank=True)
    check_in_code = models.CharField(
        max_length=12, unique=True, default=new_check_in_code, editable=False
    )
    # Calendar apps update an event when its SEQUENCE grows (RFC 5545): bumped on every
    # move or cancellation, which also emails the learners (cohorts.services.sessions).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text=_("When reminders for this session were last sent out."),
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def arrival_status(self, arrived_at) -> str:
        """Present, or late when `arrived_at` is more than LATE_AFTER after the start."""
        if arrived_at is not None and arrived_at > self.starts_at + LATE_AFTER:
            return AttendanceStatus.LATE
        return AttendanceStatus.PRESENT

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def clean(self):
        if self.starts_at and self.ends_at:
            problem = session_times_problem(self.starts_at, self.ends_at)
            if problem:
                field = "ends_at" if self.ends_at <= self.starts_at else "starts_at"
                raise ValidationError({field: problem})
