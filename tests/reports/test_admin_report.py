"""The Impact page in the Wagtail admin: staff see every figure, partners only their
courses' (with small counts suppressed), nobody else anything; exports; charts."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses.permissions import organization_sync_authoring
from tests.conftest import UserFactory, make_course

from .conftest import NOW

pytestmark = pytest.mark.django_db

YEAR = "start=2026-01-01&end=2026-12-31"


@pytest.fixture
def partner_author(academy_year):
    group = organization_sync_authoring(organization=academy_year.partner)
    author = UserFactory(email="author@partner.example.org", organization=academy_year.partner,
                         mfa=True)
    author.groups.add(group)
    return author


@pytest.fixture
def other_course(academy_year, catalog):
    """A course the partner does not co-author, with five completions of its own."""
    from cohorts.models import Cohort

    from .conftest import at, enroll

    course = make_course(catalog, "Secret Course")
    cohort = Cohort.objects.create(course=course, slug="secret", title="S", status="finished")
    for _ in range(7):
        enroll(cohort, UserFactory(state="OR"), "completed", changed=at(2026, 6, 1))
    return course


def page(client, user, query=YEAR):
    client.force_login(user)
    return client.get(reverse("impact_report") + "?" + query)


def test_staff_see_the_report_with_every_chart_and_table(client, staff, academy_year):
    response = page(client, staff)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Impact report 2026" in html
    assert re.search(r"<dt>Officials trained</dt><dd>2</dd>", html)
    assert re.search(r"<dt>Hours of instruction</dt><dd>12.0</dd>", html)
    # Three SVG charts, each with a title, a description and a table beside it.
    assert html.count("<svg class=\"impact-chart") == 3
    for chart in ("chart-map", "chart-jurisdictions", "chart-months"):
        assert f'aria-labelledby="{chart}-title"' in html
        assert f'<title id="{chart}-title">' in html and f'<desc id="{chart}-desc">' in html
    for caption in ("Officials trained by state or territory", "Courses",
                    "Officials trained by jurisdiction type", "Completions per month"):
        assert f">{caption}</caption>" in html
    # Every tile is a labelled link to the state's breakdown.
    assert 'aria-label="Illinois: 2 officials trained"' in html
    assert "state=IL" in html
    assert "<script" not in html.split('class="impact"')[1].split("</main>")[0]
    assert ' style="' not in html.split('class="impact"')[1].split("</main>")[0]
    # Staff see small counts as they are.
    assert "<td>fewer than 5</td>" not in html and "<dd>fewer than 5</dd>" not in html


def test_the_menu_shows_impact_to_staff(client, staff, academy_year):
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("impact_report") in html


def test_a_state_tile_opens_that_states_breakdown(client, staff, academy_year):
    html = page(client, staff, YEAR + "&state=WI").content.decode()
    assert "Impact report 2026: Wisconsin" in html
    assert re.search(r"<dt>Officials trained</dt><dd>0</dd>", html)
    assert re.search(r"<dt>Officials enrolled</dt><dd>1</dd>", html)


def test_query_count_does_not_grow_with_the_data(client, staff, academy_year,
                                                 django_assert_max_num_queries):
    client.force_login(staff)
    url = reverse("impact_report") + "?" + YEAR
    client.get(url)
    # Six report queries, the form's course and organisation choices, the PDFs, and the
    # admin's own (session, user, menu): no query per state, course or row (N+1).
    with django_assert_max_num_queries(22) as first:
        client.get(url)
    from cohorts.models import Cohort

    from .conftest import at, enroll
    for i in range(5):
        cohort = Cohort.objects.create(course=academy_year.budgets, slug=f"c{i}", title=f"C{i}",
                                       status="finished")
        for _ in range(3):
            enroll(cohort, UserFactory(state="NY"), "completed", changed=at(2026, 7, 1))
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)


def test_bad_dates_are_a_form_message_not_a_500(client, staff, academy_year):
    response = page(client, staff, "start=2026-05-01&end=2026-01-01")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end of the range must be on or after its start." in html
    assert page(client, staff, "start=yesterday&course=abc").status_code == 200


def test_officials_and_anonymous_people_cannot_open_it(client, official, academy_year):
    url = reverse("impact_report")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(official)
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("impact_export", args=["courses"])).status_code in (302, 403)


def test_partner_sees_only_their_courses_with_small_counts_suppressed(
    client, partner_author, other_course
):
    response = page(client, partner_author)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Budgets" in html and "Secret Course" not in html and "Ethics" not in html
    assert "fewer than 5" in html  # 2 officials trained in Budgets
    assert re.search(r"<dt>Officials trained</dt><dd>fewer than 5</dd>", html)
    assert "Oregon: 0 officials trained" in html  # the other course's 7 are not counted
    assert 'name="organization"' not in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("impact_report") in menu


def test_partner_cannot_reach_other_courses_by_url_tampering(
    client, partner_author, other_course, academy_year
):
    client.force_login(partner_author)
    secret = f"{YEAR}&course={other_course.pk}"
    html = client.get(reverse("impact_report") + "?" + secret).content.decode()
    assert "Secret Course" not in html
    assert "Select a valid choice" in html
    assert "Oregon: 0 officials trained" in html
    export = client.get(reverse("impact_export", args=["courses"]) + "?" + secret + "&export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "Secret Course" not in body
    org = f"{YEAR}&organization={other_course.pk}"  # a field partners do not have
    html = client.get(reverse("impact_report") + "?" + org).content.decode()
    assert "Secret Course" not in html


def test_partner_of_no_course_sees_nothing(client, academy_year, other_course):
    from tests.conftest import OrganizationFactory

    lonely = OrganizationFactory(name="Lonely", slug="lonely")
    author = UserFactory(organization=lonely, mfa=True)
    author.groups.add(organization_sync_authoring(organization=lonely))
    html = page(client, author).content.decode()
    assert re.search(r"<dt>Course completions</dt><dd>0</dd>", html)
    assert "Budgets" not in html and "Secret Course" not in html


def test_csv_and_xlsx_exports_of_every_table(client, staff, academy_year):
    client.force_login(staff)
    for table in ("headline", "states", "jurisdictions", "courses", "months"):
        url = reverse("impact_export", args=[table]) + "?" + YEAR
        response = client.get(url + "&export=csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert len(rows) > 1
        xlsx = client.get(url + "&export=xlsx")
        assert xlsx["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml")
        sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
        assert [c.value for c in sheet[1]] == rows[0]
        assert sheet.max_row == len(rows)
    courses = client.get(reverse("impact_export", args=["courses"]) + "?" + YEAR + "&export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(courses.streaming_content).decode())))
    assert rows[0] == ["Course", "Cohorts", "Officials enrolled", "Completions",
                       "Completion rate", "Hours of instruction", "Average attendance"]
    assert rows[1] == ["Budgets", "1", "4", "2", "66.7%", "6.0", "57.1%"]
    states = client.get(reverse("impact_export", args=["states"]) + "?" + YEAR + "&export=csv")
    text = b"".join(states.streaming_content).decode()
    assert "Illinois,IL,2,3" in text
    # No export shows an official's name.
    for user in academy_year.users:
        assert user.last_name not in text
    assert client.get(reverse("impact_export", args=["people"])).status_code == 404


def test_partner_exports_suppress_small_counts(client, partner_author):
    client.force_login(partner_author)
    response = client.get(reverse("impact_export", args=["states"]) + "?" + YEAR
                          + "&export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Illinois,IL,fewer than 5,fewer than 5" in text


def test_now_is_fixed_for_the_fixture():
    assert NOW.year == 2026


def test_exports_never_run_a_formula(client, staff, academy_year):
    academy_year.budgets.title = "=HYPERLINK(\"http://evil\")"
    academy_year.budgets.save()
    client.force_login(staff)
    url = reverse("impact_export", args=["courses"]) + "?" + YEAR
    text = b"".join(client.get(url + "&export=csv").streaming_content).decode()
    assert "'=HYPERLINK" in text
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url + "&export=xlsx")
                                              .streaming_content))).active
    assert all(not str(c.value).startswith("=") for row in sheet.iter_rows() for c in row)
