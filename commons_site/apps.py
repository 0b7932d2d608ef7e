from django.apps import AppConfig


class CommonsSiteConfig(AppConfig):
    name = "commons_site"
    verbose_name = "Improvement Commons site"

    def ready(self):
        from . import page_cache

        # The page cache purges what the domain's receivers (PAGE_CACHE_DEPENDENCIES) say changed.
        page_cache.connect()
