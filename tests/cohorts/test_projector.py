"""The projector view of a session's check-in: a large QR code, the code, the address and
a live count, without the site's header, navigation or footer; an exit link back."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import Enrollment
from cohorts.services import session_check_in
from tests.conftest import UserFactory

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(course, facilitator, settings):
    settings.SITE_URL = "https://academy.example.org"
    cohort = make_cohort(course, "running", sessions=2, start_in_days=0, capacity=40,
                         status="in_progress", facilitators=[facilitator],
                         time_zone="America/Chicago")
    session = cohort.sessions.first()
    session.starts_at = timezone.now() - timedelta(minutes=5)
    session.ends_at = timezone.now() + timedelta(minutes=60)
    session.save()
    return cohort, session


def url(cohort, session, rest="live/projector/"):
    return f"/facilitate/{cohort.slug}/sessions/{session.pk}/{rest}"


def enroll(cohort, n):
    return [Enrollment.objects.create(cohort=cohort, user=UserFactory(), status="enrolled")
            for _ in range(n)]


def test_projector_view_has_no_site_chrome_and_everything_a_room_needs(client, live,
                                                                       facilitator):
    cohort, session = live
    learners = enroll(cohort, 3)
    session_check_in(code=session.check_in_code, user=learners[0].user)
    client.force_login(facilitator)
    html = client.get(url(cohort, session)).content.decode()
    assert '<body class="projector">' in html
    for chrome in ('id="nav-search"', "<nav", "<footer", "Skip to main content"):
        assert chrome not in html, chrome
    assert "<svg" in html and "QR code: check in to" in html
    assert 'width="' not in html.split("<svg", 1)[1].split(">", 1)[0]  # sized by CSS
    assert "academy.example.org/check-in/" + session.check_in_code in html
    assert f"<code>{session.check_in_code}</code>" in html
    assert "<strong>1</strong> of 3 checked in" in html
    assert 'hx-trigger="every 5s"' in html and url(cohort, session, "live/projector/count/") in html
    assert "CST" in html or "CDT" in html  # the session's time with its zone
    assert f'href="/facilitate/{cohort.slug}/sessions/{session.pk}/">Exit projector view' in html
    assert "<script>" not in html  # static scripts only (strict CSP)


def test_the_count_updates(client, live, facilitator):
    cohort, session = live
    learners = enroll(cohort, 4)
    client.force_login(facilitator)
    count_url = url(cohort, session, "live/projector/count/")
    assert "<strong>0</strong> of 4 checked in" in client.get(count_url).content.decode()
    for e in learners[:2]:
        session_check_in(code=session.check_in_code, user=e.user)
    partial = client.get(count_url).content.decode()
    assert "<strong>2</strong> of 4 checked in" in partial and "<html" not in partial


def test_reached_from_the_session_and_live_pages(client, live, facilitator):
    cohort, session = live
    client.force_login(facilitator)
    for page in ("", "live/"):
        html = client.get(url(cohort, session, page)).content.decode()
        assert f'href="{url(cohort, session)}"' in html


def test_only_the_cohorts_facilitators_and_staff(client, live, official, staff):
    cohort, session = live
    assert client.get(url(cohort, session)).status_code == 302  # to the login page
    client.force_login(official)
    assert client.get(url(cohort, session)).status_code == 404
    assert client.get(url(cohort, session, "live/projector/count/")).status_code == 404
    client.force_login(staff)
    assert client.get(url(cohort, session)).status_code == 200


def test_projector_query_count_does_not_grow_with_the_room(client, live, facilitator):
    # Guards against a query per learner (the count is two COUNTs, whatever the size).
    cohort, session = live
    client.force_login(facilitator)
    enroll(cohort, 2)
    client.get(url(cohort, session))
    counts = []
    for more in (0, 30):
        for e in enroll(cohort, more):
            session_check_in(code=session.check_in_code, user=e.user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(cohort, session)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
