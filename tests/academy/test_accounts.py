"""Sign-up, profile, login/logout, password reset, login rate limiting."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from academy.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_creates_account_and_leads_to_profile(client, site_tree,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends on commit
        response = client.post(
            reverse("account_signup"),
            {
                "first_name": "Ana",
                "last_name": "Ruiz",
                "email": "Ana.Ruiz@Example.org",
                "password1": "a-long-passphrase-2026",
                "password2": "a-long-passphrase-2026",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/me/profile/"
    user = User.objects.get(email="ana.ruiz@example.org")
    assert (user.first_name, user.last_name) == ("Ana", "Ruiz")
    # A confirmation email is sent (console backend in the default setup).
    assert any("ana.ruiz@example.org" in m.to for m in mail.outbox)


def test_signup_form_is_crispy_and_labelled(client, site_tree):
    html = client.get(reverse("account_signup")).content.decode()
    assert 'class="mb-3"' in html  # crispy-bootstrap5 field wrappers
    for field in ("first_name", "last_name", "email", "password1", "password2"):
        assert re.search(rf'<label\s+for="id_{field}"', html), field


def test_invalid_signup_shows_field_errors_and_creates_nobody(client, site_tree):
    response = client.post(
        reverse("account_signup"),
        {"first_name": "", "last_name": "X", "email": "not-an-email",
         "password1": "abc", "password2": "abd"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "invalid-feedback" in html
    assert "Enter a valid email address" in html
    assert User.objects.count() == 0


def test_duplicate_email_is_refused_with_a_message(client, site_tree, official):
    response = client.post(
        reverse("account_signup"),
        {"first_name": "R", "last_name": "D", "email": "OFFICIAL@example.org",
         "password1": "a-long-passphrase-2026", "password2": "a-long-passphrase-2026"},
    )
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert User.objects.filter(email__iexact="official@example.org").count() == 1


def test_profile_saves_every_field(client, official):
    client.force_login(official)
    data = {
        "first_name": "Rosa", "last_name": "Díaz", "preferred_name": "Ro",
        "pronouns": "she/her", "certificate_name": "Rosa M. Díaz",
        "office_title": "County Commissioner, District 2",
        "jurisdiction_name": "Dane County", "jurisdiction_type": "county",
        "state": "WI", "time_zone": "America/Chicago", "preferred_language": "en",
    }
    response = client.post(reverse("profile"), data)
    assert response.status_code == 302
    official.refresh_from_db()
    for key, value in data.items():
        assert getattr(official, key) == value
    assert official.display_name == "Ro Díaz"
    assert official.printed_name == "Rosa M. Díaz"


def test_invalid_profile_shows_errors_and_keeps_old_values(client, official):
    client.force_login(official)
    response = client.post(
        reverse("profile"),
        {"first_name": "", "last_name": "Diaz", "jurisdiction_name": "X",
         "jurisdiction_type": "galaxy", "state": "ZZ", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" in html
    assert "Select a valid choice" in html
    official.refresh_from_db()
    assert official.first_name == "Rosa"
    assert official.state == "IL"


def test_profile_requires_login(client, db):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_and_logout(client, official, site_tree):
    response = client.post(
        reverse("account_login"), {"login": "official@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("profile")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("profile")).status_code == 302


def test_wrong_password_shows_a_message(client, official, site_tree):
    response = client.post(
        reverse("account_login"), {"login": "official@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_login_is_rate_limited_after_repeated_failures(client, official, site_tree):
    for _ in range(6):
        response = client.post(
            reverse("account_login"), {"login": "official@example.org", "password": "nope"}
        )
    assert "Too many failed login attempts" in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(
        reverse("account_login"), {"login": "official@example.org", "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client, official, site_tree,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends on commit
        response = client.post(reverse("account_reset_password"),
                               {"email": "official@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.check_password("a-brand-new-passphrase")


def test_email_is_the_login_and_case_insensitive(db):
    user = User.objects.create_user(email="Mixed.Case@Example.ORG", password=PASSWORD)
    assert user.email == "mixed.case@example.org"
    assert User.USERNAME_FIELD == "email"
