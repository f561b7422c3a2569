"""Open Badges credentials in the browser: the verification page says in plain words that
the credential checks out, and anyone can paste a credential into the "verify a
credential" form with the keyboard alone; both pages are accessible and fit 390 px."""

import json

import pytest
from django.db import transaction

from certificates.services import certificate_issue
from cohorts.models import Enrollment, EnrollmentStatus
from tests.cohorts.conftest import make_cohort
from tests.conftest import UserFactory, make_course

from .conftest import assert_accessible

SUMMARY_OK = "Signed by Progressive Governance Academy; signature valid; not revoked."


@pytest.fixture
def certificate(site_tree):
    _home, catalog = site_tree
    course = make_course(catalog, "Budgeting for equity")
    facilitator = UserFactory(email="cred-fac@example.org")
    cohort = make_cohort(course, "cred-cohort", status="finished", facilitators=[facilitator],
                         sessions=2, start_in_days=-30)
    enrollment = Enrollment.objects.create(
        cohort=cohort, user=UserFactory(email="cred-learner@example.org"),
        status=EnrollmentStatus.COMPLETED,
    )
    with transaction.atomic():  # the render (PDF and credential) runs on commit
        certificate = certificate_issue(enrollment=enrollment, actor=facilitator)
    certificate.refresh_from_db()
    assert certificate.credential
    return certificate


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_verification_page_reports_the_credential(live_server, page, certificate, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live_server.url}/certificates/{certificate.code}/")
    assert page.get_by_role("status").filter(has_text=SUMMARY_OK).is_visible()
    link = page.get_by_role("link", name="Download the credential (JSON)")
    assert link.get_attribute("href") == f"/certificates/{certificate.code}/credential.json"
    assert fits(page)
    assert_accessible(page, f"verification page with credential at {width}px")


def test_pasting_a_credential_with_the_keyboard(live_server, page, certificate):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/credentials/verify/")
    assert_accessible(page, "verify a credential")
    field = page.get_by_label("Credential (JSON)")
    field.focus()
    page.keyboard.insert_text(json.dumps(certificate.credential, indent=2))
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Verify the credential")
    assert button.evaluate("b => b === document.activeElement")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text(SUMMARY_OK).is_visible()
    assert fits(page)
    assert_accessible(page, "verify a credential: result")

    page.get_by_label("Credential (JSON)").fill('{"not": "a credential"')
    with page.expect_navigation():
        page.get_by_role("button", name="Verify the credential").click()
    assert page.get_by_role("status").filter(has_text="Not verified: This is not JSON").is_visible()
    assert fits(page)
    assert_accessible(page, "verify a credential: not JSON")
