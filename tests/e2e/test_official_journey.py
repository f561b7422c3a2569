"""Journey 1, an official, in a real browser: sign up, fill in the profile, find a course
through the catalog search, enroll in an open cohort (keyboard only), see it on My
learning, add the calendar, check in to a session with its code (keyboard only),
complete the required modules, and, once the facilitator has issued it, download the
certificate PDF and open its verification page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cohorts.models import Cohort, Enrollment, Session
from tests.conftest import PASSWORD, UserFactory, make_course, make_module

from .conftest import assert_accessible, fill_form, login
from .test_keyboard import focus_is_visible, tab_to


@pytest.fixture
def open_cohort(site_tree):
    _, catalog = site_tree
    course = make_course(catalog, "Tenant power from the dais",
                         summary="Protect renters and build tenant organizing.")
    modules = [make_module(course, "Right to counsel"), make_module(course, "Good cause eviction")]
    facilitator = UserFactory(email="fac@example.org", first_name="Dana", last_name="Lee")
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course, slug="winter-tenants", title="Winter cohort", status="open",
        capacity=10, time_zone="America/Chicago", min_attendance_percent=75,
    )
    cohort.facilitators.set([facilitator])
    session = Session.objects.create(
        cohort=cohort, title="Opening session", starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=85), check_in_code="TENANT7",
    )
    return {"course": course, "modules": modules, "cohort": cohort, "session": session,
            "facilitator": facilitator}


def keyboard_activate(page, predicate):
    tab_to(page, predicate)
    assert focus_is_visible(page), f"focus not visible on {predicate}"
    page.keyboard.press("Enter")


def test_official_journey(live_server, page, new_page, open_cohort):
    base = live_server.url
    course, cohort = open_cohort["course"], open_cohort["cohort"]

    # Sign up and fill in the profile.
    page.goto(base + "/accounts/signup/")
    fill_form(page, {
        "First name": "Keisha", "Last name": "Moore", "Email": "keisha.moore@example.org",
        "#id_password1": "tenant-power-2026!", "#id_password2": "tenant-power-2026!",
    })
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/me/profile/")
    fill_form(page, {
        "Preferred name": "Kei", "Pronouns": "she/her",
        "Office or title": "City Council Member, Ward 3", "Jurisdiction name": "City of Milwaukee",
        "Jurisdiction type": "select:city", "#id_state": "select:WI",
        "Time zone": "select:America/Chicago",
    })
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()

    # Find the course through the catalog search.
    page.goto(base + "/catalog/")
    page.get_by_label("Search courses and modules").fill("renters")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Tenant power from the dais").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)

    # Enroll with the keyboard alone.
    keyboard_activate(page, "el.textContent.trim().startsWith('Winter cohort')")
    page.wait_for_url(f"**/cohorts/{cohort.slug}/")
    keyboard_activate(page, "el.textContent.trim() === 'Enroll'")
    page.wait_for_url(f"**/cohorts/{cohort.slug}/enroll/")
    tab_to(page, "el.name === 'hopes'")
    page.keyboard.type("How to pass a right-to-counsel ordinance.")
    tab_to(page, "el.name === 'share_name'")
    page.keyboard.press("Space")
    assert page.locator("input[name=share_name]").is_checked()
    keyboard_activate(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Enroll'")
    expect(page.get_by_text(re.compile("enrolled", re.I)).first).to_be_visible()
    enrollment = Enrollment.objects.get(user__email="keisha.moore@example.org")
    assert enrollment.status == "enrolled"

    # My learning lists it; the calendar file carries the session with its time zone.
    page.goto(base + "/me/")
    expect(page.get_by_text("Tenant power from the dais: Winter cohort")).to_be_visible()
    calendar_href = page.get_by_role("link", name="Calendar").first.get_attribute("href")
    ics = page.request.get(base + calendar_href)
    assert ics.ok and "BEGIN:VCALENDAR" in ics.text() and "Opening session" in ics.text()
    assert "TZID=America/Chicago" in ics.text()

    # Check in with the session's code, keyboard only.
    page.goto(base + "/check-in/")
    tab_to(page, "el.name === 'code'")
    assert focus_is_visible(page)
    page.keyboard.type("tenant7")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("checked in", re.I)).first).to_be_visible()
    assert enrollment.attendance.get().status == "present"

    # Complete the required modules.
    for module in open_cohort["modules"]:
        page.goto(base + module.url)
        page.get_by_role("button", name="Mark this module complete").click()
        expect(page.get_by_text("is marked complete")).to_be_visible()
    page.goto(base + course.url)
    expect(page.get_by_text("2 of 2 required modules done")).to_be_visible()

    # The session ends; the facilitator starts, then closes the cohort: the certificate.
    Session.objects.filter(pk=open_cohort["session"].pk).update(
        ends_at=timezone.now() - timedelta(minutes=1))
    facilitator_page = new_page()
    login(facilitator_page, base, open_cohort["facilitator"].email, PASSWORD)
    facilitator_page.goto(f"{base}/facilitate/{cohort.slug}/")
    facilitator_page.get_by_role("button", name="Start the cohort").click()
    facilitator_page.get_by_role("link", name="Close the cohort…").click()
    facilitator_page.get_by_role("button", name=re.compile("Close the cohort and record")).click()
    expect(facilitator_page.get_by_text("Results recorded: 1 of 1")).to_be_visible()
    facilitator_page.goto(f"{base}/facilitate/{cohort.slug}/certificates/")
    expect(facilitator_page.get_by_text(re.compile("all done"))).to_be_visible(timeout=30_000)

    # The official downloads the PDF and opens the verification page.
    page.goto(base + "/me/")
    pdf_href = page.get_by_role("link", name="Download PDF").get_attribute("href")
    pdf = page.request.get(base + pdf_href)
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    page.get_by_role("link", name="Verification page").click()
    expect(page.get_by_text("Valid certificate")).to_be_visible()
    expect(page.get_by_text("Keisha Moore").first).to_be_visible()
    assert_accessible(page, "verification page")
