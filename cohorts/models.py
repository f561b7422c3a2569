"""Cohorts (runs of a course), their live sessions, enrollments and their history.

The rules (capacity, waitlist, approval) live in cohorts/services.py; models hold
fields, constraints and cheap properties. Attendance arrives with issue 4: Session and
Enrollment are the two ends it will join (Attendance(session, enrollment) unique).
"""

import secrets
import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from academy.models import TIME_ZONE_CHOICES, validate_time_zone

CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a room


def new_check_in_code():
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(6))


def new_calendar_token():
    return secrets.token_urlsafe(24)


class CohortStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    FINISHED = "finished", "Finished"
    CANCELLED = "cancelled", "Cancelled"


class EnrollmentMode(models.TextChoices):
    OPEN = "open", "Open: first come, first served"
    APPROVAL = "approval", "Approval: a facilitator approves each applicant"


class CohortQuerySet(models.QuerySet):
    def visible(self):
        """Cohorts the public may see (drafts stay with staff and facilitators)."""
        return self.exclude(status=CohortStatus.DRAFT)

    def upcoming(self):
        """Cohorts a course page advertises: open or running."""
        return self.filter(status__in=[CohortStatus.OPEN, CohortStatus.IN_PROGRESS])

    def with_seats(self):
        """Annotate `seats_taken` (enrolled + completed) in the same query."""
        return self.annotate(
            seats_taken=models.Count(
                "enrollments", filter=Q(enrollments__status__in=SEAT_STATUSES), distinct=True
            )
        )

    def with_dates(self):
        """Annotate `first_starts_at`, `last_ends_at` and `next_starts_at` (subqueries)."""
        sessions = Session.objects.filter(cohort=models.OuterRef("pk")).order_by()
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

    def facilitated_by(self, user):
        if user.is_staff:
            return self
        return self.filter(facilitators=user)


class Cohort(ClusterableModel):
    """A run of one course, with its facilitators, seats and live sessions."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="cohorts"
    )
    title = models.CharField(max_length=200, help_text="For example: Spring 2027, Midwest.")
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the cohort's URL.")
    description = models.TextField(
        blank=True, help_text="Who this cohort is for, and anything special about it."
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_cohorts"
    )
    capacity = models.PositiveIntegerField(
        default=20, help_text="Seats. 0 means everyone joins the waitlist."
    )
    waitlist_enabled = models.BooleanField(
        default=True, help_text="When the seats are taken, people may join a waitlist."
    )
    enrollment_opens_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave blank to open as soon as the cohort is open."
    )
    enrollment_closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave blank to keep enrollment open."
    )
    enrollment_mode = models.CharField(
        max_length=10, choices=EnrollmentMode.choices, default=EnrollmentMode.OPEN
    )
    time_zone = models.CharField(
        max_length=64, choices=TIME_ZONE_CHOICES, default="America/New_York",
        validators=[validate_time_zone],
        help_text="Where the sessions happen; each learner sees times in their own zone.",
    )
    status = models.CharField(
        max_length=20, choices=CohortStatus.choices, default=CohortStatus.DRAFT
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        "minimum attendance (%)", default=75, validators=[MaxValueValidator(100)],
        help_text="Completion rule: share of sessions attended (excused sessions do not count).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

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
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def joinable_status(self):
        return self.status in (CohortStatus.OPEN, CohortStatus.IN_PROGRESS)

    def window_state(self, now=None):
        """'before', 'open' or 'after' the enrollment window."""
        now = now or timezone.now()
        if self.enrollment_opens_at and now < self.enrollment_opens_at:
            return "before"
        if self.enrollment_closes_at and now >= self.enrollment_closes_at:
            return "after"
        return "open"


class Session(models.Model):
    """One live meeting of a cohort."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(
        max_length=300, blank=True, help_text="Room and address, for sessions in person."
    )
    video_url = models.URLField("video link", blank=True)
    check_in_code = models.CharField(
        max_length=12, unique=True, default=new_check_in_code, editable=False
    )
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When reminders for this session were last sent out.",
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "A session must end after it starts."})


class EnrollmentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting approval"
    ENROLLED = "enrolled", "Enrolled"
    WAITLISTED = "waitlisted", "On the waitlist"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    COMPLETED = "completed", "Completed"


