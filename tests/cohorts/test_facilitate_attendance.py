"""The facilitator workspace for attendance: permissions on every URL, the sheet (htmx and
plain POST), mark all present, the grid, the roster, exports, the live screen and the
meeting report import."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from cohorts.models import Attendance, Enrollment
from cohorts.services import attendance_record
from tests.conftest import OrganizationFactory, UserFactory

from .conftest import make_cohort

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def setup(course, facilitator, modules):
    cohort = make_cohort(course, "running", sessions=4, start_in_days=-15, capacity=20,
                         status="in_progress", facilitators=[facilitator])
    rosa = UserFactory(email="rosa.diaz@example.org", first_name="Rosa", last_name="Diaz",
                       jurisdiction_name="Town of Alma", state="WI")
    sam = UserFactory(email="sam@example.org", first_name="Samuel", last_name="Okafor",
                      preferred_name="Sam")
    jo = UserFactory(email="jo@example.org", first_name="Jo", last_name="Park")
    rows = {
        (u.preferred_name or u.first_name): Enrollment.objects.create(
            cohort=cohort, user=u, status="enrolled",
            accessibility_needs="Captions please" if u is rosa else "",
        )
        for u in (rosa, sam, jo)
    }
    pending = Enrollment.objects.create(cohort=cohort, user=UserFactory(first_name="Pat"),
                                        status="pending")
    session = cohort.sessions.first()
    return cohort, session, rows, pending


def urls(cohort, session, enrollment):
    base = f"/facilitate/{cohort.slug}/"
    s = f"{base}sessions/{session.pk}/"
    return [
        base, base + f"enrollments/{enrollment.pk}/approve/",
        base + "roster/", base + "roster.csv", base + "attendance.csv", base + "attendance/",
        base + "sessions/", s, s + "attendance/", s + "attendance/all-present/",
        s + f"attendance/{enrollment.pk}/", s + "live/", s + "live/checked-in/", s + "import/",
        s + "import/confirm/",
    ]


def test_every_facilitator_url_refuses_outsiders(client, setup, course):
    cohort, session, rows, _ = setup
    other_facilitator = UserFactory()
    make_cohort(course, "theirs", facilitators=[other_facilitator])
    learner = rows["Rosa"].user
    partner = UserFactory(organization=OrganizationFactory(is_academy=False))
    post = {f"status-{rows['Rosa'].pk}": "present", "payload": "x"}
    for url in urls(cohort, session, rows["Rosa"]):
        client.logout()
        for method in (client.get, client.post):
            response = method(url, post)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/"), url
        for person in (other_facilitator, learner, partner):
            client.force_login(person)
            assert client.get(url).status_code == 404, (url, person)
            assert client.post(url, post).status_code == 404, (url, person)
    assert not Attendance.objects.exists()
    rows["Rosa"].refresh_from_db()
    assert rows["Rosa"].status == "enrolled"
    for person in (learner, partner):  # no dashboard for people who facilitate nothing
        client.force_login(person)
        assert client.get("/facilitate/").status_code == 404
    client.force_login(other_facilitator)
    assert f"/facilitate/{cohort.slug}/" not in client.get("/facilitate/").content.decode()


def test_facilitator_and_staff_open_every_page(client, setup, facilitator, staff):
    cohort, session, rows, _ = setup
    for person in (facilitator, staff):
        client.force_login(person)
        for url in urls(cohort, session, rows["Rosa"]):
            if url.endswith(("all-present/", f"attendance/{rows['Rosa'].pk}/", "confirm/",
                             "/approve/")):
                assert client.get(url).status_code == 405, url
            else:
                assert client.get(url).status_code == 200, url


def test_session_of_another_cohort_is_404(client, setup, facilitator, course):
    cohort, _, rows, _ = setup
    elsewhere = make_cohort(course, "elsewhere", facilitators=[facilitator])
    other_session = elsewhere.sessions.first()
    client.force_login(facilitator)
    assert client.get(f"/facilitate/{cohort.slug}/sessions/{other_session.pk}/attendance/"
                      ).status_code == 404


def test_sheet_lists_labelled_radio_groups(client, setup, facilitator):
    cohort, session, rows, _ = setup
    client.force_login(facilitator)
    html = client.get(f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/"
                      ).content.decode()
    e = rows["Rosa"]
    assert "<caption>" in html and 'scope="row"' in html
    assert "<legend class=\"visually-hidden\">Attendance of Rosa Diaz</legend>" in html
    for value in ("present", "late", "excused", "absent"):
        assert f'<label class="form-check-label" for="st-{e.pk}-{value}">' in html
    assert f'<label class="visually-hidden" for="note-{e.pk}">Note for Rosa Diaz</label>' in html
    assert f'hx-post="/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/{e.pk}/"' in html
    assert "Pat" not in html  # pending applicants are not on the sheet


def test_htmx_row_saves_at_once_and_returns_the_row(client, setup, facilitator):
    cohort, session, rows, _ = setup
    e = rows["Sam"]
    client.force_login(facilitator)
    url = f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/{e.pk}/"
    response = client.post(url, {f"status-{e.pk}": "late", f"note-{e.pk}": "Traffic"},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith(f'<tr id="row-{e.pk}"')
    assert "<strong>Saved</strong>" in html and 'value="late" checked' in html
    mark = Attendance.objects.get()
    assert (mark.status, mark.note, mark.marked_by, mark.source) == (
        "late", "Traffic", facilitator, "facilitator")
    client.post(url, {f"status-{e.pk}": "present", f"note-{e.pk}": "Traffic"},
                HTTP_HX_REQUEST="true")
    assert Attendance.objects.get().status == "present"
    assert Attendance.objects.count() == 1
    bad = client.post(url, {f"status-{e.pk}": "asleep"}, HTTP_HX_REQUEST="true")
    assert "Not saved" in bad.content.decode()
    assert Attendance.objects.get().status == "present"


def test_whole_sheet_posts_without_javascript(client, setup, facilitator):
    cohort, session, rows, _ = setup
    client.force_login(facilitator)
    url = f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/"
    # A note without a mark is a bad row: nothing is saved, the row is named.
    sheet = {
        f"status-{rows['Rosa'].pk}": "present", f"status-{rows['Sam'].pk}": "excused",
        f"note-{rows['Sam'].pk}": "Budget hearing", f"note-{rows['Jo'].pk}": "no mark",
    }
    response = client.post(url, sheet)
    assert response.status_code == 400
    assert "Jo Park: choose present, late, excused or absent before adding a note" in \
        response.content.decode()
    assert not Attendance.objects.exists()
    sheet[f"note-{rows['Jo'].pk}"] = ""
    response = client.post(url, sheet)
    assert response.status_code == 302 and response["Location"] == url
    marks = {a.enrollment.user.first_name: (a.status, a.note)
             for a in Attendance.objects.select_related("enrollment__user")}
    assert marks == {"Rosa": ("present", ""), "Samuel": ("excused", "Budget hearing")}


def test_mark_all_present(client, setup, facilitator):
    cohort, session, rows, _ = setup
    attendance_record(session=session, enrollment=rows["Jo"], status="excused",
                      actor=facilitator)
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/all-present/", follow=True)
    assert "2 learners without a mark are now present" in response.content.decode()
    assert sorted(Attendance.objects.values_list("status", flat=True)) == [
        "excused", "present", "present"]


def test_grid_shows_rates(client, setup, facilitator):
    cohort, session, rows, _ = setup
    sessions = list(cohort.sessions.all())
    for e, marks in ((rows["Rosa"], ["present", "present", "present"]),
                     (rows["Sam"], ["late", "excused", "absent"]),
                     (rows["Jo"], ["absent", None, None])):
        for s, status in zip(sessions, marks, strict=False):
            if status:
                attendance_record(session=s, enrollment=e, status=status, actor=facilitator)
    client.force_login(facilitator)
    html = client.get(f"/facilitate/{cohort.slug}/attendance/").content.decode()
    assert "<caption>" in html
    assert '<abbr title="Late">L</abbr>' in html and '<abbr title="Not marked">?</abbr>' in html
    assert "67%" in html  # session 1: 2 of 3; Rosa 100%, Sam 50%, Jo 0%
    assert "100%" in html and "50%" in html and "0%" in html
    # A mark the choices do not know (written outside the services) shows as not marked.
    Attendance.objects.filter(enrollment=rows["Rosa"]).update(status="unheard-of")
    response = client.get(f"/facilitate/{cohort.slug}/attendance/")
    assert response.status_code == 200
    assert "unheard-of" not in response.content.decode()
    assert html.count("(at risk)") == 2


def test_roster_filters_sorts_searches(client, setup, facilitator):
    cohort, session, rows, pending = setup
    for s in cohort.sessions.all()[:3]:
        attendance_record(session=s, enrollment=rows["Rosa"], status="present",
                          actor=facilitator)
    client.force_login(facilitator)
    base = f"/facilitate/{cohort.slug}/roster/"
    html = client.get(base).content.decode()
    assert "Captions please" in html and "Town of Alma" in html and "WI" in html
    assert "100%" in html and "At risk" in html and "On track" in html
    assert "Approve<span" in html  # pending applicant actions on the roster
    only_risk = client.get(base + "?on_track=no").content.decode()
    assert "Rosa Diaz" not in only_risk and "Jo Park" in only_risk
    assert "Jo Park" not in client.get(base + "?on_track=yes").content.decode()
    search = client.get(base + "?q=okaf").content.decode()
    assert "Sam Okafor" in search and "Rosa Diaz" not in search
    pend = client.get(base + "?status=pending").content.decode()
    assert "Pat " in pend and "Rosa Diaz" not in pend
    by_attendance = client.get(base + "?sort=attendance&dir=desc").content.decode()
    assert by_attendance.index("Rosa Diaz") < by_attendance.index("Jo Park")


def test_roster_actions_come_back_to_the_roster(client, setup, facilitator):
    cohort, _, _, pending = setup
    client.force_login(facilitator)
    back = f"/facilitate/{cohort.slug}/roster/?status=pending"
    response = client.post(f"/facilitate/{cohort.slug}/enrollments/{pending.pk}/approve/",
                           {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    pending.refresh_from_db()
    assert pending.status == "enrolled"
    evil = client.post(f"/facilitate/{cohort.slug}/enrollments/{pending.pk}/remove/",
                       {"next": "https://evil.example.com/", "confirmed": "1"})
    assert evil["Location"] == f"/facilitate/{cohort.slug}/"


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for spreadsheets
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_exports_are_csv_and_formula_safe(client, setup, facilitator):
    cohort, session, rows, _ = setup
    rows["Jo"].user.first_name = "=HYPERLINK(\"http://x\")"
    rows["Jo"].user.save()
    attendance_record(session=session, enrollment=rows["Rosa"], status="late",
                      actor=facilitator, note="+1 555 0100")
    client.force_login(facilitator)
    roster = client.get(f"/facilitate/{cohort.slug}/roster.csv")
    assert roster["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in roster["Content-Disposition"]
    data = read_csv(roster)
    assert data[0][:3] == ["Name", "Email", "Status"]
    names = [r[0] for r in data[1:]]
    assert "'=HYPERLINK(\"http://x\") Park" in names and "Rosa Diaz" in names
    attendance = read_csv(client.get(f"/facilitate/{cohort.slug}/attendance.csv"))
    assert attendance[0] == ["Name", "Email", "Session", "Session starts", "Status", "Note",
                             "Source", "Marked by", "Marked at"]
    assert len(attendance) == 1 + 3 * 4  # one row per learner per session
    rosa = [r for r in attendance if r[0] == "Rosa Diaz" and r[2] == session.title][0]
    assert rosa[4:8] == ["late", "'+1 555 0100", "facilitator", "Marcus Bell"]


def test_session_page_has_qr_and_live_screen_polls(client, setup, facilitator, settings):
    settings.SITE_URL = "https://academy.example.org"
    cohort, session, rows, _ = setup
    session.starts_at = timezone.now() - timedelta(minutes=5)
    session.ends_at = timezone.now() + timedelta(minutes=60)
    session.save()
    from cohorts.services import session_check_in

    session_check_in(code=session.check_in_code, user=rows["Rosa"].user)
    client.force_login(facilitator)
    page = client.get(f"/facilitate/{cohort.slug}/sessions/{session.pk}/").content.decode()
    assert "<svg" in page and "QR code: check in to" in page
    assert f"https://academy.example.org/check-in/{session.check_in_code}/" in page
    live = client.get(f"/facilitate/{cohort.slug}/sessions/{session.pk}/live/").content.decode()
    assert 'hx-trigger="every 5s"' in live and "Checked in: 1 of 3" in live
    assert "Rosa Diaz" in live and session.check_in_code in live
    partial = client.get(f"/facilitate/{cohort.slug}/sessions/{session.pk}/live/checked-in/")
    assert "<html" not in partial.content.decode() and "Rosa Diaz" in partial.content.decode()


def test_dashboard_counts(client, setup, facilitator):
    cohort, session, rows, _ = setup
    client.force_login(facilitator)
    html = client.get("/facilitate/").content.decode()
    assert "At risk" in html and "3<span class=\"visually-hidden\"> at risk" in html
    assert "3<span class=\"visually-hidden\"> enrolled" in html
    assert "1<span class=\"visually-hidden\"> applicants" in html


def test_learner_sees_own_progress_on_me(client, setup, facilitator):
    cohort, session, rows, _ = setup
    attendance_record(session=session, enrollment=rows["Rosa"], status="present",
                      actor=facilitator)
    client.force_login(rows["Rosa"].user)
    html = client.get("/me/").content.decode()
    assert "<strong>Attendance:</strong> 33% (1 of 3 sessions held)" in html
    assert "<strong>Required modules:</strong> 0 of 2 done." in html
    assert "not on track" in html  # 1 + 1 remaining of 4 sessions is below 75%
