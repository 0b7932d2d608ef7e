from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "commons_search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What is indexed, and when, is registered by the app that owns it (search/registry.py).
        from . import checks, signals  # noqa: F401  (checks registers itself)

        signals.connect()