# Statuses that hold a seat, and statuses that still claim a place in the cohort.
SEAT_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)
ACTIVE_STATUSES = (
    EnrollmentStatus.PENDING,
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.COMPLETED,
)


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def seated(self):
        return self.filter(status__in=SEAT_STATUSES)

    def waitlist(self):
        """The waitlist, first come first served."""
        return self.filter(status=EnrollmentStatus.WAITLISTED).order_by("waitlisted_at", "pk")

    def with_waitlist_position(self):
        """Annotate `waitlist_position` (1-based) for waitlisted rows; one subquery."""
        ahead = (
            Enrollment.objects.filter(
                cohort=models.OuterRef("cohort"), status=EnrollmentStatus.WAITLISTED
            )
            .filter(
                Q(waitlisted_at__lt=models.OuterRef("waitlisted_at"))
                | Q(waitlisted_at=models.OuterRef("waitlisted_at"), pk__lt=models.OuterRef("pk"))
            )
            .order_by()
            .values("cohort")
            .annotate(n=models.Count("pk"))
            .values("n")[:1]
        )
        return self.annotate(
            waitlist_ahead=Coalesce(
                models.Subquery(ahead, output_field=models.IntegerField()), 0
            )
        )


class Enrollment(models.Model):
    """A person's place in a cohort. One row per (cohort, user), reused on re-enrollment."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrollments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(max_length=20, choices=EnrollmentStatus.choices)
    hopes = models.TextField("what you hope to learn", blank=True)
    accessibility_needs = models.TextField(blank=True)
    share_name = models.BooleanField(
        "share my name with the cohort", default=False,
        help_text="Other participants may see your name and jurisdiction.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    waitlisted_at = models.DateTimeField(
        null=True, blank=True, help_text="Waitlist order: first come, first served."
    )
    decision_message = models.TextField(
        blank=True, help_text="The facilitator's message with the last decision."
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort_id", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="unique_enrollment")
        ]
        indexes = [models.Index(fields=["cohort", "status", "waitlisted_at"])]

    def __str__(self):
        return f"{self.user} in {self.cohort_id} ({self.status})"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def can_withdraw(self):
        return self.status in (
            EnrollmentStatus.PENDING, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED
        )

    @property
    def waitlist_position(self):
        """1-based; needs `with_waitlist_position()` or costs one query."""
        if self.status != EnrollmentStatus.WAITLISTED:
            return None
        ahead = getattr(self, "waitlist_ahead", None)
        if ahead is None:
            ahead = (
                Enrollment.objects.waitlist()
                .filter(cohort_id=self.cohort_id)
                .filter(
                    Q(waitlisted_at__lt=self.waitlisted_at)
                    | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
                )
                .count()
            )
        return ahead + 1


class EnrollmentEvent(models.Model):
    """One change of an enrollment's status: who, from, to, when, why.

    `kind` names the email it triggers (emails/enrollment_<kind>.txt); `notified_at`
    is claimed by the email task so each event is mailed at most once.
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=20, choices=EnrollmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=EnrollmentStatus.choices)
    kind = models.CharField(max_length=20, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status or 'new'} -> {self.to_status}"


class SessionReminder(models.Model):
    """The reminder of one session to one enrolled person; `sent_at` is claimed atomically."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reminders")
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="session_reminders"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="unique_session_reminder"
            )
        ]


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
        return settings.SITE_URL + reverse("my_calendar", args=[self.token])


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    LATE = "late", "Late"
    EXCUSED = "excused", "Excused"
    ABSENT = "absent", "Absent"


ATTENDED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AttendanceSource(models.TextChoices):
    FACILITATOR = "facilitator", "Marked by a facilitator"
    SELF_CHECK_IN = "self_check_in", "Self check-in"
    IMPORT = "import", "Imported from a meeting report"


class Attendance(models.Model):
    """Whether one enrolled person came to one session; marking again updates this row."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(
        max_length=20, choices=AttendanceSource.choices, default=AttendanceSource.FACILITATOR
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["session_id", "enrollment_id"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="unique_attendance"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} at {self.session_id}: {self.status}"

    @property
    def attended(self):
        return self.status in ATTENDED_STATUSES
