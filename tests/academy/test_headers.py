"""Response headers: the Content-Security-Policy by area, and `Cache-Control: private,
no-store` on everything a signed-in person sees (their pages, the facilitator workspace,
PDFs and exports), while the token calendar feed keeps its own private caching."""

from urllib.parse import urlsplit

import pytest

from cohorts.services import enrollment_create
from courses.blocks import video_embed_url
from tests.certificates.conftest import enroll, facilitator, finished_cohort  # noqa: F401
from tests.cohorts.conftest import make_cohort

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_public_pages_allow_no_inline_script_or_style(client, site_tree):
    policy = directives(client.get("/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_video_embeds_come_from_hosts_the_policy_allows(client, site_tree):
    allowed = directives(client.get("/"))["frame-src"]
    for url in ("https://www.youtube.com/watch?v=abcdefghijk", "https://vimeo.com/123456"):
        parts = urlsplit(video_embed_url(url))
        assert f"{parts.scheme}://{parts.netloc}" in allowed


def test_admin_has_its_own_policy(client, staff):
    client.force_login(staff)
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def test_anonymous_public_pages_are_not_marked_private(client, site_tree):
    assert "private" not in client.get("/").get("Cache-Control", "")


def assert_private(response):
    assert response.status_code == 200, response.status_code
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
    assert "public" not in cache_control


@pytest.fixture
def certified(finished_cohort, facilitator, django_capture_on_commit_callbacks,  # noqa: F811
              user_factory):
    from certificates.services import certificate_issue

    learner = user_factory(email="certified@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrollment=enroll(finished_cohort, learner),
                                        actor=facilitator, override_reason="Make-up work.")
    return learner, certificate


def test_a_learners_pages_are_private(client, official, course):
    client.force_login(official)
    for url in ("/me/", "/me/profile/", course.url):  # every page they see, public ones too
        assert_private(client.get(url))


def test_the_facilitator_workspace_and_exports_are_private(client, finished_cohort,  # noqa: F811
                                                          facilitator, certified):  # noqa: F811
    client.force_login(facilitator)
    slug = finished_cohort.slug
    for url in (f"/facilitate/{slug}/", f"/facilitate/{slug}/roster/",
                f"/facilitate/{slug}/roster.csv", f"/facilitate/{slug}/attendance.csv",
                f"/facilitate/{slug}/certificates/", f"/facilitate/{slug}/certificates.zip"):
        assert_private(client.get(url))


def test_certificate_pdf_downloads_are_private(client, certified):
    learner, certificate = certified
    client.force_login(learner)
    response = client.get(certificate.pdf_url)
    assert response["Content-Type"] == "application/pdf"
    assert_private(response)


def test_private_calendar_feed_keeps_its_private_caching(client, course, official):
    from cohorts.models import CalendarToken

    enrollment_create(cohort=make_cohort(course, "feed"), user=official)
    client.force_login(official)
    client.get("/me/")
    token = CalendarToken.objects.get(user=official).token
    client.logout()  # calendar apps do not sign in: the token is the key
    response = client.get(f"/me/calendar/{token}.ics")
    assert response["Cache-Control"] == "private, max-age=900"


def test_served_documents_run_nothing(client, db):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Agenda", file=ContentFile(b"<script>alert(1)</script>", name="agenda.txt")
    )
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Security-Policy"] == "default-src 'none'"
    # Other answers under /documents/ get the documents' policy, not the site's.
    missing = directives(client.get("/documents/999999/missing.pdf"))
    assert missing["default-src"] == ["'none'"] and "script-src" not in missing
