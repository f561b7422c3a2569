"""Every page type renders, with its content, in a bounded number of queries."""

import pytest

from courses.models import CourseFormat, Pillar, PolicyArea
from tests.conftest import OrganizationFactory, make_course, make_module

pytestmark = pytest.mark.django_db

ALL_BLOCKS = [
    ("heading", {"text": "Mapping power", "level": "h2"}),
    ("text", "<p>Budgets are <b>moral</b> documents.</p>"),
    ("video", {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Intro video",
               "duration_minutes": 5, "transcript": "<p>Transcript here.</p>"}),
    ("reading", {"title": "A guide to budgets", "source": "Policy Library",
                 "url": "https://library.example.org/budgets", "document": None,
                 "note": "Read the first chapter.", "estimated_minutes": 15}),
    ("discussion_prompt", {"question": "Who decides the budget where you serve?",
                           "guidance": "Pairs, five minutes."}),
    ("activity", {"title": "Draw your power map", "duration_minutes": 20,
                  "instructions": "<ol><li>List decision makers</li></ol>",
                  "deliverable": "A one-page map"}),
    ("case_study", {"title": "Participatory budgeting", "jurisdiction": "City of Vallejo",
                    "jurisdiction_type": "city", "state": "CA", "year": 2012,
                    "summary": "<p>Residents voted on capital projects.</p>",
                    "lessons": [{"type": "item", "value": "Start small", "id": "a1"}]}),
    ("callout", {"style": "tip", "title": "Remember", "text": "<p>Bring allies early.</p>"}),
    ("facilitator_note", {"title": "Timing", "text": "<p>Keep it to ten minutes.</p>"}),
]


def test_home_page(client, site_tree, course):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Learn to govern" in html
    assert course.title in html


def test_course_page_shows_everything(client, catalog):
    partner = OrganizationFactory(name="Civic Partners", slug="civic")
    pillar = Pillar.objects.create(name="Build power", slug="power")
    area = PolicyArea.objects.create(name="Housing", slug="housing")
    course = make_course(catalog, "Housing justice", co_authors=[partner], pillars=[pillar],
                         areas=[area], fmt=CourseFormat.HYBRID)
    make_module(course, "Tenant protections", authors=[partner])
    html = client.get(course.url).content.decode()
    for text in ("Housing justice", "How to read and shape a budget.", "Read a budget",
                 "Build power", "Housing", "Hybrid", "6 hours", "Civic Partners",
                 "Tenant protections"):
        assert text in html, text


def test_module_page_renders_every_block(client, course):
    partner = OrganizationFactory(name="Budget Lab", slug="budget-lab")
    module = make_module(course, "All blocks", body=ALL_BLOCKS, authors=[partner])
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("<h2>Mapping power</h2>", "<b>moral</b>",
                 "https://www.youtube-nocookie.com/embed/abcdefghijk", 'title="Intro video"',
                 "A guide to budgets", "Who decides the budget", "Draw your power map",
                 "City of Vallejo", "Start small", "Bring allies early",
                 "written by Budget Lab", course.title):
        assert text in html, text
    assert "Keep it to ten minutes" not in html  # for facilitators only


def test_catalog_page(client, catalog, course):
    html = client.get(catalog.url).content.decode()
    assert course.title in html


def test_module_page_query_count(client, course, django_assert_max_num_queries):
    # Guards against per-block or per-sibling queries on the page people read most.
    module = make_module(course, "Counted", body=ALL_BLOCKS)
    for i in range(8):
        make_module(course, f"Sibling {i}")
    with django_assert_max_num_queries(12):
        assert client.get(module.url).status_code == 200


def test_module_page_query_count_signed_in(client, course, official,
                                           django_assert_max_num_queries):
    module = make_module(course, "Counted", body=ALL_BLOCKS)
    client.force_login(official)
    client.get(module.url)  # warm the session
    # One more than anonymous: whether they facilitate the course (facilitator notes).
    with django_assert_max_num_queries(13):
        assert client.get(module.url).status_code == 200


def test_course_page_queries_do_not_grow_with_modules(client, catalog):
    # Prevents an N+1 over modules (authors, completion) on the course page.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partner = OrganizationFactory()
    small = make_course(catalog, "Small course", co_authors=[partner])
    big = make_course(catalog, "Big course", co_authors=[partner])
    for i in range(5):
        make_module(small, f"Module {i}", authors=[partner])
    for i in range(50):
        make_module(big, f"Module {i}", authors=[partner])
    client.get(small.url)  # warm Wagtail's per-site caches before counting
    counts = []
    for course in (small, big):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(course.url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_catalog_queries_do_not_grow_with_courses(client, catalog, settings):
    # Prevents an N+1 over course cards (pillars, areas, partners, module counts).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partner = OrganizationFactory()
    pillar = Pillar.objects.create(name="Build power", slug="power")
    area = PolicyArea.objects.create(name="Housing", slug="housing")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(catalog.url).status_code == 200
        return len(ctx.captured_queries)

    for i in range(5):
        c = make_course(catalog, f"Course {i:02d}", co_authors=[partner], pillars=[pillar],
                        areas=[area])
        make_module(c, f"M {i}")
    client.get(catalog.url)  # warm Wagtail's per-site caches before counting
    five = count()
    for i in range(5, 50):
        c = make_course(catalog, f"Course {i:02d}", co_authors=[partner], pillars=[pillar],
                        areas=[area])
    fifty = count()
    assert five == fifty, (five, fifty)
