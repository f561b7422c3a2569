"""The annual impact report PDF: one click queues it, a task renders it (real WeasyPrint),
the requester gets it by email and downloads it from the page; nobody else can."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from academy.models import OutboxEmail
from reports.models import ImpactReportPDF
from reports.tasks import impact_pdf_render_task
from tests.conftest import UserFactory

pytestmark = pytest.mark.django_db

YEAR = "start=2026-01-01&end=2026-12-31"


def request_pdf(client, user, capture, query=YEAR):
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("impact_pdf_request") + "?" + query)
    assert response.status_code == 302
    return ImpactReportPDF.objects.filter(requested_by=user).latest("pk")


def test_one_click_renders_emails_and_offers_the_pdf(
    client, staff, academy_year, django_capture_on_commit_callbacks
):
    report = request_pdf(client, staff, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.status == "done", report.error
    assert report.title == "Impact report 2026"

    email = OutboxEmail.objects.get(kind="reports.impact_pdf")
    assert email.to == staff.email
    assert email.attachments[0]["mimetype"] == "application/pdf"
    assert "Impact report 2026" in email.subject

    response = client.get(reverse("impact_pdf_download", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert len(pdf.pages) >= 3  # cover, map, charts, courses
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Impact report 2026" in text
    assert "Officials trained by state or territory" in text
    assert "Budgets" in text
    for user in academy_year.users:  # no official's name anywhere
        assert user.last_name not in text

    page = client.get(reverse("impact_report") + "?" + YEAR).content.decode()
    assert reverse("impact_pdf_download", args=[report.pk]) in page
    assert 'http-equiv="refresh"' not in page  # nothing pending: no refresh


def test_a_pending_pdf_shows_progress_and_refreshes_the_page(client, staff, academy_year):
    client.force_login(staff)
    client.post(reverse("impact_pdf_request") + "?" + YEAR)  # no commit: stays pending
    html = client.get(reverse("impact_report") + "?" + YEAR).content.decode()
    assert "being prepared" in html and "<progress" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    # A render lost for good (its worker died) stops the refreshing and says so.
    from datetime import timedelta

    from django.utils import timezone
    ImpactReportPDF.objects.update(requested_at=timezone.now() - timedelta(minutes=11))
    html = client.get(reverse("impact_report") + "?" + YEAR).content.decode()
    assert 'http-equiv="refresh"' not in html
    assert "Please prepare it again" in html


def test_only_the_requester_downloads_it(client, staff, academy_year,
                                         django_capture_on_commit_callbacks):
    report = request_pdf(client, staff, django_capture_on_commit_callbacks)
    url = reverse("impact_pdf_download", args=[report.pk])
    other_staff = UserFactory(is_staff=True, is_superuser=True, mfa=True)
    client.force_login(other_staff)
    refused = client.get(url)  # Wagtail turns the refusal into a redirect with a message
    assert refused.status_code in (302, 403) and refused["Content-Type"] != "application/pdf"
    official = UserFactory()
    client.force_login(official)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get(url).status_code == 302


def test_partner_pdf_is_limited_to_their_courses_and_suppressed(
    client, academy_year, django_capture_on_commit_callbacks
):
    from courses.permissions import organization_sync_authoring

    author = UserFactory(organization=academy_year.partner, mfa=True)
    author.groups.add(organization_sync_authoring(organization=academy_year.partner))
    report = request_pdf(client, author, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.status == "done", report.error
    assert report.filters["scope_course_ids"] == [academy_year.budgets.pk]
    response = client.get(reverse("impact_pdf_download", args=[report.pk]))
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
    )
    assert "Budgets" in text and "Ethics" not in text
    assert "fewer than 5" in text


def test_the_task_is_safe_to_run_twice(client, staff, academy_year,
                                       django_capture_on_commit_callbacks):
    report = request_pdf(client, staff, django_capture_on_commit_callbacks)
    assert impact_pdf_render_task.apply(args=[report.pk]).get() is False
    assert impact_pdf_render_task.apply(args=[999999]).get() is False
    assert OutboxEmail.objects.filter(kind="reports.impact_pdf").count() == 1


def test_bad_filters_queue_nothing(client, staff, academy_year):
    client.force_login(staff)
    response = client.post(reverse("impact_pdf_request") + "?start=2026-05-01&end=2026-01-01")
    assert response.status_code == 302
    assert not ImpactReportPDF.objects.exists()


def test_a_requester_who_lost_access_gets_no_pdf(client, academy_year):
    from courses.permissions import organization_sync_authoring

    author = UserFactory(organization=academy_year.partner, mfa=True)
    author.groups.add(organization_sync_authoring(organization=academy_year.partner))
    client.force_login(author)
    client.post(reverse("impact_pdf_request") + "?" + YEAR)  # not committed: still pending
    report = ImpactReportPDF.objects.get(requested_by=author)
    author.organization = None  # no longer a partner author
    author.save()
    assert impact_pdf_render_task.apply(args=[report.pk]).get() is False
    report.refresh_from_db()
    assert report.status == "failed" and not report.pdf
    assert not OutboxEmail.objects.filter(kind="reports.impact_pdf").exists()
