"""A worker killed in the middle of a batch loses nothing and duplicates nothing.

Real Celery workers on Redis, sharing the PostgreSQL test database: the first worker
is killed (SIGKILL, the whole process group) while it renders, a second one starts,
the sweeper runs as beat would, and every learner ends with exactly one certificate
and one PDF. Rendering is slowed down (CERTIFICATE_RENDER_DELAY) so the kill lands
mid-batch."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from certificates.models import Certificate
from certificates.services import certificate_issue
from certificates.tasks import certificate_sweep_task
from tests.cohorts.test_worker import BASE_DIR, broker, database_url  # noqa: F401
from tests.conftest import UserFactory

from .conftest import enroll

pytestmark = [
    pytest.mark.redis,
    # Real workers share one Redis queue: run these tests one after another (xdist).
    pytest.mark.xdist_group("celery-worker"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base"),  # see tests/conftest.py
]
BATCH = 8


def start_worker(tmp_path, name, broker_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url,
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CERTIFICATE_RENDER_DELAY": "0.7",
        "DJANGO_MEDIA_ROOT": settings.MEDIA_ROOT,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "SITE_URL": settings.SITE_URL,
        "ACADEMY_TESTING": "true",
    }
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed by the caller
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "academy",
            "worker",
            "--pool=prefork",
            "-c1",
            "-l",
            "info",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{name}@%h",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, log


def stop(proc, log, sig=signal.SIGTERM):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    log.close()


def wait_for(predicate, timeout, what, logs):
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(
        f"timed out waiting for {what}; logs:\n" + "\n".join(p.read_text()[-3000:] for p in logs)
    )


def test_killed_worker_loses_and_duplicates_nothing(
    broker,  # noqa: F811 - the fixture imported above
    tmp_path,
    finished_cohort,
    facilitator,
):
    (tmp_path / "mail").mkdir()
    first, first_log = start_worker(tmp_path, "first", broker)
    learners = [UserFactory(first_name=f"Learner{i}", last_name="Test") for i in range(BATCH)]
    try:
        for learner in learners:
            certificate_issue(
                enrollment=enroll(finished_cohort, learner),
                actor=facilitator,
                override_reason="Completed the make-up assignment.",
            )
        done = lambda: Certificate.objects.filter(render_status="done").count()  # noqa: E731
        wait_for(lambda: done() >= 2, 90, "two renders", [tmp_path / "first.log"])
    finally:
        stop(first, first_log, signal.SIGKILL)  # no warm shutdown: the worker just dies
    killed_at = done()
    assert killed_at < BATCH, "the batch finished before the kill; slow the render down"

    second, second_log = start_worker(tmp_path, "second", broker)
    try:
        certificate_sweep_task.apply(kwargs={"older_than_seconds": 0})  # as beat would
        elapsed = wait_for(
            lambda: done() == BATCH,
            120,
            "the whole batch",
            [tmp_path / "first.log", tmp_path / "second.log"],
        )
        mail_dir = tmp_path / "mail"
        # Emails are claimed, then sent: one claimed by the killed worker is lost (at most
        # the one in flight), never sent twice. Wait for the rest.
        wait_for(lambda: len(list(mail_dir.iterdir())) >= BATCH - 1, 60, "the emails",
                 [tmp_path / "second.log"])
        time.sleep(2)  # let any redelivered duplicate run too
    finally:
        stop(second, second_log)

    certificates = list(Certificate.objects.filter(enrollment__cohort=finished_cohort))
    assert len(certificates) == BATCH
    assert len({c.enrollment_id for c in certificates}) == BATCH
    pdf_dir = os.path.join(settings.MEDIA_ROOT, "certificates")
    files = sorted(os.listdir(pdf_dir))
    assert files == sorted(f"{c.code}.pdf" for c in certificates)  # one PDF each, no copies
    for c in certificates:
        with open(os.path.join(pdf_dir, f"{c.code}.pdf"), "rb") as fh:
            assert fh.read(5) == b"%PDF-"
    emails = [p.read_text() for p in (tmp_path / "mail").iterdir()]
    recipients = [line for text in emails for line in text.splitlines() if line.startswith("To:")]
    assert len(recipients) == len(set(recipients))  # nobody emailed twice
    assert len(recipients) >= BATCH - 1  # at most the email in flight at the kill is lost
    print(
        f"\nkilled the first worker after {killed_at}/{BATCH} PDFs; the second finished "
        f"the batch in {elapsed:.1f} s; {len(files)} PDFs, {len(recipients)} emails"
    )
