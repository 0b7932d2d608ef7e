"""Settings for the benchmark only (bench/run.py): the dev settings plus the stock-baseline app.

DATABASE_URL and SEARCH_URL come from the environment as usual (bench/run.py sets them to a
scratch database per run). Debug is off so that Django does not keep every query in memory.
"""

from commons_site.settings.dev import *  # noqa: F401,F403

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "bench.stockapp"]  # noqa: F405
# The benchmark writes the index itself; page signals must not enqueue anything.
SEARCH_AUTO_UPDATE = False
# Wagtail's stock database search backend (modelsearch: SQLite FTS5 here), the baseline.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
