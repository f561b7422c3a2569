"""Catalog search: any text a person (or a bot) types gets results or a friendly "no
results", never a 500; matching modules name their course."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.selectors import search_query
from tests.conftest import make_course, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalog):
    tenants = make_course(catalog, "Tenant organizing", summary="Work with tenant unions.")
    budgets = make_course(catalog, "Budget fights", summary="Follow the money.")
    make_module(budgets, "Participatory budgeting in practice",
                body=[("text", "<p>Residents allocate a share of capital funds.</p>")])
    make_module(tenants, "Rent stabilization", body=[("text", "<p>Colón and Hawaiʻi.</p>")])
    return tenants, budgets


def titles(response):
    return [c.title for c in response.context["courses"]]


@pytest.mark.parametrize("q", [
    'tenant"', '"tenant', '"', '""', 'a"b"c"', "tenant\x00", "\x00", "te\x00nant",
    "tenant\x1b", "AND", "OR NOT", "NEAR(a b)", "tenant*", "(", "^", "tenant:", "'", "\\",
    "50%", "%s", "-tenant", "+", "é\u0301",
])
def test_odd_queries_never_fail(client, catalog, courses, q):
    response = client.get(catalog.url, {"q": q})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_unpaired_quote_still_finds_the_word(client, catalog, courses):
    # The header search box sent `tenant"` and got a server error.
    for q in ('tenant"', '"tenant', 'tenant\x00'):
        response = client.get(catalog.url, {"q": q})
        assert titles(response) == ["Tenant organizing"], q
        assert "1 course matching" in response.content.decode()


def test_bytes_that_are_not_utf8_are_a_query_too(client, catalog, courses):
    response = client.get(catalog.url + "?q=%ED%A0%80tenant%FF%22")
    assert response.status_code == 200


def test_header_search_box_reaches_the_catalog(client, catalog, courses):
    html = client.get(catalog.url).content.decode()
    assert 'id="nav-search" name="q"' in html
    assert client.get("/catalog/", {"q": 'tenant"'}).status_code == 200


def test_quoted_words_are_a_phrase(client, catalog, courses):
    response = client.get(catalog.url, {"q": '"capital funds"'})
    assert [m.title for m in response.context["matching_modules"]] == [
        "Participatory budgeting in practice"]
    response = client.get(catalog.url, {"q": '"funds capital"'})
    assert response.context["matching_modules"] == []


def test_nothing_searchable_says_no_results(client, catalog, courses):
    response = client.get(catalog.url, {"q": '"*" -- !!'})
    assert response.status_code == 200
    assert titles(response) == []
    assert "No course or module matches" in response.content.decode()


def test_search_query_keeps_words_and_phrases():
    assert search_query("   ") is None
    assert search_query('"') is None
    assert search_query("tenant\x00union").query_string == "tenant union"
    query = search_query('rent "tenant union" control')
    assert [type(q).__name__ for q in query.subqueries] == ["PlainText", "Phrase"]
    assert query.subqueries[0].query_string == "rent control"
    assert query.subqueries[1].query_string == "tenant union"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(q=st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(['"', "'", "\x00", "*", "AND", "NOT", "(", ")", ":", "^", "\\",
                              "-", "+", "%", "tenant", "capital funds", "Colón", " ", "NEAR",
                              "\u200b", "\t", "\ufeff"]), max_size=12).map("".join),
))
def test_any_query_gets_a_page(client, catalog, courses, q):
    response = client.get(catalog.url, {"q": q})
    assert response.status_code == 200


def test_matching_modules_link_their_course(client, catalog, courses):
    response = client.get(catalog.url, {"q": "capital funds"})
    html = response.content.decode()
    budgets = courses[1]
    assert 'in <a href="/catalog/budget-fights/">Budget fights</a>' in html
    assert response.context["matching_modules"][0].course.pk == budgets.pk


def test_search_results_query_count_is_constant(client, catalog, courses):
    # Prevents a query per matching module to find (and link) its course.
    def count(q):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(catalog.url, {"q": q})
        assert response.status_code == 200
        return len(ctx.captured_queries), len(response.context["matching_modules"])

    client.get(catalog.url, {"q": "zebra"})  # warm Wagtail's per-site caches
    for i in range(2):
        c = make_course(catalog, f"Zebra course {i}")
        make_module(c, f"Zebra module {i}")
    few = count("zebra")
    for i in range(2, 8):
        c = make_course(catalog, f"Zebra course {i}")
        make_module(c, f"Zebra module {i}")
        make_module(c, f"Zebra extra {i}")
    many = count("zebra")
    assert (few[1], many[1]) == (2, 14)
    assert few[0] == many[0], (few, many)
