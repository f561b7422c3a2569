"""Course images: chosen in the page editor with required alt text, shown on catalog
cards, the home page and the course page, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_factories import ImageFactory

from tests.conftest import make_course

pytestmark = pytest.mark.django_db


def with_image(course, alt="Residents at a budget hearing", description=""):
    course.image = ImageFactory(title=f"Picture of {course.title}", description=description)
    course.image_alt = alt
    course.save_revision().publish()
    return course


def edit(client, course, **changes):
    data = nested_form_data({
        "title": course.title, "slug": course.slug, "summary": course.summary,
        "outcomes": streamfield([("outcome", "Read a budget")]),
        "format": course.format, "estimated_hours": "6",
        "image": "", "image_alt": "",
        "comments": inline_formset([]),
        **changes,
    })
    return client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)


def test_an_image_without_alt_text_is_refused(client, catalog, staff):
    course = make_course(catalog)
    image = ImageFactory(title="Hearing", description="")
    client.force_login(staff)
    response = edit(client, course, image=image.pk, image_alt="")
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it" in response.content.decode()
    course.refresh_from_db()
    assert course.image_id is None and course.get_latest_revision().content.get("image") is None

    response = edit(client, course, image=image.pk, image_alt="Residents at a budget hearing")
    assert response.status_code == 302
    course.refresh_from_db()
    latest = course.get_latest_revision_as_object()
    assert (latest.image_id, latest.image_alt) == (image.pk, "Residents at a budget hearing")


def test_the_image_library_description_counts_as_alt_text(client, catalog, staff):
    course = make_course(catalog)
    image = ImageFactory(title="Hearing", description="Residents speaking at a hearing")
    client.force_login(staff)
    assert edit(client, course, image=image.pk).status_code == 302
    course.refresh_from_db()
    assert course.get_latest_revision_as_object().image_alt_text == (
        "Residents speaking at a hearing")


def test_images_on_cards_home_and_course_page(client, site_tree):
    home, catalog = site_tree
    course = with_image(make_course(catalog, "Budget fights"))
    make_course(catalog, "No picture yet")
    alt = 'alt="Residents at a budget hearing"'
    for url in ("/", catalog.url):
        html = client.get(url).content.decode()
        assert alt in html and "fill-640x360" in html, url
        assert html.count("card-img-top") == 1, url  # the course without one has none
    html = client.get(course.url).content.decode()
    assert alt in html and "fill-1200x675" in html and "course-hero-image" in html


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_catalog_and_home_queries_do_not_grow_with_images(client, site_tree):
    # Prevents a query per card for its image and another for its rendition.
    home, catalog = site_tree
    for i in range(2):
        with_image(make_course(catalog, f"Course {i}"))
    client.get(catalog.url), client.get("/")  # renditions made, site caches warm
    few = count(client, catalog.url), count(client, "/")
    for i in range(2, 8):
        with_image(make_course(catalog, f"Course {i}"))
    client.get(catalog.url), client.get("/")
    many = count(client, catalog.url), count(client, "/")
    assert few == many, (few, many)


def test_search_results_show_images_in_constant_queries(client, catalog):
    for i in range(2):
        with_image(make_course(catalog, f"Zebra {i}"))
    client.get(catalog.url, {"q": "zebra"})
    with CaptureQueriesContext(connection) as two:
        client.get(catalog.url, {"q": "zebra"})
    for i in range(2, 6):
        with_image(make_course(catalog, f"Zebra {i}"))
    client.get(catalog.url, {"q": "zebra"})
    with CaptureQueriesContext(connection) as six:
        html = client.get(catalog.url, {"q": "zebra"}).content.decode()
    assert html.count("card-img-top") == 6
    assert len(two) == len(six)
