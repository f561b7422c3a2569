"""The shared cache on Redis: one client per connection pool, working as Django's own
backend does (on the real Redis of CI, never a stand-in)."""

import os

import pytest

from academy.cache import SharedClientRedisCache


@pytest.fixture
def redis_cache():
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        pytest.skip("needs Redis: set CELERY_BROKER_URL=redis://127.0.0.1:6379/15")
    cache = SharedClientRedisCache(broker.rsplit("/", 1)[0] + "/13",
                                   {"KEY_PREFIX": "test-cache-backend"})
    yield cache
    cache.clear()


def test_the_cache_keeps_values_and_reuses_one_client(redis_cache):
    redis_cache.set("seats", {"left": 3}, 60)
    assert redis_cache.get("seats") == {"left": 3}
    assert redis_cache.add("counter", 1) and redis_cache.incr("counter") == 2
    assert redis_cache.get_many(["seats", "missing"]) == {"seats": {"left": 3}}
    redis_cache.delete("seats")
    assert redis_cache.get("seats") is None
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client() is client  # Django's own builds one per call
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool
    assert client.ping()


def test_settings_choose_it_for_a_redis_cache_url():
    import subprocess
    import sys

    code = ("from django.conf import settings; print(settings.CACHES['default']['BACKEND'])")
    env = {**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/13", "DJANGO_DEBUG": "true",
           "DJANGO_SETTINGS_MODULE": "academy.settings"}
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "academy.cache.SharedClientRedisCache"
