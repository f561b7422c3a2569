"""allauth's pages look and read like the rest of the site: sentence case and the nav's
words ("Log in", "Sign up", "Remember me"), a readable column, one primary button."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

TITLE_CASE = [
    "Sign In", "Sign Up", "Sign Out", "Signup", "Remember Me", "Forgot Password",
    "Reset My Password", "Two-Factor Authentication", "Verify Your Email", "Confirm Email",
    "Change Password", "Authenticator App", "Recovery Codes", "Email Addresses",
    "signed in", "sign in",
]


def po_entries():
    text = (Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po").read_text()
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.M)


def test_the_compiled_wording_matches_the_catalog():
    """locale/en/LC_MESSAGES/django.mo was compiled from the .po next to it."""
    entries = list(po_entries())
    assert len(entries) > 50
    with translation.override("en-us"):
        for msgid, msgstr in entries:
            assert translation.gettext(msgid) == msgstr, msgid


def assert_site_wording(html, page):
    for words in TITLE_CASE:
        assert words not in html, f"{words!r} on {page}"
    assert 'class="auth-column"' in html, page


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/login/", "Log in"),
        ("/accounts/signup/", "Sign up"),
        ("/accounts/password/reset/", "Reset your password"),
        ("/accounts/password/reset/done/", "Reset your password"),
        ("/accounts/password/reset/key/1-bad-key/", "This link no longer works"),
        ("/accounts/confirm-email/no-such-key/", "Confirm your email address"),
    ],
)
def test_entrance_pages_speak_like_the_site(client, site_tree, url, heading):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert_site_wording(html, url)
    assert re.search(rf"<h1[^>]*>\s*{re.escape(heading)}\s*</h1>", html), (url, heading)


def test_the_login_form_reads_like_the_nav(client, site_tree):
    html = client.get("/accounts/login/").content.decode()
    assert re.search(r"<title>\s*Log in\s*·", html)
    assert re.search(r'<label for="id_remember"[^>]*>\s*Remember me\s*</label>', html)
    submit = re.search(r'<button class="btn ([\w-]+)[^>]*type="submit"[^>]*>\s*Log in', html)
    assert submit and submit.group(1) == "btn-primary"
    assert 'href="/accounts/signup/"' in html and "Sign up</a>" in html


def test_pages_of_a_signed_in_person_speak_like_the_site(client, official):
    client.force_login(official)
    for url in ("/accounts/logout/", "/accounts/password/change/", "/accounts/email/",
                "/accounts/2fa/"):
        html = client.get(url).content.decode()
        assert_site_wording(html, url)
    logout = client.get("/accounts/logout/").content.decode()
    assert "Are you sure you want to log out?" in logout


def test_the_two_factor_step_has_one_primary_button(client, staff, site_tree):
    response = client.post(
        "/accounts/login/", {"login": staff.email, "password": PASSWORD}
    )
    html = client.get(response["Location"]).content.decode()
    assert_site_wording(html, "two-factor step")
    buttons = dict(
        (label.strip(), cls)
        for cls, label in re.findall(r'<button class="btn ([\w-]+)[^>]*>([^<]+)</button>', html)
    )
    assert buttons == {"Log in": "btn-primary", "Cancel": "btn-outline-secondary"}


def test_flooding_sign_up_gets_a_page_of_the_site(client, site_tree, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    data = {"first_name": "A", "last_name": "B", "email": "x", "password1": "p", "password2": "p"}
    responses = [client.post(reverse("account_signup"), data) for _ in range(3)]
    assert responses[-1].status_code == 429
    assert "Too many attempts" in responses[-1].content.decode()
    assert "bootstrap.min.css" in responses[-1].content.decode()
