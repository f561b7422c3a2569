"""The shared cache (Redis in production) with one client per connection pool.

Django's Redis backend builds a `redis.Redis` for every cache operation, and each one
copies its table of about 170 response callbacks: a signed-in page that reads the cache
six times paid for six of them. A client is safe to share between threads (the pool
hands out connections) and across a fork (the pool reconnects in the new process), so
one per pool is enough. `CACHE_URL=redis://...` chooses this backend (settings)."""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write))
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
