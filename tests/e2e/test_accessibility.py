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
