"""Self check-in pages: /check-in/ (type the code) and /check-in/<code>/ (the QR link)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cohorts.models import Attendance, Enrollment, Session

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(course, facilitator, official):
    cohort = make_cohort(course, "live", sessions=0, status="in_progress",
                         facilitators=[facilitator])
    start = timezone.now() - timedelta(minutes=2)
    session = Session.objects.create(cohort=cohort, title="Budget basics", starts_at=start,
                                     ends_at=start + timedelta(minutes=90),
                                     check_in_code="QR7K2M")
    Enrollment.objects.create(cohort=cohort, user=official, status="enrolled")
    return session


def test_anonymous_is_sent_to_login_and_back(client, live):
    for url in ("/check-in/", "/check-in/QR7K2M/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"
    assert client.post("/check-in/QR7K2M/").status_code == 302
    assert not Attendance.objects.exists()


def test_qr_link_asks_then_checks_in(client, live, official):
    client.force_login(official)
    page = client.get("/check-in/qr7k2m/").content.decode()
    assert "Check me in" in page and "Budget basics" in page
    assert not Attendance.objects.exists()  # a visit alone records nothing
    done = client.post("/check-in/QR7K2M/").content.decode()
    assert "You are checked in" in done and "present" in done
    assert Attendance.objects.get().source == "self_check_in"


def test_typed_code_form(client, live, official):
    client.force_login(official)
    page = client.get("/check-in/").content.decode()
    assert 'for="id_code"' in page and 'id="id_code"' in page
    wrong = client.post("/check-in/", {"code": "ZZZZZZ"}).content.decode()
    assert "does not match a session" in wrong
    assert "You are checked in" in client.post("/check-in/", {"code": "qr7k2m"}).content.decode()
    assert Attendance.objects.count() == 1


def test_not_theirs_and_closed_window_are_explained(client, live, user_factory, official):
    stranger = user_factory()
    client.force_login(stranger)
    page = client.get("/check-in/QR7K2M/").content.decode()
    assert "Budget basics" not in page  # the session is not revealed to strangers
    assert "You are not enrolled" in client.post("/check-in/QR7K2M/").content.decode()
    live.starts_at = timezone.now() + timedelta(hours=2)
    live.ends_at = live.starts_at + timedelta(minutes=90)
    live.save()
    client.force_login(official)
    assert "opens at" in client.post("/check-in/", {"code": "QR7K2M"}).content.decode()
    assert not Attendance.objects.exists()


def test_wrong_codes_lock_out(client, live, official):
    client.force_login(official)
    for _ in range(5):
        client.post("/check-in/", {"code": "BAD999"})
    page = client.post("/check-in/", {"code": "QR7K2M"}).content.decode()
    assert "Too many wrong codes" in page
    assert not Attendance.objects.exists()
