"""Keyboard use: the main learner actions work with Tab/Enter/Space and focus is visible."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import ModuleCompletion
from tests.conftest import PASSWORD, UserFactory, make_course, make_module


def tab_to(page, predicate, limit=60):
    """Press Tab until the focused element satisfies `predicate` (a JS expression on el)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    pytest.fail(f"could not reach an element with {predicate} by keyboard")


def focus_is_visible(page):
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    outline_style, outline_width, box_shadow = style
    return (outline_style != "none" and outline_width != "0px") or box_shadow != "none"


def test_login_search_and_complete_a_module_by_keyboard(live_server, page, site_tree):
    _, catalog = site_tree
    course = make_course(catalog, "Housing justice")
    module = make_module(course, "Tenant protections")
    user = UserFactory(email="keys@example.org")
    base = live_server.url

    page.goto(base + "/accounts/login/")
    tab_to(page, "el.id === 'id_login'")
    assert focus_is_visible(page)
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/me/")

    # My learning: copy the private calendar link by keyboard; the status says so.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    tab_to(page, "el.textContent.trim() === 'Copy link'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("#calendar-copy-status")).to_have_text(re.compile("^Copied"))
    feed = page.locator("#calendar-feed-url").input_value()
    assert feed.endswith(".ics") and page.evaluate("navigator.clipboard.readText()") == feed
    webcal = page.get_by_role("link", name="Subscribe in your calendar app")
    assert webcal.get_attribute("href") == "webcal://" + feed.split("://", 1)[1]

    # The header's quick search takes anything, an unpaired quote included.
    tab_to(page, "el.id === 'nav-search'")
    page.keyboard.type('housing"')
    page.keyboard.press("Enter")
    page.wait_for_url("**/catalog/?q=housing**")
    expect(page.get_by_role("link", name="Housing justice")).to_be_visible()

    # The skip link is the first stop and is visible when focused.
    page.goto(base + "/catalog/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    assert focus_is_visible(page)

    tab_to(page, "el.id === 'catalog-q'")
    page.keyboard.type("tenant")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=tenant**")
    tab_to(page, "el.textContent.trim() === 'Housing justice'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{course.url}")
    tab_to(page, "el.textContent.trim() === 'Tenant protections'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{module.url}")
    tab_to(page, "el.textContent.trim() === 'Mark this module complete'")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    expect(page.get_by_text("is marked complete")).to_be_visible()
    assert ModuleCompletion.objects.filter(user=user, module=module).exists()
