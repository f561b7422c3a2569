"""Production smoke test: the Procfile's processes, started as in production, serve a whole
journey over HTTP.

Runs where CI's second pass runs (DATABASE_URL is PostgreSQL, CELERY_BROKER_URL is Redis),
with its own database on that PostgreSQL server, its own queues on that Redis, and its own
S3-compatible server (moto_server) on this machine. It runs the Procfile's `release`
(through scripts/run-process, the containers' entry point), `collectstatic`, and the demo
data, then starts web, worker-email, worker-pdf and beat with honcho, DEBUG off. Over
HTTP, with real CSRF tokens: a person signs up, fills in their profile and enrolls; a
facilitator records their attendance and issues their certificate; the PDF worker renders
it into the bucket (private); the verification page and JSON answer; the PDF downloads for
its owner and is refused to a stranger. Timings are printed (`-s`); nothing asserts on them.

Elsewhere it skips with the reason; with SMOKE_REQUIRED=1 (.ci/run) it fails instead.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from bench.loadtest import free_port, stop  # a free local port; SIGTERM, then SIGKILL
from certificates.credentials.keys import generate_signing_key

pytestmark = [
    pytest.mark.deploy,
    # Heavy (five processes): never at the same time as the other real-worker tests.
    pytest.mark.xdist_group("celery-worker"),
]

BASE_DIR = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
COHORT = "organizer-fall-2026"  # seed_demo: in progress, still taking people, facilitator 1
FACILITATOR = ("facilitator@academy.example.org", "governing-together")
PASSWORD = "A long smoke-test passphrase 42"
WAIT = 180  # seconds before a step that waits on the workers gives up, with the logs


@pytest.fixture(scope="module")
def requirements():
    """PostgreSQL and Redis from the environment, or skip (fail with SMOKE_REQUIRED=1)."""
    database = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not database.startswith(("postgres://", "postgresql://")) or not broker.startswith(
        "redis://"
    ):
        reason = ("the production smoke test needs DATABASE_URL=postgres://... and "
                  "CELERY_BROKER_URL=redis://... (as in .ci/run's second pass)")
        if os.environ.get("SMOKE_REQUIRED") == "1":
            pytest.fail(f"SMOKE_REQUIRED=1 but {reason}")
        pytest.skip(reason)
    return database, broker


class Timer:
    def __init__(self):
        self.started = self.last = time.monotonic()

    def step(self, what):
        now = time.monotonic()
        print(f"  {now - self.last:6.1f} s  {what}", flush=True)
        self.last = now


def wait_until(predicate, what, logs, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    text = "\n".join(p.read_text(errors="replace")[-6000:] for p in logs if p.exists())
    pytest.fail(f"gave up waiting for {what}; logs:\n{text}")


@pytest.fixture(scope="module")
def database(requirements):
    import psycopg

    parts = urlsplit(requirements[0])
    name = f"academy_smoke_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    drop()


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """moto's standalone S3 server on a free port, with the media bucket."""
    import boto3
    import requests

    port = free_port()
    log = tmp_path_factory.mktemp("s3") / "moto.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        def up():
            try:
                return requests.get(endpoint, timeout=2).status_code < 500
            except requests.RequestException:
                return False

        wait_until(up, "moto_server", [log], timeout=60)
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="smoke", aws_secret_access_key="smoke-secret")
        client.create_bucket(Bucket="academy-smoke-media")
        yield {"endpoint": endpoint, "client": client, "bucket": "academy-smoke-media"}
    finally:
        stop(server)


