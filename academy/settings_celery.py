"""Celery's settings (academy.settings imports them): the broker, the queues each worker
consumes, routing, limits and the periodic jobs. Read from the environment, as every
setting is; with no CELERY_BROKER_URL tasks run in-process (the embedded default)."""

import environ
from kombu import Queue

env = environ.Env()  # academy.settings has read .env (if any) into the environment

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Without a broker, long work (closing a cohort, a cohort's certificates) runs in a thread
# after the response (academy.background.enqueue_long); false runs it in-process.
BACKGROUND_THREADS = env.bool("BACKGROUND_THREADS", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
# The queue workers consume and tasks go to by default. CI gives each run its own, so no
# other worker on the same Redis can take its messages.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="academy")
# Emails and PDFs have their own queues and workers (Procfile), named after the default
# queue so a CI run's queues are its own too.
EMAIL_TASK_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-email"
PDF_TASK_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-pdf"
# A worker started without -Q consumes all three (make worker); the Procfile's take one.
# Each queue has its own routing key: with one shared key, every message would be
# delivered to all three.
CELERY_TASK_QUEUES = [
    Queue(name, routing_key=name)
    for name in (CELERY_TASK_DEFAULT_QUEUE, EMAIL_TASK_QUEUE, PDF_TASK_QUEUE)
]
CELERY_TASK_ROUTES = {
    "academy.outbox_*": {"queue": EMAIL_TASK_QUEUE},
    "cohorts.*": {"queue": EMAIL_TASK_QUEUE},
    "certificates.*": {"queue": PDF_TASK_QUEUE},
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A PDF worker's pool process warms the certificate renderer before taking work
# (certificates.signals.warm_renderer): give it longer than Celery's 4 s to report alive.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = 60
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # workers log through LOGGING (JSON lines too)
# A message taken by a worker that then died is redelivered after this many seconds
# (Redis); the certificate sweeper covers renders sooner.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
CELERY_BEAT_SCHEDULE: dict = {
    "email-outbox": {"task": "academy.outbox_sweep", "schedule": 60},
    "session-reminders": {"task": "cohorts.session_reminders", "schedule": 15 * 60},
    "certificate-sweeper": {"task": "certificates.sweep", "schedule": 5 * 60},
    "closing-sweeper": {"task": "cohorts.close_sweep", "schedule": 10 * 60},
    "requirement-reminders": {"task": "certificates.requirement_reminders",
                              "schedule": 6 * 60 * 60},  # once a threshold: idempotent
}
