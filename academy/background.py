"""The one way services start background work: a Celery task queued by name once the
current transaction commits (Celery's `delay_on_commit`).

Services name the task instead of importing its module, so imports flow one way: task
modules import services, services never import tasks. With no broker configured the
task runs in-process after the commit (the embedded default).
"""

from celery import current_app


def task_named(task_name: str):
    """The registered task; the apps' tasks modules are discovered on first use (a web
    process, unlike a worker, has not imported them)."""
    if task_name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[task_name]


def enqueue(task_name: str, *args) -> None:
    """Queue `task_name` with `args` (ids and JSON values) after the transaction commits."""
    task_named(task_name).delay_on_commit(*args)
