"""The login, sign-up, password and two-factor pages in a real browser: a readable column
at desktop and phone widths, no sideways scrolling, no axe violations; and a staff member
setting up an authenticator on their way into the admin."""

import re

import pyotp
import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from tests.conftest import PASSWORD, UserFactory, totp_code

from .conftest import assert_accessible, login

COLUMN_MAX_PX = 36 * 16  # about 32-36rem: fields never stretch across a wide screen

ANONYMOUS = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
SIGNED_IN = ["/accounts/logout/", "/accounts/password/change/", "/accounts/email/",
             "/accounts/2fa/"]


def assert_readable(page, what):
    assert page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth"
    ), f"sideways scrolling on {what}"
    widths = page.eval_on_selector_all(
        "main input:not([type=hidden]):not([type=checkbox]), main .auth-column",
        "els => els.map(e => e.getBoundingClientRect().width)",
    )
    assert widths, what
    assert max(widths) <= COLUMN_MAX_PX, f"{what}: {max(widths)}px wide"
    assert_accessible(page, what)


@pytest.mark.parametrize("width", [390, 1280])
def test_account_pages_are_a_readable_column(live_server, new_page, site_tree, width):
    base = live_server.url
    page = new_page(width=width)
    for url in ANONYMOUS:
        page.goto(base + url)
        assert_readable(page, f"{url} at {width}px")
    official = UserFactory(email="reader@example.org")
    login(page, base, official.email, PASSWORD)
    for url in SIGNED_IN:
        page.goto(base + url)
        assert_readable(page, f"{url} at {width}px")
    page.goto(base + "/accounts/logout/")
    page.locator("#main").get_by_role("button", name="Log out").click()
    staff = UserFactory(email="boss@example.org", is_staff=True, is_superuser=True, mfa=True)
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Two-factor authentication")).to_be_visible()
    assert_readable(page, f"two-factor step at {width}px")
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_staff_set_up_an_authenticator_on_their_way_into_the_admin(live_server, page, site_tree):
    base = live_server.url
    staff = UserFactory(email="new-staff@example.org", is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    login(page, base, staff.email, PASSWORD)
    # Staff land in the admin, which first asks for a second factor (and the password again).
    expect(page.get_by_text("The admin needs two-factor authentication")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    assert_readable(page, "authenticator set-up")
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Set up").click()
    expect(page.get_by_role("heading", name="Recovery codes")).to_be_visible()
    assert_readable(page, "recovery codes")
    page.get_by_role("link", name="Continue to the admin").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("link", name="Dashboard")).to_be_visible()
