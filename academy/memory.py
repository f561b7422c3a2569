"""Long-lived processes (gunicorn's workers, the PDF worker's pool) put what they loaded
at start-up out of the cyclic garbage collector's reach, so that collecting what each
request or render leaves behind costs what that garbage costs, not what Django, Wagtail
and WeasyPrint cost."""

import gc


def freeze_long_lived_objects() -> None:
    """Once warm: freeze everything alive now (`gc.freeze`: the imported code, URL
    patterns, compiled templates, fonts; some 200,000 to 500,000 objects that live as long
    as the process). A full collection would otherwise walk them all, 90 to 130 ms in a web
    worker (one request in a few hundred waited that long, and the requests queued behind
    it), about a quarter of a second every couple of hundred certificates in a PDF worker.

    Then one more collection, of what is left: it resets the collector's count of the
    objects it keeps. A full collection runs only once the objects that moved to the oldest
    generation since the last one outnumber a quarter of that count, and a count that still
    held the frozen ones would let garbage that outlived two collections (a rendered
    document's boxes point back at their parents) pile up for thousands of renders: a PDF
    worker grew by some 20 KB a certificate. Counted afresh, it is freed as it goes."""
    gc.collect()
    gc.freeze()
    gc.collect()
