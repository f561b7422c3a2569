"""The deployment files agree with each other and with the settings: the Procfile's
workers consume the queues the tasks are routed to, every container runs a Procfile
process through scripts/run-process, and the image installs the tested pins."""

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from academy.celery import app as celery_app

ROOT = Path(settings.BASE_DIR)


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def queues_of(command):
    """The --queues of a worker command, expanded as the shell would in this environment."""
    raw = re.search(r'--queues "([^"]+)"', command).group(1)
    default = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "academy")
    return raw.replace("${CELERY_TASK_DEFAULT_QUEUE:-academy}", default).split(",")


def test_procfile_has_every_process():
    assert list(procfile()) == ["release", "web", "worker-email", "worker-pdf", "beat"]
    assert "gunicorn.conf.py" in procfile()["web"]


@pytest.mark.parametrize("process, tasks", [
    ("worker-email", ["academy.outbox_send", "academy.outbox_sweep", "cohorts.session_reminders"]),
    ("worker-pdf", ["certificates.render", "certificates.sweep"]),
])
def test_each_worker_consumes_the_queue_its_tasks_go_to(process, tasks):
    command = procfile()[process]
    assert "--max-memory-per-child" in command
    for task in tasks:
        assert celery_app.amqp.router.route({}, task)["queue"].name in queues_of(command)


def test_email_and_pdf_queues_are_separate():
    email, pdf = queues_of(procfile()["worker-email"]), queues_of(procfile()["worker-pdf"])
    assert email == [settings.EMAIL_TASK_QUEUE] and pdf == [settings.PDF_TASK_QUEUE]
    assert not set(email) & set(pdf)


def test_every_container_runs_a_procfile_process():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["scripts/run-process"]' in dockerfile
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    app = {name: s for name, s in services.items() if s.get("build") == "."}
    assert sorted(app) == sorted(procfile())
    for name, service in app.items():
        assert service["command"] == [name]
    assert {"postgres", "redis", "minio"} <= set(services)
    assert services["web"]["depends_on"]["release"]["condition"] == (
        "service_completed_successfully")


def test_run_process_refuses_an_unknown_name():
    result = subprocess.run([str(ROOT / "scripts/run-process"), "nope"], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 64
    assert "no process 'nope' in the Procfile" in result.stderr


def pins(name):
    return dict(re.findall(r"^([\w.\-\[\]]+)==(\S+)", (ROOT / name).read_text(), re.M))


def test_the_image_installs_the_pins_the_tests_ran_with():
    production, tested = pins("requirements-prod.lock"), pins("requirements.lock")
    assert production and {k: tested.get(k) for k in production} == production
    assert "pytest" not in production and "django-csp" in production


def test_each_queue_has_its_own_routing_key():
    """Queues bound to one exchange with one key would each get every message: the PDF
    worker would render emails' tasks too, and every task would run twice."""
    queues = celery_app.amqp.queues.values()
    assert len({(q.exchange.name, q.routing_key) for q in queues}) == len(queues)
