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
