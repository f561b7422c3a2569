"""Production settings: they refuse to start unsafely, `check --deploy` names weak values,
and a complete production environment passes it. Each case starts a fresh process with
academy.settings (not the test settings) and DEBUG off, as gunicorn would."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from certificates.credentials.keys import generate_signing_key

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "CACHE_URL": "redis://127.0.0.1:6379/11",  # checked, never connected to here
    "SITE_URL": "https://academy.example.org",
    "DJANGO_ALLOWED_HOSTS": "academy.example.org",
    "DJANGO_DEBUG": "false",
    # The Open Badges signing key (PEM, one line with \n as platforms keep variables).
    "CREDENTIALS_SIGNING_KEY": generate_signing_key().to_pem().decode().replace("\n", "\\n"),
}


def run_production(tmp_path, args, **overrides):
    """`manage.py <args>` with a complete production environment, changed by `overrides`
    (None removes a variable)."""
    env = {
        k: v for k, v in os.environ.items()
        if k not in PRODUCTION and not k.startswith(("DJANGO_", "SENTRY_", "CREDENTIALS_"))
        and k not in ("CACHE_URL", "SECURE_SSL_REDIRECT")
    }
    env.update(PRODUCTION, DJANGO_SETTINGS_MODULE="academy.settings",
               DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}")
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
        capture_output=True, text=True, timeout=120,
    )


def check_deploy(tmp_path, **overrides):
    return run_production(tmp_path, ["check", "--deploy", "--fail-level", "WARNING"],
                          **overrides)


def test_production_settings_pass_check_deploy(tmp_path):
    """Production only hardens: with a real secret, a shared cache, https SITE_URL and
    hosts, `manage.py check --deploy` reports nothing."""
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "CACHE_URL"])
def test_production_refuses_to_start_without(tmp_path, missing):
    result = run_production(tmp_path, ["check"], **{missing: None})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"but {missing} is not set" in result.stderr
    assert "For development, set DJANGO_DEBUG=true" in result.stderr


def test_development_starts_with_no_environment_at_all(tmp_path):
    result = run_production(tmp_path, ["check"], DJANGO_DEBUG="true", DJANGO_SECRET_KEY=None,
                            CACHE_URL=None, SITE_URL=None, DJANGO_ALLOWED_HOSTS=None)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"DJANGO_SECRET_KEY": settings.DEVELOPMENT_SECRET_KEY}, "academy.E001"),
        ({"DJANGO_SECRET_KEY": "short-but-set"}, "academy.W001"),
        ({"CACHE_URL": "locmemcache://"}, "academy.W002"),
        ({"DJANGO_ALLOWED_HOSTS": "*"}, "academy.W003"),
        ({"DJANGO_ALLOWED_HOSTS": None}, "academy.W003"),  # only this machine's names
        ({"CREDENTIALS_SIGNING_KEY": None}, "certificates.E002"),  # the development key
        ({"CREDENTIALS_SIGNING_KEY": "not a key"}, "certificates.E003"),
    ],
    ids=["development key", "short key", "per-process cache", "any host", "no host",
         "no credential key", "broken credential key"],
)
def test_check_deploy_fails_on_unsafe_values(tmp_path, overrides, expected):
    result = check_deploy(tmp_path, **overrides)
    assert result.returncode != 0
    assert expected in result.stderr + result.stdout


PROBE = """
import json
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="academy.example.org")
plain = client.get("/healthz")
page = client.get("/accounts/login/")
secure = client.get("/healthz", secure=True)
print(json.dumps({
    "healthz": plain.status_code, "page": page.status_code,
    "page_location": page.get("Location"), "hsts": secure.get("Strict-Transport-Security"),
}))
"""


def probe(tmp_path, **overrides):
    result = run_production(tmp_path, ["shell", "-c", PROBE], **overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_plain_http_while_pages_redirect_to_https(tmp_path):
    answers = probe(tmp_path)
    assert answers["healthz"] == 200  # a load balancer's plain-http probe
    assert answers["page"] == 301
    assert answers["page_location"] == "https://academy.example.org/accounts/login/"
    # HSTS for a year, without preload (a commitment that is opt-in).
    assert answers["hsts"] == "max-age=31536000; includeSubDomains"


def test_hsts_preload_is_opt_in(tmp_path):
    answers = probe(tmp_path, DJANGO_SECURE_HSTS_PRELOAD="true")
    assert answers["hsts"] == "max-age=31536000; includeSubDomains; preload"


LOG_AND_REPORT = """
import logging, sentry_sdk
client = sentry_sdk.get_client()
print("sentry", client.is_active(), client.dsn)
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("academy.smoke").exception("it broke", extra={"cohort": "spring"})
"""


def test_json_logs_and_sentry_only_when_asked(tmp_path):
    plain = run_production(tmp_path, ["shell", "-c", LOG_AND_REPORT])
    assert plain.returncode == 0, plain.stderr
    assert "sentry False None" in plain.stdout
    assert "ERROR academy.smoke: it broke" in plain.stderr

    dsn = "http://public@127.0.0.1:9/1"  # loopback, nothing listens: no event leaves
    structured = run_production(tmp_path, ["shell", "-c", LOG_AND_REPORT],
                                DJANGO_LOG_FORMAT="json", SENTRY_DSN=dsn)
    assert structured.returncode == 0, structured.stderr
    assert f"sentry True {dsn}" in structured.stdout
    lines = [json.loads(text) for text in structured.stderr.splitlines() if text[:1] == "{"]
    [line] = [line for line in lines if line["logger"] == "academy.smoke"]
    assert (line["level"], line["logger"], line["message"]) == (
        "ERROR", "academy.smoke", "it broke")
    assert line["cohort"] == "spring" and "ZeroDivisionError" in line["exc_info"]


def test_manage_py_in_a_bare_checkout_is_development(tmp_path):
    """Nothing configured at all (no DJANGO_DEBUG, no secret key): management commands such
    as makemigrations run as in development instead of refusing."""
    result = run_production(tmp_path, ["makemigrations", "--check", "--dry-run"],
                            DJANGO_DEBUG=None, DJANGO_SECRET_KEY=None, CACHE_URL=None,
                            CREDENTIALS_SIGNING_KEY=None)
    assert result.returncode == 0, result.stderr
    # With a secret key but no DJANGO_DEBUG it is production, and refuses without a cache.
    result = run_production(tmp_path, ["check"], DJANGO_DEBUG=None, CACHE_URL=None)
    assert result.returncode != 0 and "but CACHE_URL is not set" in result.stderr
