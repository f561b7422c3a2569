"""The one way services start background work: a Celery task queued by name once the
current transaction commits (Celery's `delay_on_commit`).

Services name the task instead of importing its module, so imports flow one way: task
modules import services, services never import tasks. With no broker configured the
task runs in-process after the commit (the embedded default).
"""

import logging
import threading
from contextlib import suppress
from functools import partial
from importlib import import_module

from celery import current_app
from django.conf import settings
from django.db import connections, transaction

log = logging.getLogger(__name__)


def task_named(task_name: str):
    """The registered task. A web process, unlike a worker, has not imported the tasks
    modules: the task's own app's (`certificates.render` is in `certificates.tasks`) is
    imported on first use. Celery's import of every app's would also run Django's system
    checks in this process (0.7 s on the first queued task of each web worker); it is
    the fallback for a task named otherwise."""
    if task_name not in current_app.tasks:
        with suppress(ImportError):
            import_module(f"{task_name.partition('.')[0]}.tasks")
    if task_name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[task_name]


def enqueue(task_name: str, *args) -> None:
    """Queue `task_name` with `args` (ids and JSON values) after the transaction commits."""
    task_named(task_name).delay_on_commit(*args)


def enqueue_long(task_name: str, *args) -> None:
    """Queue work that may take longer than a request (closing a cohort, issuing a cohort's
    certificates). With a broker it is an ordinary task. Without one (the embedded default)
    it runs in a background thread started after the commit, so the response goes out at
    once and a worker timeout never cuts it short; BACKGROUND_THREADS=false runs it
    in-process instead (management commands, tests)."""
    task = task_named(task_name)
    if current_app.conf.task_always_eager and settings.BACKGROUND_THREADS:
        transaction.on_commit(partial(_run_in_thread, task, args))
    else:
        task.delay_on_commit(*args)


def _run_in_thread(task, args):
    def run():
        try:
            task.apply(args=args, throw=True)
        except Exception:  # noqa: BLE001 - logged; the sweepers pick the work up again
            log.exception("Background work %s%r failed", task.name, args)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name=f"background {task.name}", daemon=True)
    thread.start()
    return thread
