"""A real Celery worker on Redis delivers the enrollment email (the rest of the suite
runs tasks eagerly). Needs CELERY_BROKER_URL=redis://... and PostgreSQL, so the worker
process can reach the same test database."""

import fcntl
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from academy.celery import app as celery_app
from academy.models import OutboxEmail
from cohorts.services import enrollment_create

from .conftest import make_cohort

pytestmark = [
    pytest.mark.redis,
    # Real workers share one Redis queue: run these tests one after another (xdist).
    pytest.mark.xdist_group("celery-worker"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base"),
]
BASE_DIR = Path(settings.BASE_DIR)
# The queues of the Procfile's two workers: emails (and reminders), certificate PDFs.
WORKER_QUEUES = [settings.EMAIL_TASK_QUEUE, settings.PDF_TASK_QUEUE]


@pytest.fixture
def broker():
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs a Redis broker: set CELERY_BROKER_URL=redis://127.0.0.1:6379/15")
    if connection.vendor != "postgresql":
        pytest.skip("the worker process must share the test database: use PostgreSQL")
    # Tests that start real workers share one queue: across pytest-xdist processes they
    # take turns on a file lock, so one test's worker never takes another's messages.
    lock_path = Path(tempfile.gettempdir()) / f"academy-{settings.CELERY_TASK_DEFAULT_QUEUE}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            celery_app.conf.task_always_eager = False
            celery_app.control.purge()
            yield settings.CELERY_BROKER_URL
        finally:
            celery_app.conf.task_always_eager = True
            fcntl.flock(lock, fcntl.LOCK_UN)


def wait_for_drained_queue(timeout, logs):
    """Wait until the queue holds no message and no worker runs a task: everything that
    was sent, or redelivered, has run (no fixed sleep)."""
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queues = [settings.CELERY_TASK_DEFAULT_QUEUE, *WORKER_QUEUES]
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        waiting = {queue: client.llen(queue) for queue in queues}
        waiting["unacked"] = client.hlen("unacked")
        active = celery_app.control.inspect(timeout=1).active() or {}
        if not any(waiting.values()) and not any(active.values()):
            return
        time.sleep(0.3)
    pytest.fail(f"the queues did not drain: {waiting}, running {active}; logs:\n"
                + "\n".join(p.read_text()[-3000:] for p in logs))


def database_url():
    db = connection.settings_dict
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{db['NAME']}"


@pytest.fixture
def worker(broker, tmp_path):
    outbox = tmp_path / "mail"
    outbox.mkdir()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
        "SITE_URL": settings.SITE_URL,
    }
    with open(log, "w") as log_file:
        proc = subprocess.Popen(
            # Only the email queue, as the Procfile's worker-email: the enrollment email
            # must be routed there.
            [sys.executable, "-m", "celery", "-A", "academy", "worker", "--pool=solo", "-c1",
             "-Q", settings.EMAIL_TASK_QUEUE,
             "-l", "info", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )
        try:
            yield outbox, log
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def test_real_worker_delivers_the_enrollment_email(worker, course, official):
    outbox, log = worker
    cohort = make_cohort(course, "worker-cohort")
    started = time.monotonic()
    enrollment = enrollment_create(cohort=cohort, user=official)  # commits, then enqueues
    files = []
    while time.monotonic() - started < 60 and not files:
        time.sleep(0.5)
        files = [f for f in outbox.iterdir() if f.stat().st_size]
    assert files, "no email within 60 s; worker log:\n" + log.read_text()[-4000:]
    content = files[0].read_text()
    print(f"\nreal worker delivered the email in {time.monotonic() - started:.1f} s")
    assert f"To: {official.email}" in content
    assert "You are enrolled in Budgets as moral documents, Spring cohort" in content
    assert f"{settings.SITE_URL}/cohorts/worker-cohort/calendar.ics" in content
    assert "text/html" in content
    wait_for_drained_queue(30, [log])
    email = OutboxEmail.objects.get(kind="enrollment.enrolled")
    assert (email.status, email.attempts) == ("sent", 1)
    assert enrollment.events.count() == 1
