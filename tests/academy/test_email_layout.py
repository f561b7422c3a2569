"""Every email names the academy (from settings, never example.com) and has one layout,
text and HTML: a header with the academy's name, a footer saying why it came and linking
to My learning. Covers allauth's account emails and the outbox's own."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from django.urls import reverse

from academy.models import OutboxEmail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_NAME = "Progressive Governance Academy"
    settings.SITE_URL = "https://academy.example.org"
    settings.WAGTAILADMIN_BASE_URL = settings.SITE_URL


def html_of(message):
    [(html, mime)] = message.alternatives
    assert mime == "text/html"
    return html


def assert_academy_layout(message, reason):
    for body in (message.body, html_of(message)):
        assert "example.com" not in body
        assert "Hello from" not in body and "Thank you for using" not in body
        assert "Progressive Governance Academy" in body
        assert "https://academy.example.org/me/" in body  # My learning
        assert reason in body
    assert message.subject.startswith("[Governance Academy] ")
    assert message.body.startswith("Progressive Governance Academy\n")
    html = html_of(message)
    assert html.index("Progressive Governance Academy") < html.index(reason)


def test_signup_confirmation_names_the_academy(client, site_tree,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {
            "first_name": "Ana", "last_name": "Colón", "email": "ana@example.org",
            "password1": "a-long-passphrase-2026", "password2": "a-long-passphrase-2026",
        })
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "[Governance Academy] Welcome: confirm your email address"
    assert "Welcome to Progressive Governance Academy!" in message.body
    assert "Hello Ana," in message.body
    # Action links point where the person is (the request's host); the rest at SITE_URL.
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body)
    assert link, message.body
    assert link.group(0) in html_of(message)
    assert_academy_layout(message, "this address was used for an account")
    row = OutboxEmail.objects.get(to="ana@example.org")
    assert (row.kind, row.status) == ("account.email_confirmation_signup", "sent")
    # The link works.
    assert client.get(link.group(1)).status_code in (200, 302)


def test_password_reset_names_the_academy(client, official, site_tree,
                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": official.email})
    [message] = mail.outbox
    assert message.subject == "[Governance Academy] Choose a new password"
    assert "Hello Rosa," in message.body
    assert "/accounts/password/reset/key/" in message.body
    assert_academy_layout(message, "a password reset was requested for this address")


def test_reset_for_an_unknown_address_has_the_layout_too(client, site_tree,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    [message] = mail.outbox
    assert "but no account uses this address" in message.body
    assert_academy_layout(message, "this address was entered at Progressive Governance Academy")


def test_the_sites_framework_site_is_named_from_settings():
    # The data migration renamed example.com (tests start from migrated databases).
    site = Site.objects.get_current()
    assert site.domain != "example.com"


def test_outbox_emails_share_the_layout(official, django_capture_on_commit_callbacks):
    from academy.outbox import outbox_enqueue

    with django_capture_on_commit_callbacks(execute=True):
        outbox_enqueue(
            to_user=official, kind="certificate.revoked", subject="Certificate revoked",
            template="certificate_revoked",
            context={"certificate": _Certificate(), "verify_url": "https://v.example/c"},
        )
    [message] = mail.outbox
    assert "Hello Rosa," in message.body
    assert_academy_layout(message, "a certificate in your name was revoked")


class _Certificate:
    course_title = "Budgets"
    cohort_title = "Spring"
    code = "ABC123"
    revoked_at = None
    revoked_reason = "Issued in error"


def test_cohort_emails_say_why_they_came(client, course, official,
                                         django_capture_on_commit_callbacks):
    from cohorts.services import enrollment_create
    from tests.cohorts.conftest import make_cohort

    cohort = make_cohort(course)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(cohort=cohort, user=official)
    [message] = mail.outbox
    assert "You are enrolled in" in message.body
    assert_academy_layout(
        message, f"you applied to or enrolled in {course.title}, {cohort.title}"
    )
    assert f"https://academy.example.org/cohorts/{cohort.slug}/" in html_of(message)


def test_staff_reading_the_outbox_do_not_see_sign_in_links(client, official, staff, site_tree,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": official.email})
    row = OutboxEmail.objects.get(kind="account.password_reset_key")
    assert "/accounts/password/reset/key/" in row.body_text  # kept for a retry
    client.force_login(staff)
    page = client.get(f"/admin/emails/inspect/{row.pk}/").content.decode()
    assert "Not shown: this email holds a personal sign-in link" in page
    assert "/accounts/password/reset/key/" not in page


def test_an_email_rendered_without_the_academy_context_still_names_it(staff):
    # Wagtail's comment notifications render with only {"settings", "user", ...}.
    from django.conf import settings as django_settings
    from django.template.loader import render_to_string

    for ext in ("txt", "html"):
        body = render_to_string(f"wagtailadmin/notifications/base.{ext}",
                                {"settings": django_settings, "user": staff})
        assert "Progressive Governance Academy" in body, ext
        assert "https://academy.example.org/me/" in body, ext
        assert "curriculum at Progressive Governance Academy" in body, ext
