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
