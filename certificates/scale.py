"""Scale data, certificates: one per completed enrollment of the scale cohorts (called
by `manage.py seed_scale`, after cohorts.scale).

Rows only, with the snapshot the issue service would take (recipient, course, cohort,
dates, hours, partners). No PDF is rendered: render_status stays "pending" with no
render_requested_at, which the sweeper (certificates_needing_render) never picks up;
pages show such a certificate as "being prepared" / "Waiting to render", and the PDF
link answers "not ready". emailed_at is set so no issue email goes to these fictional
people, whatever a worker later does.
"""

from datetime import datetime, time, timedelta

from django.db.models import Max, Min
from django.utils import timezone

from academy.scale import ScaleSizes, Timer
from cohorts.models import Cohort, Enrollment, EnrollmentStatus, Session
from cohorts.scale import scale_cohorts

from .models import Certificate, RenderStatus


def seed(log, sizes: ScaleSizes):
    cohorts = scale_cohorts()
    dates = {
        row["cohort_id"]: row
        for row in Session.objects.filter(cohort__in=cohorts).order_by()
        .values("cohort_id").annotate(first=Min("starts_at"), last=Max("ends_at"))
    }
    issuer = {}
    for cohort_id, user_id in (
        Cohort.facilitators.through.objects.filter(cohort__in=cohorts)
        .order_by("cohort_id", "pk").values_list("cohort_id", "user_id")
    ):
        issuer.setdefault(cohort_id, user_id)
    partners = {}
    enrollments = list(
        Enrollment.objects.filter(cohort__in=cohorts, status=EnrollmentStatus.COMPLETED,
                                  certificate__isnull=True)
        .select_related("user", "cohort__course").order_by("pk")
    )
    with Timer(log, "certificates") as t:
        rows = []
        for e in enrollments:
            cohort, course = e.cohort, e.cohort.course
            if course.pk not in partners:
                partners[course.pk] = [o.name for o in course.co_authors.all()]
            span = dates.get(cohort.pk)
            start = timezone.localtime(span["first"], cohort.tzinfo).date() if span else None
            end = timezone.localtime(span["last"], cohort.tzinfo).date() if span else None
            issued_on = (end + timedelta(days=1)) if end else timezone.localdate()
            issued_at = datetime.combine(issued_on, time(12, 0), tzinfo=cohort.tzinfo)
            rows.append(Certificate(
                enrollment=e, recipient_name=e.user.printed_name, course_title=course.title,
                cohort_title=cohort.title, start_date=start, end_date=end,
                hours=course.estimated_hours, partner_names=partners[course.pk],
                issued_on=issued_on, issued_by_id=issuer.get(cohort.pk),
                render_status=RenderStatus.PENDING, render_requested_at=None,
                emailed_at=issued_at,
            ))
        Certificate.objects.bulk_create(rows, batch_size=sizes.batch_size)
        t.rows = len(rows)


def summary():
    return [("certificates", Certificate.objects.filter(
        enrollment__cohort__in=scale_cohorts()).count())]


def reset(log):
    with Timer(log, "certificates removed") as t:
        t.rows = Certificate.objects.filter(enrollment__cohort__in=scale_cohorts()).delete()[0]
