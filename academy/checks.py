"""Deployment checks (manage.py check --deploy): settings that would run, but unsafely.

The settings already refuse to start in production without DJANGO_SECRET_KEY and
CACHE_URL; these catch the values that are set but wrong.
"""

from django.conf import settings
from django.core import checks

MIN_SECRET_KEY_LENGTH = 50
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs):
    key = settings.SECRET_KEY
    if key == settings.DEVELOPMENT_SECRET_KEY:
        return [checks.Error(
            "SECRET_KEY is the development key committed to the repository.",
            hint="Set DJANGO_SECRET_KEY to a long random value of your own.",
            id="academy.E001",
        )]
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return [checks.Warning(
            f"SECRET_KEY has {len(key)} characters; use at least {MIN_SECRET_KEY_LENGTH}.",
            hint="python -c 'import secrets; print(secrets.token_urlsafe(50))'",
            id="academy.W001",
        )]
    return []


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    return [
        checks.Warning(
            f"The '{alias}' cache ({config['BACKEND'].rsplit('.', 1)[-1]}) lives in each "
            "process: rate limits and throttles would count per worker.",
            hint="Set CACHE_URL to a cache every process shares, e.g. redis://host:6379/1.",
            id="academy.W002",
        )
        for alias, config in settings.CACHES.items()
        if config["BACKEND"] in PER_PROCESS_CACHES
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_allowed_hosts(app_configs=None, **kwargs):
    hosts = set(settings.ALLOWED_HOSTS)
    if not hosts or "*" in hosts or hosts <= LOOPBACK_HOSTS:
        shown = ", ".join(sorted(hosts)) or "nothing"
        return [checks.Warning(
            f"ALLOWED_HOSTS is {shown}: it must name the site's own host names, no wildcard.",
            hint="Set DJANGO_ALLOWED_HOSTS, e.g. academy.example.org.",
            id="academy.W003",
        )]
    return []
