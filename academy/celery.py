"""The Celery application.

With CELERY_BROKER_URL unset the settings make every task run eagerly in-process
(the embedded default); set it to redis://... and run a worker and beat:

    celery -A academy worker -l info
    celery -A academy beat -l info
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")

app = Celery("academy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# What runs tasks eagerly (no broker) when nothing else is said: Celery still serialises an
# eager task's arguments through a producer, whose connection to an empty broker URL
# logs "kombu.connection: No hostname was supplied. Reverting to default 'localhost'"
# (nothing is ever sent). The in-memory transport, named with its host, needs no server.
EAGER_BROKER_URL = "memory://localhost/"


@app.on_after_configure.connect
def _no_broker_means_in_memory(sender, source, **kwargs):
    if not source.broker_url and source.task_always_eager:
        source.broker_url = EAGER_BROKER_URL
