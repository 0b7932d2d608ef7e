from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    name = "search"
    label = "commons_search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
        if getattr(settings, "SEARCH_AUTO_UPDATE", True):
            from . import indexing

            indexing.connect()
