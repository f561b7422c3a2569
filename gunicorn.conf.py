"""gunicorn settings for the web process (Procfile: `web`); every value from the environment.

    PORT                 port to listen on (default 8000; honcho and most platforms set it)
    WEB_CONCURRENCY      worker processes (default 2 x cores + 1, at most 8)
    GUNICORN_THREADS     threads per worker (default 1: sync workers)
    GUNICORN_TIMEOUT     seconds before a silent worker is restarted (default 30)
    GUNICORN_MAX_REQUESTS  requests after which a worker is replaced (default 100000; 0: never)
    FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-* (default 127.0.0.1)
    DJANGO_LOG_FORMAT    json: gunicorn's own log lines as JSON too (academy/logs.py)
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(multiprocessing.cpu_count() * 2 + 1, 8))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory creep), not all at once. Rarely: at 1,000 (the old
# value) a worker serving cached public pages at ~700 req/s was replaced every second or
# two, and each replacement stalls its queued connections for ~0.7 s even with the app
# preloaded (make loadtest: ~430 req/s, p99 3 s; at 20,000, p99 0.4 s on some pages).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The application is imported once in the master and forked: a new or replacement worker
# starts in milliseconds, not the seconds an import of Django and Wagtail takes, and the
# workers share the imported code's memory. (Django opens no connection at import.)
preload_app = True


def when_ready(server):
    """In the master, before the first fork: build what every worker would otherwise build
    on its first requests (URL patterns, the templates of the busiest pages), then freeze
    it all out of the garbage collector's reach, so a worker's full collection walks only
    what it made since (academy/memory.py: no more 100 ms pauses on some requests)."""
    from academy.memory import freeze_long_lived_objects
    from academy.wsgi import warm

    warm()
    freeze_long_lived_objects()


# Heartbeat files on tmpfs: a container's overlay disk can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

if os.environ.get("DJANGO_LOG_FORMAT") == "json":
    _handler = {"class": "logging.StreamHandler", "formatter": "json",
                "stream": "ext://sys.stdout"}
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "academy.logs.JsonFormatter"}},
        "handlers": {"console": _handler},
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["console"],
                               "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }
