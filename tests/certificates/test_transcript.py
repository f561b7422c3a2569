"""/me/transcript/: completed courses with dates, hours, topics, provider, certificate;
PDF and CSV downloads; a shareable link."""

import csv
import io
from datetime import datetime
from decimal import Decimal

from django.urls import reverse

from certificates.models import TranscriptLink
from certificates.services import certificate_issue
from tests.certificates.test_requirements_page import complete


def test_the_transcript_lists_completed_courses(client, official, course, staff):
    course.training_topics = ["ethics"]
    course.save_revision().publish()
    enrollment = complete(official, course, days_ago=3, sessions=2)
    certificate = certificate_issue(enrollment=enrollment, actor=staff)
    client.force_login(official)
    html = client.get(reverse("transcript")).content.decode()
    assert "Budgets as moral documents" in html
    assert "3.0" in html and "6.0" in html  # attended, credit hours
    assert "Ethics, conflicts of interest and standards of conduct" in html
    assert "Progressive Governance Academy" in html
    assert reverse("certificate_verify", args=[certificate.code]) in html


def test_the_csv_has_a_bom_and_iso_times_with_offset(client, official, course):
    complete(official, course, days_ago=3, sessions=2)
    client.force_login(official)
    response = client.get(reverse("transcript_csv"))
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0]["Course"] == "Budgets as moral documents"
    assert Decimal(rows[0]["Hours attended"]) == Decimal("3.0")
    completed_at = datetime.fromisoformat(rows[0]["Completed at"])
    assert completed_at.utcoffset() is not None


def test_the_pdf_downloads(client, official, course):
    complete(official, course, days_ago=3)
    client.force_login(official)
    response = client.get(reverse("transcript_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_share_link_shows_the_transcript_and_can_be_reset(client, official, course):
    complete(official, course, days_ago=3)
    client.force_login(official)
    client.get(reverse("transcript"))
    token = TranscriptLink.objects.get(user=official).token
    client.logout()
    shared = client.get(reverse("transcript_shared", args=[token]))
    assert shared.status_code == 200
    html = shared.content.decode()
    assert "Budgets as moral documents" in html and official.email not in html
    client.force_login(official)
    client.post(reverse("transcript_link_reset"))
    client.logout()
    assert client.get(reverse("transcript_shared", args=[token])).status_code == 404


def test_the_transcript_needs_a_login(client, db):
    assert client.get(reverse("transcript")).status_code == 302


def test_the_transcript_queries_do_not_grow_with_courses(client, official, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    complete(official, course, days_ago=3)
    client.force_login(official)
    client.get(reverse("transcript"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("transcript"))
    for index in range(12):
        complete(official, course, days_ago=10 + index, slug=f"run-{index}")
    with CaptureQueriesContext(connection) as thirteen:
        html = client.get(reverse("transcript")).content.decode()
    # enrollments with dates and certificates, attendance sums, co-authors: never per row
    assert len(thirteen) == len(one)
    assert html.count("Budgets as moral documents") == 13
