"""A worker killed in the middle of a batch loses nothing.

Real Celery workers on Redis, sharing the PostgreSQL test database: the first worker
is killed (SIGKILL, the whole process group) while it renders, a second one starts,
the sweepers run as beat would, and every learner ends with exactly one certificate,
one PDF and their email: none lost (the outbox), at most one sent twice (a worker killed
between sending and marking). The test slows renders down from its own side
(tests/certificates/slow_worker.py) so that the kill lands mid-batch."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from academy.models import OutboxEmail
from academy.tasks import outbox_sweep_task
from certificates.models import Certificate
from certificates.services import certificate_issue
from certificates.tasks import certificate_sweep_task
from tests.cohorts.test_worker import (  # noqa: F401
    BASE_DIR,
    WORKER_QUEUES,
    broker,
    database_url,
    wait_for_drained_queue,
)
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
CLAIM_SECONDS = 3
VISIBILITY_SECONDS = 5  # a message taken by a worker that died is redelivered after this


def start_worker(tmp_path, name, broker_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
        "OUTBOX_CLAIM_SECONDS": str(CLAIM_SECONDS),
        "DJANGO_MEDIA_ROOT": settings.MEDIA_ROOT,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "SITE_URL": settings.SITE_URL,
    }
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed by the caller
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.certificates.slow_worker",
            "0.7",
            "--pool=prefork",
            "-c1",
            "-Q",  # renders and their emails: both of the Procfile's worker queues
            ",".join(WORKER_QUEUES),
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


def test_killed_worker_loses_nothing(
    broker,  # noqa: F811 - the fixture imported above
    tmp_path,
    finished_cohort,
    facilitator,
    settings,
):
    settings.OUTBOX_CLAIM_SECONDS = CLAIM_SECONDS  # the sweeper below runs in this process
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
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
    # The next worker redelivers what the dead one held once it is older than the
    # visibility timeout; kombu looks when a worker starts (then only every ~100 s), so
    # start the second worker once that is so.
    import redis

    unacked = redis.Redis.from_url(broker)

    def all_visible():
        taken = unacked.zrange("unacked_index", 0, -1, withscores=True)
        return all(score < time.time() - VISIBILITY_SECONDS for _, score in taken)

    wait_for(all_visible, 30, "the killed worker's messages to be redeliverable",
             [tmp_path / "first.log"])

    second, second_log = start_worker(tmp_path, "second", broker)
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    sent = lambda: OutboxEmail.objects.filter(status="sent").count()  # noqa: E731
    try:
        certificate_sweep_task.apply(kwargs={"older_than_seconds": 0})  # as beat would
        elapsed = wait_for(lambda: done() == BATCH, 120, "the whole batch", logs)
        # An email claimed by the killed worker is sent once its claim expires: the
        # outbox sweeper (beat, every minute) picks it up.
        def all_sent():
            outbox_sweep_task.apply()
            return sent() == BATCH

        wait_for(all_sent, 60, "every email", logs)
        wait_for_drained_queue(60, logs)  # whatever was redelivered has run too
    finally:
        stop(second, second_log)

    certificates = list(Certificate.objects.filter(enrollment__cohort=finished_cohort))
    assert len(certificates) == BATCH
    assert len({c.enrollment_id for c in certificates}) == BATCH
    pdf_dir = os.path.join(settings.MEDIA_ROOT, "certificates")
    files = sorted(os.listdir(pdf_dir))
    # One PDF each, no copies, under its random name (never the public code).
    assert files == sorted(f"{c.pdf_token}.pdf" for c in certificates)
    for c in certificates:
        with open(os.path.join(pdf_dir, f"{c.pdf_token}.pdf"), "rb") as fh:
            assert fh.read(5) == b"%PDF-"
    emails = [p.read_text() for p in mail_dir.iterdir()]
    recipients = [line for text in emails for line in text.splitlines() if line.startswith("To:")]
    assert set(recipients) == {f"To: {learner.email}" for learner in learners}  # none lost
    assert len(recipients) - len(set(recipients)) <= 1  # killed between sending and marking
    print(
        f"\nkilled the first worker after {killed_at}/{BATCH} PDFs; the second finished "
        f"the batch in {elapsed:.1f} s; {len(files)} PDFs, {len(recipients)} emails to "
        f"{len(set(recipients))} learners"
    )
