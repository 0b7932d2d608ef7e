"""A server. Refuses to start without a real SECRET_KEY and ALLOWED_HOSTS; passes
``manage.py check --deploy --fail-level WARNING``."""

import importlib.util
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = False

# Words that mark a key someone meant to replace, and the keys of the other settings modules.
PLACEHOLDER_WORDS = ("changeme", "change-me", "change_me", "secret", "django-insecure", "insecure",
                     "placeholder", "example", "password", "your-key", "replace")
NON_PRODUCTION_KEYS = {"dev-only-insecure-key-never-use-in-production", "test-only-key"}
MIN_KEY_LENGTH = 50
MIN_KEY_DISTINCT_CHARACTERS = 10  # a hex key has 16; a repeated pattern far fewer


def secret_key_problem(key):
    """Why ``key`` will not do in production, or None."""
    if key in NON_PRODUCTION_KEYS:
        return "SECRET_KEY is the development or test key from commons_site/settings/, which is public."
    if len(key) < MIN_KEY_LENGTH:
        return f"SECRET_KEY is missing or too short ({len(key)} characters)."
    if len(set(key)) < MIN_KEY_DISTINCT_CHARACTERS:
        return f"SECRET_KEY has too few different characters ({len(set(key))}); it is not random."
    word = next((word for word in PLACEHOLDER_WORDS if word in key.lower()), None)
    if word:
        return f"SECRET_KEY looks like a placeholder (it contains {word!r})."
    return None


def wildcard_hosts(hosts):
    """The entries of ALLOWED_HOSTS that would let any Host header through: "*", anything with a
    "*" (Django knows only "*" alone; "*.example.org" is a mistake for ".example.org"), and a
    leading-dot pattern for a whole top-level domain or for nothing (".", ".org")."""
    return [
        host for host in hosts
        if "*" in host or (host.startswith(".") and "." not in host.strip("."))
    ]


if problem := secret_key_problem(SECRET_KEY):  # noqa: F405
    raise ImproperlyConfigured(
        f"{problem} SECRET_KEY must be set to a long random value in production (at least "
        f"{MIN_KEY_LENGTH} characters). "
        'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
    )
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the host names this site answers to, e.g. commons.example.org"
    )
if wildcards := wildcard_hosts(ALLOWED_HOSTS):  # noqa: F405
    raise ImproperlyConfigured(
        f"ALLOWED_HOSTS must name this site's hosts, not a wildcard ({', '.join(wildcards)}): a "
        "wildcard lets forged Host headers into password reset links and other absolute URLs. "
        "List the names, e.g. commons.example.org, or .commons.example.org for it and its subdomains."
    )

# WhiteNoise serves the collected static files straight after SecurityMiddleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps (the API docs' Swagger UI ships 2.5 MB of them) are fetched only by a developer's
# browser tools: served as they are rather than compressed twice by every collectstatic.
from whitenoise.compress import Compressor  # noqa: E402

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# HTTPS everywhere; a proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Each gunicorn worker and the task worker keep their database connection between requests, checked
# before reuse (CONN_HEALTH_CHECKS), instead of opening one per request: a new PostgreSQL connection
# costs milliseconds of every page. DATABASE_CONN_MAX_AGE=0 closes it after each request again.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Background work (screening contributions, the workflow's and the password reset e-mail, search
# indexing, Wagtail's reference index and file clean-up) is queued in the database and run by
# `manage.py db_worker`, so a request never waits on it; without a worker running, nothing queued
# ever runs (docs/deployment.md). TASKS_BACKEND=immediate runs it inside the request instead, for a
# machine that cannot run a second process.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be 'database' (queued for manage.py db_worker, the default) or "
        f"'immediate' (run inside the request), not {TASKS_BACKEND!r}."
    )

# Caches. Several app servers share one Redis, named by CACHE_URL (or REDIS_URL, as hosting
# platforms call it), e.g. redis://cache.internal:6379/0, so that what one server caches or purges
# every server sees. Without one, the file cache under CACHE_DIR (default var/cache) is shared by
# the gunicorn workers of this one machine. Every alias gets the same kind of cache, each in a
# namespace of its own; "pages" holds whole pages for anonymous visitors.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
CACHE_DIR = Path(os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")))  # noqa: F405
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"CACHE_URL must name a Redis server, e.g. redis://127.0.0.1:6379/0 (it is {CACHE_URL!r}); "
        "leave it unset to use the file cache under CACHE_DIR on a single machine."
    )
if CACHE_URL and importlib.util.find_spec("redis") is None:
    raise ImproperlyConfigured(
        "CACHE_URL names a Redis server but the redis package is not installed: "
        "pip install -e '.[redis]'"
    )


def production_cache(alias):
    if CACHE_URL:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # Keys are "<alias>:<version>:<key>". clear() empties the whole Redis database, every
            # alias with it: purge pages by key, or give the database to this site alone.
            "KEY_PREFIX": alias,
            # A Redis that stops answering fails the request in seconds, not after the system's
            # TCP timeout of minutes with a gunicorn worker held all along.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    # A folder per alias: the file cache's clear() empties its whole folder. Django's default of
    # 300 entries would keep culling a site's pages; every write lists the folder, so not unbounded.
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / alias),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "10000"))},
    }


CACHES = {alias: production_cache(alias) for alias in ("default", "pages")}
# Wagtail writes its rendition cache for every image it renders, on every page (a card list has a
# dozen): a file cache would write and rename a file for each, and list its folder too. Renditions
# never change (a new focal point or filter is a new key), so without Redis each process keeps them
# in memory for ten minutes.
CACHES["renditions"] = (
    production_cache("renditions")
    if CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)