@pytest.fixture(scope="module")
def stack(requirements, database, s3, tmp_path_factory):
    """The Procfile's processes on a free port, production settings; yields base URL etc."""
    import redis
    import requests

    timer = Timer()
    print("\nproduction smoke test", flush=True)
    root = tmp_path_factory.mktemp("smoke")
    port = free_port()
    queue = f"academy-smoke-{os.getpid()}"
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="academy.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        CREDENTIALS_SIGNING_KEY=generate_signing_key().to_pem().decode(),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=database,
        CELERY_BROKER_URL=requirements[1],
        CELERY_TASK_DEFAULT_QUEUE=queue,
        CACHE_URL=requirements[1],
        DJANGO_STATIC_ROOT=str(root / "static"),
        DJANGO_MEDIA_ROOT=str(root / "media-unused"),
        AWS_STORAGE_BUCKET_NAME=s3["bucket"],
        AWS_S3_ENDPOINT_URL=s3["endpoint"],
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="smoke",
        AWS_SECRET_ACCESS_KEY="smoke-secret",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(root / "mail"),
        DJANGO_LOG_FORMAT="json",
        WEB_CONCURRENCY="2",
        EMAIL_WORKER_CONCURRENCY="1",
        PDF_WORKER_CONCURRENCY="1",
        CELERY_BEAT_SCHEDULE_FILE=str(root / "celerybeat-schedule"),
    )
    setup_log = root / "setup.log"
    with open(setup_log, "w") as out:
        for command in (["scripts/run-process", "release"],
                        [sys.executable, "manage.py", "collectstatic", "--noinput"],
                        [sys.executable, "manage.py", "seed_demo"]):
            result = subprocess.run(command, cwd=BASE_DIR, env=env, stdout=out,
                                    stderr=subprocess.STDOUT, timeout=600)
            if result.returncode:
                pytest.fail(f"{' '.join(command)} failed:\n{setup_log.read_text()[-6000:]}")
            timer.step(" ".join(command[-2:]))
    empty_env_file = root / "empty.env"  # honcho would read a developer's .env otherwise
    empty_env_file.write_text("")
    log = root / "processes.log"
    with open(log, "w") as out:
        processes = subprocess.Popen(
            [str(BIN / "honcho"), "start", "-f", "Procfile", "-e", str(empty_env_file),
             "-p", str(port), "--no-colour", "--no-prefix",
             "web", "worker-email", "worker-pdf", "beat"],
            cwd=BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        def healthy():
            assert processes.poll() is None, log.read_text()[-6000:]
            try:
                return requests.get(base + "/healthz", timeout=5).status_code == 200
            except requests.RequestException:
                return False

        wait_until(healthy, "/healthz to answer 200", [log])
        timer.step("start-up: web answers /healthz")
        yield {"base": base, "log": log, "mail": root / "mail", "timer": timer,
               "processes": processes}
        assert processes.poll() is None, "a process of the Procfile stopped: " + (
            log.read_text()[-6000:])
    finally:
        stop(processes)
        client = redis.Redis.from_url(requirements[1])
        client.delete(queue, f"{queue}-email", f"{queue}-pdf", f"_kombu.binding.{queue}",
                      f"_kombu.binding_permanent.{queue}")
        shutil.rmtree(root / "static", ignore_errors=True)
        print(f"  {time.monotonic() - timer.started:6.1f} s  in all", flush=True)


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the form"
    return match.group(1)


def submit(session, url, data, *, form_url=None):
    """GET the form (for its CSRF token and cookie), POST it as a browser would."""
    page = session.get(form_url or url, timeout=30)
    assert page.status_code == 200, (form_url or url, page.status_code)
    response = session.post(url, data={"csrfmiddlewaretoken": csrf_token(page.text), **data},
                            headers={"Referer": page.url}, allow_redirects=False, timeout=60)
    assert response.status_code == 302, (url, response.status_code, response.text[-3000:])
    return response


def sign_up(base, email, first, last):
    import requests

    person = requests.Session()
    response = submit(person, f"{base}/accounts/signup/", {
        "first_name": first, "last_name": last, "email": email,
        "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.headers["Location"].endswith("/me/profile/")
    return person


def test_the_procfile_serves_a_whole_journey(stack, s3):
    import requests

    base, timer, logs = stack["base"], stack["timer"], [stack["log"]]
    anonymous = requests.Session()
    health = anonymous.get(base + "/healthz", timeout=10).json()
    assert health["checks"] == {"database": "ok", "broker": "ok"}
    home = anonymous.get(base + "/", timeout=30)
    assert home.status_code == 200
    policy = home.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert f"img-src 'self' data: {s3['endpoint']}" in policy  # signed media URLs load
    css = re.search(r'href="(/static/css/academy\.[0-9a-f]+\.css)"', home.text)
    assert css, "collectstatic's hashed file names are served"
    static = anonymous.get(base + css.group(1), timeout=10, stream=True,
                           headers={"Accept-Encoding": "gzip"})
    assert static.status_code == 200
    # Hashed names are cached for a year and never revalidated; sent compressed.
    cache_control = static.headers["Cache-Control"]
    assert "immutable" in cache_control and "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
    assert static.headers["Content-Encoding"] == "gzip"
    timer.step("home page, hashed static files")

    # A person signs up, fills in their profile and enrolls.
    suffix = os.getpid()
    email = f"smoke-learner-{suffix}@example.org"
    learner = sign_up(base, email, "Smoke", f"Learner{suffix}")
    submit(learner, f"{base}/me/profile/", {
        "first_name": "Smoke", "last_name": f"Learner{suffix}", "preferred_name": "",
        "pronouns": "they/them", "certificate_name": f"Smoke Q. Learner{suffix}",
        "office_title": "Council member", "jurisdiction_name": "Smoke City",
        "jurisdiction_type": "city", "state": "WI", "time_zone": "America/Chicago",
        "preferred_language": "en",
    })
    submit(learner, f"{base}/cohorts/{COHORT}/enroll/", {
        "hopes": "Learn to organise a budget campaign.", "accessibility_needs": "",
        "share_name": "on",
    })
    mine = learner.get(f"{base}/me/", timeout=30)
    assert mine.headers["Cache-Control"] in ("private, no-store", "no-store, private")
    enrollment_pk = re.search(r"/me/enrollments/(\d+)/withdraw/", mine.text).group(1)
    timer.step("sign up, profile, enroll")

    # The facilitator records their attendance and issues the certificate.
    facilitator = requests.Session()
    submit(facilitator, f"{base}/accounts/login/",
           {"login": FACILITATOR[0], "password": FACILITATOR[1]})
    sessions = facilitator.get(f"{base}/facilitate/{COHORT}/sessions/", timeout=30).text
    sheet = re.search(rf"/facilitate/{COHORT}/sessions/(\d+)/attendance/", sessions).group(0)
    submit(facilitator, base + sheet, {f"status-{enrollment_pk}": "present"})
    assert f'id="st-{enrollment_pk}-present" value="present" checked' in facilitator.get(
        base + sheet, timeout=30).text
    submit(facilitator, f"{base}/facilitate/{COHORT}/certificates/", {
        "action": "override", "enrollment": enrollment_pk,
        "reason": "Smoke test: completed the work with the facilitator.",
    })
    timer.step("facilitator: attendance, certificate issued")

    # The PDF worker renders it into the bucket; the email worker sends it.
    def pdf_link():
        match = re.search(r"/certificates/([0-9A-Z-]{24})/pdf/",
                          learner.get(f"{base}/me/", timeout=30).text)
        return match and match.group(1)

    code = wait_until(pdf_link, "the certificate PDF (worker-pdf)", logs)
    timer.step("worker-pdf rendered the certificate")

    def certificate_email():
        # Django's file backend appends to a file named by the second and the backend
        # object's id, so one file can hold several messages (ids are reused): split them.
        folder = stack["mail"]
        texts = [p.read_text(errors="replace") for p in folder.glob("*")] if folder.exists() else []
        messages = [m for t in texts for m in t.split("-" * 79 + "\n")]
        return [m for m in messages if f"To: {email}" in m and "Your certificate:" in m]

    [message] = wait_until(certificate_email, "the certificate email (worker-email)", logs)
    assert "application/pdf" in message  # the attachment, read back from the bucket
    timer.step("worker-email sent the certificate with its PDF")

    # Public verification.
    page = anonymous.get(f"{base}/certificates/{code}/", timeout=30)
    assert page.status_code == 200 and f"Smoke Q. Learner{suffix}" in page.text
    facts = anonymous.get(f"{base}/certificates/{code}.json", timeout=30).json()
    assert (facts["status"], facts["name"]) == ("valid", f"Smoke Q. Learner{suffix}")

    # The PDF: its owner downloads it (private); a stranger and anonymous people do not.
    pdf = learner.get(f"{base}/certificates/{code}/pdf/", timeout=30)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert "no-store" in pdf.headers["Cache-Control"]
    stranger = sign_up(base, f"smoke-stranger-{suffix}@example.org", "Smoke", "Stranger")
    assert stranger.get(f"{base}/certificates/{code}/pdf/", timeout=30).status_code == 404
    refused = anonymous.get(f"{base}/certificates/{code}/pdf/", allow_redirects=False)
    assert refused.status_code == 302 and "/accounts/login/" in refused.headers["Location"]
    timer.step("verification page and JSON, PDF for the owner only")

    # In the bucket: under a random name (not the code), private.
    client, bucket = s3["client"], s3["bucket"]
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket, Prefix="certificates/")
            .get("Contents", [])]
    [key] = [k for k in keys
             if client.get_object(Bucket=bucket, Key=k)["Body"].read() == pdf.content]
    assert code not in key and code.replace("-", "") not in key
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    assert grants[0]["Grantee"]["Type"] == "CanonicalUser"  # the owner, nobody else
    assert requests.get(f"{s3['endpoint']}/{bucket}/{key}", timeout=10).status_code == 403
    timer.step("the PDF is a private object under a random name")

    # DJANGO_LOG_FORMAT=json: the processes log one JSON object per line.
    lines = [json.loads(line) for line in stack["log"].read_text().splitlines()
             if line.startswith("{")]
    assert any("/healthz" in line["message"] for line in lines)  # gunicorn's access log
    assert any(line["logger"].startswith("celery") for line in lines)
