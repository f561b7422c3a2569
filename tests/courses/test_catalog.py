"""Catalog filters (pillar, policy area, format) and search across courses and modules."""

import pytest

from courses.models import CourseFormat, Pillar, PolicyArea
from tests.conftest import make_course, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalog):
    power = Pillar.objects.create(name="Build power", slug="power")
    govern = Pillar.objects.create(name="Govern boldly", slug="govern")
    housing = PolicyArea.objects.create(name="Housing", slug="housing")
    workers = PolicyArea.objects.create(name="Worker power", slug="workers")
    a = make_course(catalog, "Tenant organizing", pillars=[power], areas=[housing],
                    fmt=CourseFormat.IN_PERSON, summary="Work with tenant unions.")
    b = make_course(catalog, "Wage boards", pillars=[govern], areas=[workers],
                    fmt=CourseFormat.LIVE_ONLINE, summary="Raise standards by sector.")
    c = make_course(catalog, "Budget fights", pillars=[power, govern], areas=[],
                    fmt=CourseFormat.SELF_PACED, summary="Follow the money.")
    make_module(c, "Participatory budgeting in practice",
                body=[("text", "<p>Residents allocate a share of capital funds.</p>")])
    return a, b, c


def titles(response):
    return [c.title for c in response.context["courses"]]


def test_filter_by_pillar(client, catalog, courses):
    assert titles(client.get(catalog.url, {"pillar": "power"})) == [
        "Budget fights", "Tenant organizing"]


def test_filter_by_policy_area(client, catalog, courses):
    assert titles(client.get(catalog.url, {"area": "workers"})) == ["Wage boards"]


def test_filter_by_format(client, catalog, courses):
    assert titles(client.get(catalog.url, {"format": "self_paced"})) == ["Budget fights"]


def test_filters_combine(client, catalog, courses):
    assert titles(client.get(catalog.url, {"pillar": "govern", "format": "live_online"})) == [
        "Wage boards"]
    assert titles(client.get(catalog.url, {"pillar": "govern", "area": "housing"})) == []


def test_unknown_filter_values_do_not_break(client, catalog, courses):
    response = client.get(catalog.url, {"pillar": "nope", "format": "<script>", "page": "x"})
    assert response.status_code == 200
    assert titles(response) == []


def test_search_finds_courses(client, catalog, courses):
    assert titles(client.get(catalog.url, {"q": "tenant"})) == ["Tenant organizing"]


def test_search_finds_modules_and_their_course(client, catalog, courses):
    response = client.get(catalog.url, {"q": "capital funds"})
    assert titles(response) == ["Budget fights"]
    assert [m.title for m in response.context["matching_modules"]] == [
        "Participatory budgeting in practice"]
    assert "Participatory budgeting in practice" in response.content.decode()


def test_search_respects_filters(client, catalog, courses):
    assert titles(client.get(catalog.url, {"q": "money"})) == ["Budget fights"]
    assert titles(client.get(catalog.url, {"q": "money", "format": "in_person"})) == []


def test_search_with_no_match_says_so(client, catalog, courses):
    response = client.get(catalog.url, {"q": "zzzzqqq"})
    assert response.status_code == 200
    assert "No course or module matches “zzzzqqq”" in response.content.decode()


def test_draft_courses_are_not_listed(client, catalog, courses):
    courses[0].unpublish()
    assert "Tenant organizing" not in titles(client.get(catalog.url))


def test_the_next_page_of_a_filtered_catalog_keeps_its_filters(client, catalog, courses,
                                                               monkeypatch):
    from courses.models import CatalogPage

    monkeypatch.setattr(CatalogPage, "PER_PAGE", 1)
    first = client.get(catalog.url, {"pillar": "power", "format": "in_person"})
    assert titles(first) == ["Tenant organizing"]
    first = client.get(catalog.url, {"pillar": "power"})
    assert titles(first) == ["Budget fights"]
    assert 'href="?pillar=power&amp;page=2"' in first.content.decode()
    assert titles(client.get(catalog.url, {"pillar": "power", "page": "2"})) == [
        "Tenant organizing"]
