"""Closing a cohort: attendance and required modules decide each learner's result; the
completed get their certificate (with a progress bar), the others a kind email saying what
was missing. Before the close, a certificate is only an exception with a written reason."""

import pytest
from django.core import mail

from certificates.models import Certificate
from cohorts.models import Attendance, Enrollment
from courses.models import ModuleCompletion
from tests.cohorts.conftest import make_cohort
from tests.conftest import OrganizationFactory, UserFactory

from .conftest import enroll

pytestmark = pytest.mark.django_db


def attend(cohort, enrollment, statuses):
    for session, status in zip(cohort.sessions.order_by("starts_at"), statuses, strict=False):
        Attendance.objects.create(session=session, enrollment=enrollment, status=status)


def complete_required(user, modules):
    for module in modules:
        if module.required:
            ModuleCompletion.objects.create(user=user, module=module)


@pytest.fixture
def ended_cohort(course, modules, facilitator):
    """Running, its three sessions over: ready to close."""
    return make_cohort(course, "ended", title="Autumn cohort", status="in_progress",
                       facilitators=[facilitator], sessions=3, start_in_days=-40,
                       min_attendance_percent=75)


@pytest.fixture
def roster(ended_cohort, modules):
    """Three sessions held, minimum 75%: who qualifies and who does not."""
    people = {
        "eligible": UserFactory(first_name="Eli", last_name="Gible"),
        "excused": UserFactory(first_name="Ex", last_name="Cused"),  # 2/2 after an excuse
        "low": UserFactory(first_name="Lo", last_name="Attendance"),  # 1/3
        "modules": UserFactory(first_name="Mo", last_name="Dules"),  # attended, modules missing
    }
    e = {k: enroll(ended_cohort, u) for k, u in people.items()}
    attend(ended_cohort, e["eligible"], ["present", "late", "present"])
    attend(ended_cohort, e["excused"], ["present", "excused", "late"])
    attend(ended_cohort, e["low"], ["present", "absent", "absent"])
    attend(ended_cohort, e["modules"], ["present", "present", "present"])
    for key in ("eligible", "excused", "low"):
        complete_required(people[key], modules)
    return e


def page(cohort, what="certificates"):
    return f"/facilitate/{cohort.slug}/{what}/"


def test_closing_records_results_issues_certificates_and_tells_everyone(
        client, ended_cohort, facilitator, roster, django_capture_on_commit_callbacks):
    client.force_login(facilitator)
    before = client.get(page(ended_cohort, "close")).content.decode()
    assert "2 of 4 would complete" in before
    assert "missing attendance of 75% of the sessions (yours: 33%" in before
    assert "missing the required modules (0 of 2 done)" in before
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page(ended_cohort, "close"))
    assert response.status_code == 302
    statuses = dict(Enrollment.objects.values_list("pk", "status"))
    assert {k: statuses[e.pk] for k, e in roster.items()} == {
        "eligible": "completed", "excused": "completed", "low": "not_completed",
        "modules": "not_completed"}
    issued = set(Certificate.objects.values_list("enrollment_id", flat=True))
    assert issued == {roster["eligible"].pk, roster["excused"].pk}
    assert all(c.render_status == "done" for c in Certificate.objects.all())
    assert len([m for m in mail.outbox if "Your certificate" in m.subject]) == 2
    kind = [m for m in mail.outbox if "Your result in" in m.subject]
    assert sorted(m.to[0] for m in kind) == sorted(
        [roster["low"].user.email, roster["modules"].user.email])
    low_email = next(m for m in kind if m.to == [roster["low"].user.email])
    assert "attendance of 75% of the sessions" in low_email.body
    assert "calendar.ics" not in low_email.body  # no schedule for a place that ended
    # The page now shows the results; closing again is refused with the reason.
    after = client.get(page(ended_cohort, "close")).content.decode()
    assert "Results recorded: 4 of 4" in after and "hx-trigger" not in after
    again = client.post(page(ended_cohort, "close"), follow=True).content.decode()
    assert "This cohort is finished; its results are final." in again
    assert Certificate.objects.count() == 2


def test_closing_is_refused_before_the_last_session_ends(client, course, facilitator):
    running = make_cohort(course, "running", status="in_progress", facilitators=[facilitator],
                          sessions=2, start_in_days=-2)
    client.force_login(facilitator)
    html = client.get(page(running, "close")).content.decode()
    assert "The last session, Session 2, ends" in html and "close the cohort after it" in html
    response = client.post(page(running, "close"), follow=True)
    assert "close the cohort after it" in response.content.decode()
    running.refresh_from_db()
    assert running.status == "in_progress"


def test_progress_bar_polls_while_results_and_pdfs_are_made(client, ended_cohort, facilitator,
                                                            roster):
    client.force_login(facilitator)
    client.post(page(ended_cohort, "close"))  # on_commit not run: results still to come
    html = client.get(page(ended_cohort, "close") + "progress/").content.decode()
    assert "Results recorded: 0 of 4" in html
    assert 'hx-trigger="every 2s"' in html


def test_before_the_close_a_certificate_is_an_exception_with_a_reason(
        client, ended_cohort, facilitator, roster):
    client.force_login(facilitator)
    eli = roster["eligible"]
    response = client.post(page(ended_cohort), {"action": "issue_one", "enrollment": eli.pk},
                           follow=True)
    assert "certificates are issued when the cohort is closed" in response.content.decode()
    response = client.post(page(ended_cohort),
                           {"action": "override", "enrollment": eli.pk, "reason": ""},
                           follow=True)
    assert "write the reason" in response.content.decode()
    assert not Certificate.objects.exists()
    client.post(page(ended_cohort), {"action": "override", "enrollment": eli.pk,
                                     "reason": "Leaving office before the close."})
    certificate = Certificate.objects.get()
    assert certificate.override_reason == "Leaving office before the close."
    assert certificate.issued_by == facilitator
    # Bad form values are a message, never a 500 (tests/certificates/test_bad_input.py).
    for bad in ("abc", "1e5", "", "-1"):
        response = client.post(page(ended_cohort), {"action": "issue_one", "enrollment": bad},
                               follow=True)
        assert "could not find that learner" in response.content.decode()
        response = client.post(page(ended_cohort), {"action": "reissue", "certificate": bad},
                               follow=True)
        assert "could not find that certificate" in response.content.decode()


def test_certificates_page_is_for_the_cohorts_facilitators_and_staff(
    client, ended_cohort, roster, staff
):
    url = page(ended_cohort)
    assert client.get(url).status_code == 302  # anonymous -> login
    assert client.post(url, {"action": "issue_missing"}).status_code == 302
    for outsider in (UserFactory(), UserFactory(organization=OrganizationFactory()),
                     roster["eligible"].user):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "issue_missing"}).status_code == 404
        assert client.get(url + "progress/").status_code == 404
        assert client.post(page(ended_cohort, "close")).status_code == 404
    assert not Certificate.objects.exists()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_learner_sees_and_shares_their_certificate(client, ended_cohort, facilitator, roster,
                                                   django_capture_on_commit_callbacks):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page(ended_cohort, "close"))
    certificate = Certificate.objects.get(enrollment=roster["eligible"])
    client.force_login(roster["eligible"].user)
    html = client.get("/me/").content.decode()
    assert certificate.code in html
    assert certificate.pdf_url in html
    verify = client.get(certificate.get_absolute_url()).content.decode()
    assert "linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in verify
