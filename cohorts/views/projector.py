"""The projector view of a session's check-in: what a room reads from its back row (a
large QR code, the code, the address, how many have checked in), with none of the site
around it. Its count refreshes in place (htmx, a static script); without JavaScript the
page refreshes itself every 30 seconds."""

from django.views.generic import TemplateView

from ..models import ATTENDED_STATUSES, SEAT_STATUSES, Attendance, Enrollment
from ..qr import check_in_url, qr_svg
from .facilitate import SessionMixin


class ProjectorCountView(SessionMixin, TemplateView):
    """How many of the seated learners have checked in (polled by the projector view)."""

    template_name = "cohorts/includes/projector_count.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            checked_in=Attendance.objects.filter(
                session=self.session, status__in=ATTENDED_STATUSES
            ).count(),
            seated=Enrollment.objects.filter(
                cohort=self.cohort, status__in=SEAT_STATUSES
            ).count(),
            **kwargs,
        )


class ProjectorView(ProjectorCountView):
    template_name = "cohorts/facilitate_projector.html"

    def get_context_data(self, **kwargs):
        url = check_in_url(self.session)
        return super().get_context_data(
            qr=qr_svg(self.session, omitsize=True),
            check_in_address=url.split("://", 1)[-1],
            **kwargs,
        )
