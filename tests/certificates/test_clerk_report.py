"""The clerk's export: per body or per state, who has met each requirement and who is
short, as CSV and PDF, for staff and facilitators; queries constant for 2,000 officials."""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import Body, BodyMembership, User
from cohorts.models import Enrollment
from tests.certificates.test_requirements_page import complete, serve
from tests.cohorts.conftest import make_cohort


def officials(count, body, *, prefix):
    users = User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.org", first_name="Official", last_name=f"{i:05d}",
             password="!")
        for i in range(count)
    )
    oath = timezone.localdate() - timedelta(days=30)
    BodyMembership.objects.bulk_create(
        BodyMembership(user=u, body=body, oath_date=oath) for u in users
    )
    return users


def csv_rows(response):
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))


def test_staff_export_a_body_who_met_and_who_is_short(client, staff, official, course):
    course.counts_toward = ["tx-open-meetings"]
    course.save_revision().publish()
    serve(official, "Austin City Council", "city", "TX", oath_days_ago=30)
    other = officials(1, Body.objects.get(), prefix="short")[0]
    complete(official, course, days_ago=2)
    client.force_login(staff)
    body = Body.objects.get()
    page = client.get(reverse("clerk_report"), {"body": body.pk}).content.decode()
    assert "1 met · 1 short" in page
    rows = csv_rows(client.get(reverse("clerk_report_csv"), {"body": body.pk}))
    assert {(r["Email"], r["Status"]) for r in rows} == {
        (official.email, "Met"), (other.email, "Due soon")}
    assert rows[0]["Source"].startswith("Tex. Gov't Code §551.005")
    pdf = client.get(reverse("clerk_report_pdf"), {"state": "TX"})
    assert pdf.content.startswith(b"%PDF")


def test_a_facilitator_sees_only_their_cohorts_learners(client, official, user_factory, course):
    facilitator = user_factory()
    cohort = make_cohort(course, facilitators=[facilitator])
    serve(official, "Austin City Council", "city", "TX", oath_days_ago=30)
    stranger = user_factory()
    serve(stranger, "Austin City Council", "city", "TX", oath_days_ago=30)
    Enrollment.objects.create(cohort=cohort, user=official, status="enrolled")
    client.force_login(facilitator)
    rows = csv_rows(client.get(reverse("clerk_report_csv"), {"state": "TX"}))
    assert [r["Email"] for r in rows] == [official.email]


def test_learners_cannot_open_the_report(client, official):
    client.force_login(official)
    assert client.get(reverse("clerk_report")).status_code == 404


def test_a_choice_is_needed(client, staff):
    client.force_login(staff)
    html = client.get(reverse("clerk_report"), {"state": ""}).content.decode()
    assert "Choose a state or a body." in html


def _queries(client, params):
    client.get(reverse("clerk_report_csv"), params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("clerk_report_csv"), params)
        rows = csv_rows(response)
    return len(queries), rows


def test_the_export_queries_do_not_grow_with_2000_officials(client, staff):
    body = Body.objects.create(name="Harris County Commissioners Court", body_type="county",
                               state="TX", seats=5)
    officials(20, body, prefix="few")
    client.force_login(staff)
    few, rows = _queries(client, {"state": "TX"})
    assert len(rows) == 20
    officials(1980, body, prefix="many")
    many, rows = _queries(client, {"state": "TX"})
    # terms, completed courses, attendance sums, tagged courses: never per official
    print(f"clerk CSV: {few} queries for 20 officials, {many} for 2,000")
    assert many == few
    assert len(rows) == 2000
