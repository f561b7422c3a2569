"""axe-core on every public page type and the learner pages: no serious or critical
violations. Each failure names the rule and the elements."""

import pytest

from tests.conftest import PASSWORD, UserFactory, make_course, make_module
from tests.courses.test_pages import ALL_BLOCKS

from .conftest import assert_accessible, login


@pytest.fixture
def content(site_tree):
    home, catalog = site_tree
    course = make_course(catalog, "Housing justice")
    module = make_module(course, "Tenant protections", body=ALL_BLOCKS)
    make_module(course, "Social housing", required=False)
    official = UserFactory(email="a11y@example.org")
    return {"catalog": catalog, "course": course, "module": module, "official": official}


PUBLIC = {
    "home": lambda c: "/",
    "catalog": lambda c: c["catalog"].url,
    "catalog search": lambda c: c["catalog"].url + "?q=tenant&format=live_online",
    "course": lambda c: c["course"].url,
    "module": lambda c: c["module"].url,
    "login": lambda c: "/accounts/login/",
    "signup": lambda c: "/accounts/signup/",
    "password reset": lambda c: "/accounts/password/reset/",
    "404": lambda c: "/no-such-page/",
}
LEARNER = {
    "my learning": lambda c: "/me/",
    "profile": lambda c: "/me/profile/",
    "module signed in": lambda c: c["module"].url,
    "course signed in": lambda c: c["course"].url,
}


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_are_accessible(live_server, page, content, name):
    page.goto(live_server.url + PUBLIC[name](content))
    assert_accessible(page, name)


def test_learner_pages_are_accessible(live_server, page, content):
    login(page, live_server.url, content["official"].email, PASSWORD)
    for name, url in LEARNER.items():
        page.goto(live_server.url + url(content))
        assert_accessible(page, name)
    # Error states too: an invalid profile form shows its errors accessibly.
    page.goto(live_server.url + "/me/profile/")
    page.get_by_label("First name").fill("")
    page.get_by_role("button", name="Save profile").click()
    assert_accessible(page, "profile with errors")


def test_the_checker_reports_a_violation(page):
    """Control: an unlabelled field and low-contrast text do fail the check."""
    page.set_content(
        '<html lang="en"><title>x</title><body><main><input type="text">'
        '<p style="color:#bbb;background:#fff">faint</p></main></body></html>'
    )
    with pytest.raises(pytest.fail.Exception, match="label"):
        assert_accessible(page, "control")


@pytest.fixture
def cohort_pages(content):
    from datetime import timedelta

    from django.utils import timezone

    from certificates.services import certificate_issue
    from cohorts.models import Cohort, Enrollment, Session

    facilitator = UserFactory(email="a11y-fac@example.org")
    cohort = Cohort.objects.create(
        course=content["course"], slug="a11y-cohort", title="Accessible cohort",
        status="in_progress", capacity=5, time_zone="America/Denver",
    )
    cohort.facilitators.set([facilitator])
    now = timezone.now()
    session = Session.objects.create(
        cohort=cohort, title="Kick-off", starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=1), check_in_code="A11YCODE",
    )
    enrollment = Enrollment.objects.create(
        cohort=cohort, user=content["official"], status="enrolled",
        accessibility_needs="Captions, please.",
    )
    Enrollment.objects.create(cohort=cohort, user=UserFactory(), status="pending")
    certificate = certificate_issue(
        enrollment=enrollment, actor=facilitator, override_reason="Accessibility test."
    )
    return {"cohort": cohort, "session": session, "facilitator": facilitator,
            "certificate": certificate}


def test_cohort_and_learner_pages_are_accessible(live_server, page, content, cohort_pages):
    base = live_server.url
    slug = cohort_pages["cohort"].slug
    page.goto(f"{base}/cohorts/{slug}/")
    assert_accessible(page, "cohort page (anonymous)")
    page.goto(f"{base}/certificates/{cohort_pages['certificate'].code}/")
    assert_accessible(page, "certificate verification")
    page.goto(f"{base}/certificates/ABCD-EFGH-JKLM-NPQR-STUV/")
    assert_accessible(page, "unknown certificate")
    login(page, base, content["official"].email, PASSWORD)
    for name, url in {
        "cohort page (enrolled)": f"/cohorts/{slug}/",
        "my learning with a cohort": "/me/",
        "check-in": "/check-in/",
        "check-in with code": "/check-in/A11YCODE/",
    }.items():
        page.goto(base + url)
        assert_accessible(page, name)


def test_facilitator_pages_are_accessible(live_server, page, content, cohort_pages):
    base = live_server.url
    slug, session = cohort_pages["cohort"].slug, cohort_pages["session"]
    login(page, base, cohort_pages["facilitator"].email, PASSWORD)
    for name, url in {
        "facilitate home": "/facilitate/",
        "applicants and waitlist": f"/facilitate/{slug}/",
        "roster": f"/facilitate/{slug}/roster/",
        "sessions": f"/facilitate/{slug}/sessions/",
        "session": f"/facilitate/{slug}/sessions/{session.pk}/",
        "attendance sheet": f"/facilitate/{slug}/sessions/{session.pk}/attendance/",
        "live check-in": f"/facilitate/{slug}/sessions/{session.pk}/live/",
        "projector view": f"/facilitate/{slug}/sessions/{session.pk}/live/projector/",
        "report import": f"/facilitate/{slug}/sessions/{session.pk}/import/",
        "attendance grid": f"/facilitate/{slug}/attendance/",
        "certificates": f"/facilitate/{slug}/certificates/",
    }.items():
        response = page.goto(base + url)
        assert response.status == 200, (name, response.status)
        assert_accessible(page, name)

    # The projector view fills the screen: a QR code and a code readable from the back of
    # a room at 1280 px, and nothing wider than the screen at 390 px.
    page.goto(f"{base}/facilitate/{slug}/sessions/{session.pk}/live/projector/")
    qr = page.locator(".projector-qr svg").bounding_box()
    assert qr["width"] >= 500 and qr["height"] >= 500, qr
    code_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.projector-code code')).fontSize)"
    )
    assert code_size >= 80, code_size  # about 13 cm tall on a 2 m wide projection
    code_box = page.locator(".projector-code code").bounding_box()
    assert code_box["height"] < 2 * code_size, "the code stays on one line"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Exit projector view").click()
    page.wait_for_url(f"**/facilitate/{slug}/sessions/{session.pk}/")
