"""A Celery worker whose certificate renders take a while: the worker-kill test starts it
so that the kill lands in the middle of a batch. The slowing-down lives here, in the
tests, not in the production code.

Usage: python -m tests.certificates.slow_worker <seconds per render> <celery worker args>
"""

import sys
import time

import django


def main():
    delay = float(sys.argv[1])
    django.setup()
    from academy.celery import app
    from certificates import rendering

    real_render = rendering.render_certificate_pdf

    def slow_render(data):
        time.sleep(delay)
        return real_render(data)

    rendering.render_certificate_pdf = slow_render
    app.worker_main(["worker", *sys.argv[2:]])


if __name__ == "__main__":
    main()
