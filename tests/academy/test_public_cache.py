"""Public pages for anonymous visitors come from the shared cache; a change shows at once,
and nothing private is ever kept or served from it."""

import pytest
from django.test import Client

from cohorts.services import enrollment_create
from tests.cohorts.conftest import make_cohort
from tests.conftest import make_module

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 300


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_anonymous_public_pages_set_no_cookie_and_come_from_the_cache(client, course):
    module = make_module(course)
    cohort = make_cohort(course)
    for url in ("/", "/catalog/", course.url, module.url, cohort.get_absolute_url(),
                f"/cohorts/{cohort.slug}/calendar.ics"):
        first = get(client, url)
        assert not first.cookies, url  # no CSRF or session cookie: shareable
        assert first["X-Public-Cache"] == "miss", url
        again = get(client, url)
        assert again["X-Public-Cache"] == "hit", url
        assert again.content == first.content and again["Content-Type"] == first["Content-Type"]


def test_publishing_shows_at_once(client, course, django_capture_on_commit_callbacks):
    get(client, course.url)
    course.title = "Budgets as moral documents, revised"
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    response = get(client, course.url)
    assert "Budgets as moral documents, revised" in response.content.decode()
    assert response["X-Public-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()
    assert client.get(course.url).status_code == 404


def test_seats_and_sessions_show_at_once(client, course, official,
                                          django_capture_on_commit_callbacks):
    cohort = make_cohort(course, capacity=2)
    assert "2 seats left" in get(client, course.url).content.decode()
    assert "2 of 2 left" in get(client, cohort.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(cohort=cohort, user=official)
    assert "1 seat left" in get(client, course.url).content.decode()
    assert "1 of 2 left" in get(client, cohort.get_absolute_url()).content.decode()


def test_a_renamed_pillar_shows_at_once(client, course, django_capture_on_commit_callbacks):
    """Terms are snippets, saved without publishing any page."""
    from courses.models import Pillar

    with django_capture_on_commit_callbacks(execute=True):
        pillar = Pillar.objects.create(name="Build power", slug="power")
    assert "Build power" in get(client, "/catalog/").content.decode()
    pillar.name = "Build lasting power"
    with django_capture_on_commit_callbacks(execute=True):
        pillar.save()
    assert "Build lasting power" in get(client, "/catalog/").content.decode()


def test_nothing_private_is_kept_or_served(client, course, official):
    cohort = make_cohort(course)
    url = cohort.get_absolute_url()
    signed_in = Client()
    signed_in.force_login(official)
    mine = signed_in.get(url)
    assert "X-Public-Cache" not in mine and official.first_name in mine.content.decode()
    public = get(client, url)
    assert official.first_name not in public.content.decode()
    assert "X-Public-Cache" not in signed_in.get(url)  # never served from the cache either
    # Private pages are never cached, whoever asks.
    for private in ("/me/", "/facilitate/", "/accounts/login/"):
        response = client.get(private)
        assert "X-Public-Cache" not in response, private
    # A visitor with a message to read gets a fresh page.
    client.cookies["messages"] = "x"
    assert "X-Public-Cache" not in client.get(url)


def test_a_signed_in_search_reuses_the_matches_until_a_page_is_published(
        catalog, course, official, django_capture_on_commit_callbacks):
    """Which pages match a search depends on published content only: the match list is
    kept with the public pages (fewer queries the second time) and forgotten when a page is
    published or unpublished. What a signed-in person sees is still their own page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import make_course

    signed_in = Client()
    signed_in.force_login(official)
    url = "/catalog/?q=zoning"

    def search():
        with CaptureQueriesContext(connection) as queries:
            response = signed_in.get(url)
        assert response.status_code == 200 and "X-Public-Cache" not in response
        return response.content.decode(), len(queries.captured_queries)

    html, first = search()
    assert "Zoning for shared prosperity" not in html
    html, again = search()
    assert again <= first - 4  # the search and its cards came from the cache
    with django_capture_on_commit_callbacks(execute=True):
        zoning = make_course(catalog, "Zoning for shared prosperity",
                             summary="Zoning, land use and who decides.")  # published
    html, _ = search()
    assert "Zoning for shared prosperity" in html
    zoning.title = "Zoning for shared prosperity and housing"
    with django_capture_on_commit_callbacks(execute=True):
        zoning.save_revision().publish()
    html, _ = search()
    assert "Zoning for shared prosperity and housing" in html  # the cards are kept too
    with django_capture_on_commit_callbacks(execute=True):
        zoning.unpublish()
    html, _ = search()
    assert "Zoning for shared prosperity" not in html
    # The person's own page around the kept results: their name in the header.
    assert official.first_name in signed_in.get("/catalog/").content.decode()


def test_a_signed_in_course_page_shows_cohort_changes_at_once(
        course, official, user_factory, django_capture_on_commit_callbacks):
    """The course page's list of upcoming cohorts is kept for signed-in visitors too: seats
    taken, a new cohort and a cohort's new title show on the next page view."""
    cohort = make_cohort(course, capacity=2)
    signed_in = Client()
    signed_in.force_login(official)
    assert "2 seats left of 2" in get(signed_in, course.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(cohort=cohort, user=user_factory())
    assert "1 seat left of 2" in get(signed_in, course.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_cohort(course, "spring", capacity=30)
        cohort.title = "Fall evenings"
        cohort.save()
    html = get(signed_in, course.url).content.decode()
    assert "30 seats left of 30" in html and "Fall evenings" in html
