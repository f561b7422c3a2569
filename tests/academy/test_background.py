"""Background work with no broker (the embedded default, `make run`): tasks run in
process, and nothing warns about a broker host that is not needed."""

import logging

import pytest
from django.conf import settings

from academy.background import task_named
from academy.celery import app


@pytest.mark.django_db
def test_no_broker_means_the_in_memory_transport_without_a_hostname_warning(caplog):
    with caplog.at_level(logging.DEBUG, logger="kombu"):
        connection = app.connection_for_write()
        connection.clone()  # what a producer pool does: kombu logged its warning here
        assert task_named("academy.outbox_sweep").delay().successful()
    assert not [r for r in caplog.records if "hostname" in r.getMessage()]
    if not settings.CELERY_BROKER_URL:
        assert connection.as_uri().startswith("memory://")


def test_a_web_process_finds_a_task_without_running_djangos_checks():
    """A web worker's first queued task imports that task's module only: Celery's import
    of every app's tasks would run Django's system checks in the request (0.7 s)."""
    import subprocess
    import sys

    script = (
        "import django; django.setup()\n"
        "import django.core.checks\n"
        "def refuse(*args, **kwargs): raise SystemExit('system checks ran')\n"
        "django.core.checks.run_checks = refuse\n"
        "from academy.background import task_named\n"
        "for name in ('certificates.render_batch', 'academy.outbox_send', "
        "'cohorts.close_results', 'reports.impact_pdf_render'):\n"
        "    assert task_named(name).name == name\n"
        "print('found')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "found"
