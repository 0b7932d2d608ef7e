"""The static files app, configured (INSTALLED_APPS names this instead of django.contrib.staticfiles).

In a module of its own: commons_site/apps.py keeps one AppConfig, so that Django still picks it as
the site's own (with two, it would fall back to a plain AppConfig and skip its ready())."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class CommonsStaticFilesConfig(StaticFilesConfig):
    # drf-spectacular-sidecar ships Redoc beside Swagger UI. The API's docs page uses Swagger UI only
    # (Redoc injects styles the Content-Security-Policy refuses), and Redoc's 5 MB would otherwise be
    # hashed and compressed by every collectstatic.
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "drf_spectacular_sidecar/redoc/*"]
