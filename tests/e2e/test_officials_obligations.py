"""Officials' obligations in a real browser: an official sees where they stand on their
state's training requirement and downloads their transcript (CSV and PDF); a facilitator
sees the quorum guard's warning on the cohort page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from academy.models import Body, BodyMembership
from cohorts.models import Enrollment
from tests.certificates.test_requirements_page import complete
from tests.cohorts.conftest import make_cohort
from tests.conftest import PASSWORD, UserFactory, make_course

from .conftest import assert_accessible, login


@pytest.fixture
def florida(site_tree):
    _, catalog = site_tree
    course = make_course(catalog, "Ethics in local office")
    course.training_topics = ["ethics"]
    course.counts_toward = ["fl-ethics-annual"]
    course.save_revision().publish()
    commission = Body.objects.create(name="Leon County Commission", body_type="county",
                                     state="FL", seats=7)
    official = UserFactory(email="denise@example.org", first_name="Denise",
                           last_name="Okafor", state="FL", time_zone="America/New_York")
    colleague = UserFactory(email="rafael@example.org", state="FL")
    for person in (official, colleague):
        BodyMembership.objects.create(user=person, body=commission, oath_date=date(2023, 11, 21),
                                      seat="County Commissioner")
    complete(official, course, days_ago=0, sessions=1)
    facilitator = UserFactory(email="fac@example.org", first_name="Dana", last_name="Lee")
    cohort = make_cohort(course, "florida-spring", facilitators=[facilitator], capacity=10)
    for person in (official, colleague):
        Enrollment.objects.create(cohort=cohort, user=person, status="enrolled")
    return {"official": official, "facilitator": facilitator, "cohort": cohort}


def test_requirement_status_transcript_and_quorum_warning(live_server, page, new_page, florida):
    base = live_server.url
    login(page, base, "denise@example.org", PASSWORD)
    page.goto(base + "/me/profile/")
    expect(page.get_by_role("group", name="Leon County Commission, term from Nov 21, 2023")) \
        .to_be_visible()
    new_term = page.get_by_role("group", name="A new body or term")
    new_term.get_by_label("Name of the body").fill("Leon County School Board")
    new_term.get_by_label("Type of body").select_option("school_board")
    new_term.get_by_label("State or territory").select_option("FL")
    new_term.get_by_label("Number of seats").fill("5")
    new_term.get_by_label("Oath of office").fill("2024-11-19")
    assert_accessible(page, "profile with bodies")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    assert BodyMembership.objects.filter(user=florida["official"]).count() == 2
    page.goto(base + "/me/")
    section = page.locator("section[aria-labelledby=requirements-heading]")
    expect(section).to_contain_text("Annual ethics, public records and open meetings training")
    expect(section).to_contain_text("1.5 of 4")
    expect(section.locator(".requirement")).to_have_count(2)  # the commission, the board
    expect(section).to_contain_text("Hours still needed")
    expect(section).to_contain_text("Fla. Stat. §112.3142")
    expect(section).to_contain_text("You or your clerk confirm what counts")
    assert_accessible(page, "My learning with requirements")

    section.get_by_role("link", name="Your transcript").click()
    expect(page.get_by_role("heading", name="My transcript")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Ethics in local office")
    assert_accessible(page, "transcript")
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV").click()
    assert csv_download.value.suggested_filename == "transcript.csv"
    with open(csv_download.value.path(), encoding="utf-8-sig") as handle:
        assert "Ethics in local office" in handle.read()
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF").click()
    assert pdf_download.value.suggested_filename == "transcript.pdf"
    with open(pdf_download.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    narrow = new_page(width=390, height=800)
    login(narrow, base, "denise@example.org", PASSWORD)
    narrow.goto(base + "/me/transcript/")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 390

    facilitator = new_page()
    login(facilitator, base, "fac@example.org", PASSWORD)
    facilitator.goto(f"{base}/facilitate/{florida['cohort'].slug}/")
    warning = facilitator.locator(".quorum-warning")
    expect(warning).to_contain_text("2 members of Leon County Commission enrolled in this cohort")
    expect(warning).to_contain_text("Government in the Sunshine Law")
    expect(warning).to_contain_text("Suggestion:")
    assert_accessible(facilitator, "cohort page with a quorum warning")
    session = florida["cohort"].sessions.first()
    facilitator.goto(f"{base}/facilitate/{florida['cohort'].slug}/sessions/{session.pk}/breakouts/")
    assert_accessible(facilitator, "breakout groups")
