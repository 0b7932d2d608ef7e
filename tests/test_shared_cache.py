"""The cache several app servers share: Redis through Django's RedisCache, named by CACHE_URL (or
REDIS_URL) in the production settings; the file cache under CACHE_DIR when none is named.

How the settings choose runs everywhere. The tests that talk to Redis run against the server
CACHE_URL names (`make test-cache`; .ci/run starts Debian's redis-server for them) and are skipped
only when none is named. They write keys of their own and delete them, never clear(): the Redis
may be a developer's own.
"""

import functools
import json
import os
import sys
import time
import uuid

import pytest
from django.utils.module_loading import import_string

from .test_settings import manage, production_key, run

CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
needs_redis = pytest.mark.skipif(
    not CACHE_URL, reason="no Redis named: set CACHE_URL=redis://HOST:PORT/0 (make test-cache)"
)
PRINT_CACHES = "from django.conf import settings; import json; print(json.dumps(settings.CACHES))"


def production_caches(**env):
    """CACHES as the production settings build them from ``env``."""
    env = {"CACHE_URL": None, "REDIS_URL": None, "CACHE_DIR": None, **env}
    result = run([sys.executable, "-c", PRINT_CACHES],
                 SECRET_KEY=production_key(), ALLOWED_HOSTS="commons.example.org", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@functools.cache
def redis_caches():
    """CACHES as the production settings build them for CACHE_URL, read once."""
    return production_caches(CACHE_URL=CACHE_URL)


def connect(alias="default"):
    """A new connection to the production cache ``alias`` on CACHE_URL, made the way Django's
    cache handler makes one: each call is another client, as another app server would hold."""
    config = redis_caches()[alias]
    return import_string(config["BACKEND"])(config["LOCATION"], config)


def a_key():
    return f"test-shared-cache-{uuid.uuid4().hex}"


# How the production settings choose


def test_cache_url_gives_every_alias_a_redis_cache_of_its_own():
    caches = production_caches(CACHE_URL="redis://cache.internal:6379/2")
    assert set(caches) >= {"default", "pages"}
    for config in caches.values():
        assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert config["LOCATION"] == "redis://cache.internal:6379/2"
    # One Redis database, a key namespace per alias.
    assert len({config["KEY_PREFIX"] for config in caches.values()}) == len(caches)


def test_redis_url_is_read_when_cache_url_is_not_set():
    caches = production_caches(REDIS_URL="redis://platform-redis:6380/0")
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["default"]["LOCATION"] == "redis://platform-redis:6380/0"


def test_without_redis_one_machine_uses_a_file_cache_folder_per_alias(tmp_path):
    caches = production_caches(CACHE_DIR=str(tmp_path))
    renditions = caches.pop("renditions")
    assert {alias: (config["BACKEND"], config["LOCATION"]) for alias, config in caches.items()} == {
        alias: ("django.core.cache.backends.filebased.FileBasedCache", str(tmp_path / alias)) for alias in caches
    }
    assert set(caches) >= {"default", "pages"}
    # Wagtail writes a rendition's cache entry on every image of every page: kept in each process's
    # memory for a while rather than as a file write per image.
    assert renditions["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert 0 < renditions["TIMEOUT"] <= 3600


def test_a_cache_url_that_is_not_redis_is_refused_with_what_to_do():
    result = manage("check", SECRET_KEY=production_key(), ALLOWED_HOSTS="commons.example.org",
                    CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "CACHE_URL must name a Redis server, e.g. redis://127.0.0.1:6379/0" in result.stderr


# A real Redis


@needs_redis
def test_set_get_and_delete():
    cache, key = connect(), a_key()
    cache.set(key, {"resource": 42, "title": "Pre-visit planning"}, 60)
    assert cache.get(key) == {"resource": 42, "title": "Pre-visit planning"}
    assert cache.delete(key) is True
    assert cache.get(key) is None
    assert cache.get(key, "gone") == "gone"


@needs_redis
def test_a_key_expires():
    cache, key = connect(), a_key()
    cache.set(key, "for a second", timeout=1)
    assert cache.get(key) == "for a second"
    time.sleep(1.5)
    assert cache.get(key) is None


@needs_redis
def test_two_connections_see_each_others_writes_and_deletes():
    first, second = connect(), connect()
    assert first._cache is not second._cache
    key = a_key()
    try:
        first.set(key, "written by server one", 60)
        assert second.get(key) == "written by server one"
        second.set(key, "replaced by server two", 60)
        assert first.get(key) == "replaced by server two"
        second.delete(key)
        assert first.get(key) is None
    finally:
        first.delete(key)


@needs_redis
def test_another_app_server_process_sees_this_ones_writes():
    cache, key = connect(), a_key()
    try:
        cache.set(key, "from the first server", 60)
        other_server = (
            "from django.core.cache import caches; c = caches['default']; "
            f"print(c.get({key!r})); c.set({key!r} + '-reply', 'from the second server', 60)"
        )
        result = manage("shell", "-c", other_server, SECRET_KEY=production_key(),
                        ALLOWED_HOSTS="commons.example.org", CACHE_URL=CACHE_URL)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "from the first server"
        assert cache.get(key + "-reply") == "from the second server"
    finally:
        cache.delete_many([key, key + "-reply"])


@needs_redis
def test_the_page_cache_and_the_default_cache_keep_apart():
    default, pages, key = connect("default"), connect("pages"), a_key()
    try:
        default.set(key, "default's", 60)
        pages.set(key, "a whole page", 60)
        assert (default.get(key), pages.get(key)) == ("default's", "a whole page")
        pages.delete(key)
        assert default.get(key) == "default's"
    finally:
        default.delete(key)
        pages.delete(key)
