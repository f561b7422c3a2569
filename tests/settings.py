"""Settings for the test suite: production settings plus what only tests want.

Nothing here changes a rule; it makes the suite fast and quiet (a cheap password hasher,
plain static storage so pages render without `collectstatic`, warnings-only logs).
Worker processes that tests start inherit DJANGO_SETTINGS_MODULE, so they use it too.
"""

import os

# Production settings refuse to start without a secret key and a shared cache. The suite
# runs with no environment at all, so it brings its own (one process, or worker processes
# that share nothing through the cache). Set them to test against real ones.
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-" + "x" * 50)
os.environ.setdefault("CACHE_URL", "locmemcache://tests")

from academy.settings import *  # noqa: E402, F403
from academy.settings import LOGGING, STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": "WARNING"}}
# Query counts and page assertions measure rendering, not the public-page cache (its own
# tests, tests/academy/test_public_cache.py, turn it on).
PUBLIC_CACHE_SECONDS = 0
# Long work runs in-process, inside the test's transaction (one test starts the thread).
BACKGROUND_THREADS = False
# One throwaway credential signing key per test run (worker processes inherit it through
# the environment), so tests never write the development key file into the checkout.
if not os.environ.get("CREDENTIALS_SIGNING_KEY") and not os.environ.get(
    "CREDENTIALS_SIGNING_KEY_FILE"
):
    from certificates.credentials.keys import generate_signing_key  # noqa: E402

    os.environ["CREDENTIALS_SIGNING_KEY"] = generate_signing_key().to_pem().decode()
    CREDENTIALS_SIGNING_KEY = os.environ["CREDENTIALS_SIGNING_KEY"]
