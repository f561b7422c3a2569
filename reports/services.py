"""Who may see which impact report, and the annual PDF: requested with one click, rendered
by a background task, stored privately and emailed to the requester through the outbox."""

import logging
from dataclasses import replace

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from academy.background import enqueue_long
from academy.i18n import language_of, supported
from academy.outbox import outbox_enqueue

from .labels import short_date
from .models import ImpactReportPDF, ReportStatus
from .selectors import ImpactFilters, impact_report, partner_course_ids

log = logging.getLogger(__name__)

RENDER_TASK = "reports.impact_pdf_render"


class ImpactReportError(Exception):
    """A rule was broken; the message is for people."""


def impact_scope(user) -> tuple[int, ...] | None:
    """The one rule for who sees the impact report: staff see every course (None), a
    partner author the courses their organisation co-authors; anyone else nothing."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionDenied
    if user.is_staff:
        return None
    if user.is_partner_author:
        return partner_course_ids(user)
    raise PermissionDenied


def suppresses_small_counts(user) -> bool:
    """Partners (and the public) see counts under 5 as "fewer than 5"; staff see them."""
    return not user.is_staff


def report_title(filters: ImpactFilters) -> str:
    """The report's title in the active language ("Impact report 2026")."""
    if (filters.start.month, filters.start.day, filters.end.month, filters.end.day) == (
        1, 1, 12, 31
    ) and filters.start.year == filters.end.year:
        return _("Impact report %(year)s") % {"year": filters.start.year}
    return _("Impact report %(start)s to %(end)s") % {
        "start": short_date(filters.start), "end": short_date(filters.end),
    }


# The title evaluated late: an email's subject in its recipient's language (academy.outbox).
report_title_lazy = lazy(report_title, str)


def report_language(report: ImpactReportPDF) -> str:
    """The language the PDF is written in: the one its requester used to ask for it
    (their admin language), else their preferred language."""
    return supported(report.filters.get("language")) or language_of(report.requested_by)


def impact_pdf_request(*, actor, filters: ImpactFilters) -> ImpactReportPDF:
    """Record the request and queue the render. The scope is the actor's own, whatever
    the filters say (a partner never gets another course's numbers)."""
    scope = impact_scope(actor)
    filters = replace(filters, scope_course_ids=scope)
    with transaction.atomic():
        report = ImpactReportPDF.objects.create(
            requested_by=actor, filters={**filters.to_json(), "language": get_language()},
            title=report_title(filters),
        )
        enqueue_long(RENDER_TASK, report.pk)
    return report


def impact_pdf_name(report: ImpactReportPDF) -> str:
    return f"reports/impact-{report.token}.pdf"


def impact_pdf_render(*, report_id: int, render) -> bool:
    """Build the report from the stored filters, render it with `render(context) -> bytes`,
    store the file, then (one transaction) mark it ready and queue the email with the PDF
    attached. Safe to run twice: the file name is fixed and a ready report is left alone."""
    report = ImpactReportPDF.objects.select_related("requested_by").filter(pk=report_id).first()
    if report is None or report.status == ReportStatus.DONE:
        return False
    user = report.requested_by
    try:  # the requester's scope as it is now (a partner may have lost a course since)
        scope = impact_scope(user)
    except PermissionDenied:
        impact_pdf_failed(report_id=report_id, error="The requester may no longer see it.")
        return False
    filters = replace(ImpactFilters.from_json(report.filters), scope_course_ids=scope)
    with translation.override(report_language(report)):
        title = report_title(filters)
        pdf = render(
            {
                "report": impact_report(filters),
                "title": title,
                "suppress": suppresses_small_counts(user),
                "generated_at": timezone.now(),
                "user": user,
            }
        )
    name = impact_pdf_name(report)
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(pdf))
    with transaction.atomic():
        report = ImpactReportPDF.objects.select_for_update().get(pk=report_id)
        report.pdf = stored
        report.status = ReportStatus.DONE
        report.rendered_at = timezone.now()
        report.error = ""
        report.save(update_fields=["pdf", "status", "rendered_at", "error"])
        outbox_enqueue(
            to_user=user, kind="reports.impact_pdf", subject=report_title_lazy(filters),
            template="impact_report_ready", context={"report": report},
            attachments=[{"name": stored, "filename": f"{title}.pdf",
                          "mimetype": "application/pdf"}],
        )
    return True


def impact_pdf_failed(*, report_id: int, error: str) -> None:
    ImpactReportPDF.objects.filter(pk=report_id).exclude(status=ReportStatus.DONE).update(
        status=ReportStatus.FAILED, error=error[:2000]
    )
