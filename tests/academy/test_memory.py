"""Long-lived processes freeze what they loaded at start-up (academy/memory.py): gunicorn's
master before it forks its workers, each PDF worker's pool process once its renderer is
warm. What each request or render leaves behind must still be freed as it goes."""

import gc
import runpy
import weakref
from pathlib import Path

import pytest
from django.conf import settings


def gunicorn_when_ready():
    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    config["when_ready"](None)


def pdf_worker_warm():
    from certificates import signals

    assert signals.warm_renderer(force=True) > 0  # a real render, then the freeze


class Box:
    pass


def render_like():
    """Garbage as a render or a request leaves it: a cycle (a document's boxes point back at
    their parents) that outlived the young collections, so only a full one frees it."""
    page = Box()
    page.children = [Box() for _ in range(20)]
    for child in page.children:
        child.parent = page
    gc.collect(1)
    return weakref.ref(page)


@pytest.mark.parametrize("start", [gunicorn_when_ready, pdf_worker_warm],
                         ids=["web master", "pdf worker"])
def test_a_warm_process_freezes_its_start_up_and_still_frees_its_garbage(start):
    start()
    try:
        assert gc.get_freeze_count() > 10_000  # Django, the app, what warming built
        pages = []
        for _ in range(300):
            pages.append(render_like())
            work = [[] for _ in range(800)]  # the next render: the collector runs on its own
            del work
        # The collector counted what it keeps afresh after the freeze; with the frozen
        # objects still counted it would wait for tens of thousands and keep all 300.
        assert sum(page() is not None for page in pages) < 100
    finally:
        gc.unfreeze()
