"""What a render does besides drawing: the credential's facts, salt and status bit are
given at issue, so a render reads the certificate once and locks only to store; a cohort's
certificates share the course's topics and the academy's settings through the shared
cache until they change; a render overtaken by a re-issue or a revocation stores nothing
and emails no one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from academy.models import OutboxEmail
from certificates import services
from certificates.models import Certificate, CertificateSettings
from cohorts.models import Attendance, EnrollmentStatus
from tests.conftest import UserFactory

from .conftest import enroll
from .test_credentials_issuing import fake_pdf, issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked(finished_cohort, facilitator):
    """A rendered certificate of a learner present, late and absent at the three sessions."""
    enrollment = enroll(finished_cohort, UserFactory(), status=EnrollmentStatus.COMPLETED)
    sessions = list(finished_cohort.sessions.order_by("starts_at"))
    for session, mark in zip(sessions, ("present", "late", "absent"), strict=True):
        Attendance.objects.create(session=session, enrollment=enrollment, status=mark)
    certificate = services.certificate_issue(enrollment=enrollment, actor=facilitator)
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    return Certificate.objects.get(pk=certificate.pk)


def test_the_credential_states_the_facts_as_of_issue_like_the_certificate(
    marked, facilitator
):
    """A mark corrected after issue changes neither the printed hours nor the signed
    attendance until the certificate is re-issued; then both change."""
    certificate = marked
    Attendance.objects.filter(enrollment=certificate.enrollment, status="absent").update(
        status="present")
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    rendered = Certificate.objects.get(pk=certificate.pk)
    assert rendered.credential["credentialSubject"]["result"][0]["value"] == "66.7"
    assert rendered.hours == certificate.hours

    services.certificate_reissue(certificate=certificate, actor=facilitator)
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    reissued = Certificate.objects.get(pk=certificate.pk)
    assert reissued.credential["credentialSubject"]["result"][0]["value"] == "100"
    assert reissued.hours > certificate.hours


def test_a_certificate_issued_before_its_facts_were_kept_is_signed_with_todays(marked):
    """Certificates issued before the credential's facts, salt and status bit were given
    at issue: the render works them out, as it used to."""
    certificate = marked
    Certificate.objects.filter(pk=certificate.pk).update(
        attendance_percent=None, modules_required=None, activity_start=None,
        activity_end=None, identity_salt="", status_list=None, status_list_index=None,
        credential=None)
    services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    rendered = Certificate.objects.get(pk=certificate.pk)
    assert len(rendered.identity_salt) == 32
    assert rendered.status_list_index == certificate.status_list_index + 1  # a fresh bit
    subject = rendered.credential["credentialSubject"]
    assert subject["result"][0]["value"] == "66.7"
    sessions = list(certificate.enrollment.cohort.sessions.order_by("starts_at"))
    assert rendered.credential["credentialSubject"]["activityStartDate"].startswith(
        sessions[0].starts_at.strftime("%Y-%m-%d"))
    assert services.credential_verify(rendered.credential).verified


def test_issuing_gives_the_status_bit_so_a_render_locks_nothing_until_it_stores(
    finished_cohort, facilitator
):
    issue(finished_cohort, facilitator)  # the settings row exists, the site is known
    certificate = issue(finished_cohort, facilitator, render=False)
    assert certificate.status_list is not None and len(certificate.identity_salt) == 32
    assert certificate.modules_required is not None
    with CaptureQueriesContext(connection) as queries:
        services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    if connection.features.has_select_for_update:  # PostgreSQL: the final store only
        locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
        assert len(locking) == 1 and '"certificates_certificate"' in locking[0]
    # The certificate, course page URL, topics, settings, the store and its email.
    assert len(queries.captured_queries) <= 11, [q["sql"][:80] for q in
                                                 queries.captured_queries]


def test_closing_a_cohort_issues_each_learner_their_own_facts_and_bit(
    finished_cohort, facilitator
):
    learners = [enroll(finished_cohort, UserFactory(), status=EnrollmentStatus.COMPLETED)
                for _ in range(3)]
    first_session = finished_cohort.sessions.order_by("starts_at").first()
    Attendance.objects.create(session=first_session, enrollment=learners[0], status="present")
    issued = services.certificate_issue_completed(cohort_id=finished_cohort.pk)
    by_learner = {c.enrollment_id: c for c in Certificate.objects.filter(
        pk__in=[c.pk for c in issued])}
    assert sorted(c.status_list_index for c in by_learner.values()) == [0, 1, 2]
    assert len({c.identity_salt for c in by_learner.values()}) == 3
    assert round(by_learner[learners[0].pk].attendance_percent, 1) == 33.3
    assert by_learner[learners[1].pk].attendance_percent == 0.0
    assert {c.activity_start for c in by_learner.values()} == {first_session.starts_at}


def test_issuing_without_a_signing_key_leaves_the_bit_to_the_render(
    settings, tmp_path, finished_cohort, facilitator
):
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    certificate = issue(finished_cohort, facilitator, render=False)
    assert certificate.status_list is None  # no list could be signed: issued all the same
    settings.CREDENTIALS_SIGNING_KEY_FILE = ""  # the key is back (the development key)
    assert services.certificate_render(certificate_id=certificate.pk, render=fake_pdf)
    rendered = Certificate.objects.get(pk=certificate.pk)
    assert rendered.status_list_index == 0
    assert services.credential_verify(rendered.credential).verified


def test_a_cohorts_credentials_share_the_course_topics_until_a_term_changes(
    settings, finished_cohort, facilitator, django_capture_on_commit_callbacks
):
    from courses.models import Pillar

    settings.PUBLIC_CACHE_SECONDS = 300  # kept with the public pages, as in production
    course = finished_cohort.course
    with django_capture_on_commit_callbacks(execute=True):
        pillar = Pillar.objects.create(name="Build power", slug="power")
        course.pillars.add(pillar)
        course.save_revision().publish()
    first = issue(finished_cohort, facilitator)
    topics = [a["targetName"] for a in first.credential["credentialSubject"]["achievement"]
              ["alignment"]]
    assert topics == ["Build power"]
    with CaptureQueriesContext(connection) as queries:
        second = issue(finished_cohort, facilitator)
    assert not [q for q in queries.captured_queries if "courses_pillar" in q["sql"]]
    assert second.credential["credentialSubject"]["achievement"]["alignment"] == (
        first.credential["credentialSubject"]["achievement"]["alignment"])
    pillar.name = "Build lasting power"
    with django_capture_on_commit_callbacks(execute=True):
        pillar.save()
    third = issue(finished_cohort, facilitator)
    assert [a["targetName"] for a in third.credential["credentialSubject"]["achievement"]
            ["alignment"]] == ["Build lasting power"]


def test_a_render_overtaken_by_a_reissue_leaves_the_certificate_to_the_reissue(
    finished_cohort, facilitator
):
    """The learner is emailed once, the corrected certificate, not the one being drawn
    when the facilitator corrected the name."""
    certificate = issue(finished_cohort, facilitator, render=False)
    user = certificate.enrollment.user

    def render_then_correct(data):
        user.certificate_name = "Ana Lucía Rivera"
        user.save()
        services.certificate_reissue(certificate=certificate, actor=facilitator)
        return fake_pdf(data)

    assert not services.certificate_render(certificate_id=certificate.pk,
                                           render=render_then_correct)
    assert Certificate.objects.get(pk=certificate.pk).render_status == "pending"
    assert not OutboxEmail.objects.filter(kind="certificate.issued").exists()

    drawn = []
    assert services.certificate_render(
        certificate_id=certificate.pk, render=lambda data: drawn.append(data) or fake_pdf(data))
    assert drawn[0].recipient_name == "Ana Lucía Rivera"
    rendered = Certificate.objects.get(pk=certificate.pk)
    assert rendered.render_status == "done" and rendered.emailed_at is not None
    [email] = OutboxEmail.objects.filter(kind="certificate.issued")
    assert email.attachments[0]["filename"] == f"certificate-{certificate.code}.pdf"


def test_a_render_overtaken_by_a_revocation_stores_nothing(finished_cohort, facilitator, staff):
    certificate = issue(finished_cohort, facilitator, render=False)

    def render_then_revoke(data):
        services.certificate_revoke(certificate=certificate, actor=staff, reason="In error.")
        return fake_pdf(data)

    assert not services.certificate_render(certificate_id=certificate.pk,
                                           render=render_then_revoke)
    revoked = Certificate.objects.get(pk=certificate.pk)
    assert not revoked.pdf and revoked.render_status == "pending"
    assert not OutboxEmail.objects.filter(kind="certificate.issued").exists()


def test_renders_share_the_certificate_settings_until_staff_change_them(
    settings, finished_cohort, facilitator, django_capture_on_commit_callbacks
):
    settings.PUBLIC_CACHE_SECONDS = 300  # kept with the public pages, as in production
    certificate = issue(finished_cohort, facilitator)
    assert services.certificate_data(certificate).heading == "Certificate of Completion"
    with CaptureQueriesContext(connection) as queries:
        services.certificate_data(certificate)
    assert not [q for q in queries.captured_queries if "certificatesettings" in q["sql"]]
    cert_settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    cert_settings.heading = "Certificate of Achievement"
    with django_capture_on_commit_callbacks(execute=True):
        cert_settings.save()
    assert services.certificate_data(certificate).heading == "Certificate of Achievement"


def _issued_unrendered(cohort, count, monkeypatch):
    """`count` completed learners' certificates, issued with the cohort; their renders'
    messages are kept (returned) rather than sent."""
    from certificates.services import base

    queued = []
    monkeypatch.setattr(base, "enqueue", lambda task, *args: queued.append((task, *args)))
    for _ in range(count):
        enroll(cohort, UserFactory(), status=EnrollmentStatus.COMPLETED)
    issued = services.certificate_issue_completed(cohort_id=cohort.pk)
    return [c.pk for c in issued], queued


def test_a_cohorts_renders_are_queued_a_batch_to_a_message(finished_cohort, monkeypatch):
    ids, queued = _issued_unrendered(finished_cohort, services.RENDER_BATCH + 2, monkeypatch)
    assert queued == [("certificates.render_batch", ids[:services.RENDER_BATCH]),
                      ("certificates.render_batch", ids[services.RENDER_BATCH:])]
    queued.clear()
    services.renders_queue(ids[:1])  # one certificate: the single render, with its retries
    assert queued == [("certificates.render", ids[0])]


def test_a_batch_reads_its_certificates_once_and_renders_each(finished_cohort, monkeypatch):
    ids, _ = _issued_unrendered(finished_cohort, 4, monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        assert services.certificate_render_many(certificate_ids=ids, render=fake_pdf) == {}
    opening = 'SELECT "certificates_certificate"."id", "certificates_certificate"."enrollment_id"'
    reads = [q["sql"] for q in queries.captured_queries
             if q["sql"].startswith(opening) and "FOR UPDATE" not in q["sql"]]
    assert len(reads) == 1
    done = Certificate.objects.filter(pk__in=ids)
    assert all(c.render_status == "done" and c.pdf and c.credential for c in done)
    assert OutboxEmail.objects.filter(kind="certificate.issued").count() == 4


def test_one_failing_render_in_a_batch_is_retried_alone_and_holds_no_one_up(
    finished_cohort, facilitator, staff, monkeypatch
):
    from certificates import rendering, tasks

    ids, _ = _issued_unrendered(finished_cohort, 4, monkeypatch)
    broken = Certificate.objects.get(pk=ids[1])
    services.certificate_revoke(certificate=Certificate.objects.get(pk=ids[3]), actor=staff,
                                reason="Issued in error.")

    def render(data):
        if data.verification_code == broken.code:
            raise OSError("disk full")
        return fake_pdf(data)

    retried = []
    monkeypatch.setattr(rendering, "render_certificate_pdf", render)
    monkeypatch.setattr(tasks.certificate_render_task, "apply_async",
                        lambda args, countdown: retried.append((args, countdown)))
    result = tasks.certificate_render_batch_task.apply(args=(ids,)).get()
    assert result == {"certificates": 4, "retrying": 1}
    assert retried == [((broken.pk,), tasks.RETRY_ALONE_AFTER)]
    by_id = Certificate.objects.in_bulk(ids)
    assert [by_id[pk].render_status for pk in ids] == ["done", "pending", "done", "pending"]
    assert by_id[ids[1]].render_error == "OSError: disk full"
    assert not by_id[ids[3]].pdf  # revoked before its turn: no PDF, no email
    assert {c.render_attempts for c in by_id.values()} == {1}
    assert OutboxEmail.objects.filter(kind="certificate.issued").count() == 2
