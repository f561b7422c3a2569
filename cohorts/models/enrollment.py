"""A person's place in a cohort, and the history of its status."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy.inputs import bounded

from .choices import ACTIVE_STATUSES, SEAT_STATUSES, EnrollmentStatus


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

    # Rows made by the thousand (issuing, sending, enrolling) that reference no page,
    # image or document: Wagtail's reference index ("usage") has nothing to gain
    # from them, and indexing each save cost a certificate render ~10 ms.
    wagtail_reference_index_ignore = True

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="enrollments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(max_length=20, choices=EnrollmentStatus.choices)
    hopes = models.TextField(_("what you hope to learn"), **bounded(2000, blank=True))
    accessibility_needs = models.TextField(**bounded(2000, blank=True))
    share_name = models.BooleanField(
        _("share my name with the cohort"), default=False,
        help_text=_("Other participants may see your name and jurisdiction."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    waitlisted_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Waitlist order: first come, first served.")
    )
    decision_message = models.TextField(**bounded(
        2000, blank=True, help_text=_("The facilitator's message with the last decision.")
    ))

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

    `kind` names the email it sends (emails/enrollment_<kind>.txt), written to the outbox in
    the same transaction (academy.outbox).
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=20, choices=EnrollmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=EnrollmentStatus.choices)
    kind = models.CharField(max_length=20, blank=True)
    # The decision's message, or a cancelled cohort's reason (CohortEvent.message).
    message = models.TextField(**bounded(5000, blank=True))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status or 'new'} -> {self.to_status}"
