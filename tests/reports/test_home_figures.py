"""Headline figures on the public home page: off by default, the ones staff choose,
small counts suppressed, cached (no report queries on a hit)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from reports.models import ImpactSettings

from .conftest import at, enroll

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def publish(**fields):
    chosen = ImpactSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(chosen, name, value)
    chosen.save()


def test_nothing_is_published_by_default(client, academy_year):
    assert "Our impact" not in home(client)


def test_published_figures_show_with_small_counts_suppressed(client, academy_year,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(show_officials_trained=True, show_hours=True, period="all_time")
    html = home(client)
    assert "Our impact since the academy began" in html
    # 3 officials trained since 2000 (u1, u2, and u7 in 2025): fewer than 5.
    assert "fewer than 5" in html and "Officials trained" in html
    assert "Hours of instruction" in html and "12.0" in html
    assert "Course completions" not in html
    for user in academy_year.users:
        assert user.last_name not in html


def test_figures_are_cached(client, academy_year, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(show_officials_trained=True, period="this_year")
    for _ in range(6):  # three more officials trained in 2026: five in all
        from tests.conftest import UserFactory
        enroll(academy_year.spring, UserFactory(), "completed", changed=at(2026, 9, 1))
    client.force_login(academy_year.users[0])  # a signed-in page: not from the page cache
    first = client.get("/").content.decode()
    assert "Our impact in" in first
    with CaptureQueriesContext(connection) as again:
        second = client.get("/").content.decode()
    assert not any("cohorts_enrollment" in q["sql"] for q in again.captured_queries)
    assert second.count("<dd") == first.count("<dd")
    # Saving the settings forgets the cached figures.
    with django_capture_on_commit_callbacks(execute=True):
        publish(show_completions=True)
    assert "Course completions" in client.get("/").content.decode()
