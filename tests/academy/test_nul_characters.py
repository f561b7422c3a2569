"""A NUL character in an address or a query string is bad input, not a server error
(PostgreSQL refuses NUL in text: these were 500s on the check-in, calendar and roster
pages)."""

import pytest

from cohorts.services import enrollment_create
from tests.cohorts.conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [
    "/check-in/A%00B/", "/me/calendar/abc%00def.ics", "/certificates/abc%00/",
    "/catalog/%00/",
])
def test_an_address_with_nul_is_not_found(client, official, course, path):
    client.force_login(official)
    response = client.get(path)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_nul_in_a_query_string_is_dropped(client, staff, course, official):
    cohort = make_cohort(course)
    enrollment_create(cohort=cohort, user=official)
    client.force_login(staff)
    response = client.get(f"/facilitate/{cohort.slug}/roster/?q=Ro%00sa")
    assert response.status_code == 200
    assert "Rosa" in response.content.decode()
