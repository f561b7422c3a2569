"""The Content-Security-Policy holds in a real browser: every public, learner and
facilitator page renders and works with no violation (no inline style or script anywhere,
htmx included), and the Wagtail admin works under its own policy (page editor, image
chooser, preview). Chromium reports each violation on the console; we collect them."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, UserFactory, totp_code

from .conftest import login
from .test_accessibility import cohort_pages, content  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


def watch_csp(page):
    """A list that fills with the console's CSP violation reports for `page`."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return violations


def test_the_watch_sees_a_violation(page):
    """Control: an inline style under a strict policy is reported."""
    page.route("http://csp-control.test/", lambda route: route.fulfill(
        body='<!DOCTYPE html><p style="color: red">inline</p>', content_type="text/html",
        headers={"Content-Security-Policy": "style-src 'self'"},
    ))
    violations = watch_csp(page)
    page.goto("http://csp-control.test/")
    page.wait_for_timeout(200)  # console events arrive asynchronously (no assert on time)
    assert violations and "style-src" in violations[0]


def visit_all(page, base, urls, violations):
    for name, url in urls.items():
        response = page.goto(base + url)
        assert response.status < 400 or url == "/no-such-page/", (name, response.status)
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, (name, csp)
        page.wait_for_load_state("networkidle")
    assert not violations, "\n".join(violations)


def test_public_and_learner_pages_have_no_violation(live_server, page, content,  # noqa: F811
                                                    cohort_pages):  # noqa: F811
    base, slug = live_server.url, cohort_pages["cohort"].slug
    violations = watch_csp(page)
    visit_all(page, base, {
        "home": "/", "catalog": content["catalog"].url, "course": content["course"].url,
        "module (every block, a video)": content["module"].url,
        "cohort": f"/cohorts/{slug}/", "login": "/accounts/login/",
        "signup": "/accounts/signup/", "404": "/no-such-page/",
        "certificate verification": f"/certificates/{cohort_pages['certificate'].code}/",
    }, violations)
    login(page, base, content["official"].email, PASSWORD)
    visit_all(page, base, {
        "my learning (progress bars)": "/me/", "profile": "/me/profile/",
        "module signed in": content["module"].url, "check-in": "/check-in/A11YCODE/",
    }, violations)


def test_staff_see_the_wagtail_userbar_on_public_pages_with_no_violation(
    live_server, page, content  # noqa: F811
):
    staff = UserFactory(email="csp-userbar@example.org", is_staff=True, is_superuser=True,
                        mfa=True)
    violations = watch_csp(page)
    login(page, live_server.url, staff.email, PASSWORD, totp=totp_code)
    visit_all(page, live_server.url, {"module with the userbar": content["module"].url},
              violations)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    page.locator("wagtail-userbar").get_by_role("button").first.click()  # opens its menu
    page.wait_for_load_state("networkidle")
    assert not violations, "\n".join(violations)


def test_facilitator_pages_work_with_no_violation(live_server, page, content,  # noqa: F811
                                                  cohort_pages):  # noqa: F811
    base, slug = live_server.url, cohort_pages["cohort"].slug
    session = cohort_pages["session"]
    violations = watch_csp(page)
    login(page, base, cohort_pages["facilitator"].email, PASSWORD)
    visit_all(page, base, {
        "facilitate home": "/facilitate/", "applicants": f"/facilitate/{slug}/",
        "roster": f"/facilitate/{slug}/roster/", "grid": f"/facilitate/{slug}/attendance/",
        "live check-in (QR, polling)": f"/facilitate/{slug}/sessions/{session.pk}/live/",
        "certificates (progress)": f"/facilitate/{slug}/certificates/",
    }, violations)
    # htmx still saves an attendance mark in place under the policy.
    page.goto(f"{base}/facilitate/{slug}/sessions/{session.pk}/attendance/")
    row = page.locator("tbody tr").first
    with page.expect_response(re.compile(r"/attendance/\d+/$")) as saved:
        row.get_by_label(re.compile("Present")).first.check()
    assert saved.value.status == 200
    assert not violations, "\n".join(violations)


def test_wagtail_admin_works_under_its_policy(live_server, page, content):  # noqa: F811
    """Page editor, image chooser and preview load and work: the admin policy gives
    Wagtail what it needs, and nothing on those pages is refused."""
    from wagtail.models import Site

    staff = UserFactory(email="csp-staff@example.org", is_staff=True, is_superuser=True,
                        mfa=True)
    base, module = live_server.url, content["module"]
    violations = watch_csp(page)
    login(page, base, staff.email, PASSWORD, totp=totp_code)
    # The page editor, with its preview panel showing the page.
    page.goto(f"{base}/admin/pages/{module.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(module.title)
    page.get_by_role("button", name=re.compile("Toggle preview")).first.click()
    preview = page.frame_locator("iframe[title*='Preview']").first
    # The preview posts the form and renders the page: slow on a busy 2-core machine.
    expect(preview.get_by_role("heading", level=1)).to_have_text(module.title, timeout=30_000)
    # The image chooser (certificate settings: the logo).
    site = Site.objects.get(is_default_site=True)
    page.goto(f"{base}/admin/settings/certificates/certificatesettings/{site.pk}/")
    page.get_by_role("button", name=re.compile("Choose an image")).first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name=re.compile("Choose an image"))).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not violations, "\n".join(violations)
