"""Spanish costs no query: each page makes as many queries at /es/... as in English (the
N+1 guards of each app bound the English count), for a learner and for a facilitator."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohorts.services import enrollment_create
from tests.cohorts.conftest import make_cohort

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm: Wagtail caches the site's root paths on first use
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response


@pytest.fixture
def facilitator(user_factory):
    from academy.models import facilitators_group

    person = user_factory(email="fac@example.org")
    person.groups.add(facilitators_group())
    return person


@pytest.mark.parametrize("who,page", [
    ("learner", "/me/"),
    ("learner", "/cohorts/{slug}/"),
    ("learner", "/me/transcript/"),
    ("learner", "/me/profile/"),
    ("facilitator", "/facilitate/"),
    ("facilitator", "/facilitate/{slug}/"),
    ("facilitator", "/facilitate/{slug}/roster/"),
    ("facilitator", "/facilitate/{slug}/attendance/"),
    ("facilitator", "/facilitate/{slug}/certificates/"),
])
def test_a_page_in_spanish_makes_the_same_queries(client, course, official, facilitator,
                                                   who, page):
    cohort = make_cohort(course, "spring", facilitators=[facilitator])
    enrollment_create(cohort=cohort, user=official)
    client.force_login(official if who == "learner" else facilitator)
    url = page.format(slug=cohort.slug)
    english, _ = queries(client, url)
    spanish, response = queries(client, "/es" + url)
    assert '<html lang="es"' in response.content.decode()
    assert spanish == english, f"{url}: {english} queries in English, {spanish} in Spanish"
