"""A learner through a self-paced course in a real browser: start it, finish its required
modules, get the certificate, open its verification page."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, UserFactory, make_course, make_module

from .conftest import assert_accessible, login


@pytest.fixture
def course(site_tree):
    _, catalog = site_tree
    course = make_course(catalog, "Participatory budgeting basics", fmt="self_paced")
    modules = [make_module(course, "Why it works"), make_module(course, "Running a cycle")]
    return course, modules


def test_self_paced_journey(live_server, page, course):
    base = live_server.url
    course, modules = course
    learner = UserFactory(email="sp@example.org", first_name="Lupe", last_name="Reyes")
    login(page, base, learner.email, PASSWORD)
    page.goto(base + course.url)
    assert_accessible(page, "self-paced course page")
    page.get_by_role("button", name="Start this course").click()
    expect(page.get_by_text("You have started Participatory budgeting basics")).to_be_visible()
    for module in modules:
        page.goto(base + module.url)
        page.get_by_role("button", name="Mark this module complete").click()
    expect(page.get_by_text("You have completed Participatory budgeting basics")).to_be_visible()
    page.goto(base + "/me/")
    expect(page.get_by_text("Self-paced").first).to_be_visible()
    page.get_by_role("link", name="Verification page").click()
    expect(page.get_by_text("Valid certificate")).to_be_visible()
    expect(page.get_by_text(re.compile("Participatory budgeting basics")).first).to_be_visible()
