"""Issuing to eligible learners: attendance and required modules decide; the facilitator's
certificates page issues to all of them with a progress bar, or to one, or overrides."""

import pytest
from django.core import mail

from certificates.models import Certificate
from cohorts.models import Attendance
from courses.models import ModuleCompletion
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
def roster(finished_cohort, modules):
    """Three sessions held, minimum 75%: who qualifies and who does not."""
    finished_cohort.min_attendance_percent = 75
    finished_cohort.save()
    people = {
        "eligible": UserFactory(first_name="Eli", last_name="Gible"),
        "excused": UserFactory(first_name="Ex", last_name="Cused"),  # 2/2 after an excuse
        "low": UserFactory(first_name="Lo", last_name="Attendance"),  # 1/3
        "modules": UserFactory(first_name="Mo", last_name="Dules"),  # attended, modules missing
    }
    e = {k: enroll(finished_cohort, u) for k, u in people.items()}
    attend(finished_cohort, e["eligible"], ["present", "late", "present"])
    attend(finished_cohort, e["excused"], ["present", "excused", "late"])
    attend(finished_cohort, e["low"], ["present", "absent", "absent"])
    attend(finished_cohort, e["modules"], ["present", "present", "present"])
    for key in ("eligible", "excused", "low"):
        complete_required(people[key], modules)
    return e


def page(cohort):
    return f"/facilitate/{cohort.slug}/certificates/"


def test_issue_to_every_eligible_learner(client, finished_cohort, facilitator, roster,
                                         django_capture_on_commit_callbacks):
    client.force_login(facilitator)
    html = client.get(page(finished_cohort)).content.decode()
    assert "Issue to every eligible learner (2)" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page(finished_cohort), {"action": "issue_all"})
    assert response.status_code == 302
    issued = set(Certificate.objects.values_list("enrollment_id", flat=True))
    assert issued == {roster["eligible"].pk, roster["excused"].pk}
    assert all(c.render_status == "done" for c in Certificate.objects.all())
    assert len([m for m in mail.outbox if "Your certificate" in m.subject]) == 2
    # Clicking again issues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page(finished_cohort), {"action": "issue_all"})
    assert Certificate.objects.count() == 2
    # The progress partial reports completion (htmx stops polling once done).
    progress = client.get(page(finished_cohort) + "progress/").content.decode()
    assert "2 of 2 certificate PDFs ready: all done" in progress
    assert "hx-trigger" not in progress


def test_progress_bar_polls_while_pdfs_render(client, finished_cohort, facilitator, roster):
    client.force_login(facilitator)
    client.post(page(finished_cohort), {"action": "issue_all"})  # on_commit not run: pending
    html = client.get(page(finished_cohort) + "progress/").content.decode()
    assert "0 of 2 certificate PDFs ready" in html
    assert 'hx-trigger="every 1s"' in html
    assert "<progress" in html and "max=\"2\"" in html


def test_not_eligible_needs_an_override_with_a_reason(client, finished_cohort, facilitator,
                                                      roster):
    client.force_login(facilitator)
    low = roster["low"]
    response = client.post(page(finished_cohort), {"action": "issue_one", "enrollment": low.pk},
                           follow=True)
    assert "has not met the completion rule" in response.content.decode()
    response = client.post(page(finished_cohort),
                           {"action": "override", "enrollment": low.pk, "reason": ""}, follow=True)
    assert "write the reason" in response.content.decode()
    assert not Certificate.objects.exists()
    client.post(page(finished_cohort), {"action": "override", "enrollment": low.pk,
                                        "reason": "Missed sessions for a council vote."})
    certificate = Certificate.objects.get()
    assert certificate.override_reason == "Missed sessions for a council vote."
    assert certificate.issued_by == facilitator


def test_certificates_page_is_for_the_cohorts_facilitators_and_staff(
    client, finished_cohort, roster, staff
):
    url = page(finished_cohort)
    assert client.get(url).status_code == 302  # anonymous -> login
    assert client.post(url, {"action": "issue_all"}).status_code == 302
    for outsider in (UserFactory(), UserFactory(organization=OrganizationFactory()),
                     roster["eligible"].user):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "issue_all"}).status_code == 404
        assert client.get(url + "progress/").status_code == 404
    assert not Certificate.objects.exists()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_learner_sees_and_shares_their_certificate(client, finished_cohort, facilitator, roster,
                                                   django_capture_on_commit_callbacks):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page(finished_cohort), {"action": "issue_all"})
    certificate = Certificate.objects.get(enrollment=roster["eligible"])
    client.force_login(roster["eligible"].user)
    html = client.get("/me/").content.decode()
    assert certificate.code in html
    assert certificate.pdf_url in html
    verify = client.get(certificate.get_absolute_url()).content.decode()
    assert "linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in verify
