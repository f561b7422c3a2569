"""Journey 2, a facilitator, in a real browser: approve one applicant and decline
another, promote from the waitlist, take attendance (with JavaScript each mark saves in
place; without it the plain form works), see the grid update, export the roster CSV,
issue certificates for the cohort and watch the progress bar finish."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cohorts.models import Attendance, Cohort, Enrollment, Session
from courses.models import ModuleCompletion
from tests.conftest import PASSWORD, UserFactory, make_course, make_module

from .conftest import assert_accessible, login


@pytest.fixture
def workspace(site_tree):
    _, catalog = site_tree
    course = make_course(catalog, "Worker power in local government")
    module = make_module(course, "Labor standards enforcement")
    facilitator = UserFactory(email="fac@example.org", first_name="Dana", last_name="Lee")
    cohort = Cohort.objects.create(
        course=course, slug="labor-fall", title="Fall cohort", status="in_progress",
        enrollment_mode="approval", capacity=3, time_zone="America/New_York",
        min_attendance_percent=50,
    )
    cohort.facilitators.set([facilitator])
    now = timezone.now()
    sessions = [
        Session.objects.create(cohort=cohort, title=f"Session {i + 1}",
                               starts_at=now - timedelta(days=14 - 7 * i),
                               ends_at=now - timedelta(days=14 - 7 * i) + timedelta(hours=1),
                               check_in_code=f"LABOR{i}")
        for i in range(2)
    ]
    people = {}
    for key, first, status in [("ana", "Ana", "enrolled"), ("ben", "Ben", "enrolled"),
                               ("pat", "Pat", "pending"), ("dee", "Dee", "pending"),
                               ("wes", "Wes", "waitlisted")]:
        user = UserFactory(first_name=first, last_name="Organizer", email=f"{key}@example.org")
        people[key] = Enrollment.objects.create(
            cohort=cohort, user=user, status=status,
            waitlisted_at=now if status == "waitlisted" else None,
        )
        ModuleCompletion.objects.create(user=user, module=module)
    return {"cohort": cohort, "sessions": sessions, "people": people,
            "facilitator": facilitator}


def test_facilitator_journey(live_server, page, new_page, workspace):
    base = live_server.url
    cohort, people = workspace["cohort"], workspace["people"]
    s1, s2 = workspace["sessions"]
    login(page, base, workspace["facilitator"].email, PASSWORD)

    # Approve one applicant, decline another with a message, promote from the waitlist.
    page.goto(f"{base}/facilitate/")
    page.get_by_role("link", name=re.compile("Fall cohort")).first.click()
    page.get_by_label("Message to Pat Organizer").fill("Welcome aboard!")
    page.get_by_role("button", name="Approve").first.click()
    expect(page.get_by_text(re.compile("Pat Organizer.*approved|approved.*Pat", re.I)).first
           ).to_be_visible()
    page.get_by_label("Message to Dee Organizer").fill("Please join the spring cohort.")
    page.get_by_role("button", name="Decline").first.click()
    # Declining asks first; the message is still there.
    expect(page.get_by_label("Message to the person (optional)")).to_have_value(
        "Please join the spring cohort.")
    page.get_by_role("button", name="Decline Dee Organizer").click()
    page.get_by_role("button", name="Enroll now Wes Organizer").click()
    for key, status in (("pat", "enrolled"), ("dee", "declined"), ("wes", "enrolled")):
        people[key].refresh_from_db()
        assert people[key].status == status, key
    assert_accessible(page, "facilitator cohort page")

    # Attendance with JavaScript: each mark saves in place.
    page.goto(f"{base}/facilitate/{cohort.slug}/sessions/{s1.pk}/attendance/")
    ana_row = page.locator(f"#row-{people['ana'].pk}")
    ana_row.get_by_label("Present").check()
    expect(ana_row.get_by_role("status")).to_contain_text("Saved")
    ben_row = page.locator(f"#row-{people['ben'].pk}")
    ben_row.get_by_label("Late").check()
    expect(ben_row.get_by_role("status")).to_contain_text("Saved")
    assert page.url.endswith("/attendance/")  # no page load: saved in place
    assert Attendance.objects.get(session=s1, enrollment=people["ana"]).status == "present"
    assert Attendance.objects.get(session=s1, enrollment=people["ben"]).status == "late"
    assert_accessible(page, "attendance sheet")

    # Without JavaScript the same sheet is a plain form.
    plain = new_page(java_script_enabled=False)
    login(plain, base, workspace["facilitator"].email, PASSWORD)
    plain.goto(f"{base}/facilitate/{cohort.slug}/sessions/{s2.pk}/attendance/")
    plain.locator(f"#row-{people['ana'].pk}").get_by_label("Present").check()
    plain.locator(f"#row-{people['ben'].pk}").get_by_label("Excused").check()
    plain.locator(f"#row-{people['wes'].pk}").get_by_label("Absent").check()
    plain.get_by_role("button", name="Save attendance").click()
    assert Attendance.objects.get(session=s2, enrollment=people["ana"]).status == "present"
    assert Attendance.objects.get(session=s2, enrollment=people["ben"]).status == "excused"

    # The grid shows the marks and the rates.
    page.goto(f"{base}/facilitate/{cohort.slug}/attendance/")
    grid = page.get_by_role("table")
    expect(grid.get_by_role("row", name=re.compile("Ana Organizer"))).to_contain_text("100%")
    assert_accessible(page, "attendance grid")

    # Roster CSV export.
    page.goto(f"{base}/facilitate/{cohort.slug}/roster/")
    assert_accessible(page, "roster")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("roster.*CSV|CSV.*roster", re.I)).first.click()
    csv_text = open(download_info.value.path(), encoding="utf-8-sig").read()
    assert csv_text.splitlines()[0].lower().startswith(("name", "learner", "first"))
    assert "Ana Organizer" in csv_text or "Ana" in csv_text

    # Close the cohort: every learner's final standing, then the results and the
    # certificates, with their progress.
    page.get_by_role("link", name="Applicants and waitlist").first.click()
    page.get_by_role("link", name="Close the cohort…").click()
    expect(page.get_by_role("table")).to_contain_text("Ana Organizer")
    assert_accessible(page, "close the cohort")
    page.get_by_role("button", name=re.compile("Close the cohort and record")).click()
    expect(page.get_by_text(re.compile(r"Results recorded: (\d+) of \1"))).to_be_visible()
    assert people["ana"].__class__.objects.get(pk=people["ana"].pk).status == "completed"
    page.get_by_role("navigation", name="Cohort workspace").get_by_role(
        "link", name="Certificates").click()
    assert_accessible(page, "certificates page")
    expect(page.get_by_text(re.compile(r"certificate PDFs? ready: all done"))).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_role("progressbar")).to_have_attribute("value", re.compile(r"[1-9]"))
