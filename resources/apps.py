from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import indexing, page_cache, signals  # noqa: F401  (signals connects its receivers)
        from .review import notifications
        from .roles import ensure_roles_after_migrate

        # The role groups and their permissions on pages, files and models, after every migrate.
        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="resources.ensure_roles")

        # Our subclasses of Wagtail's workflow notifiers take the place of Wagtail's, whether
        # wagtail.admin's ready() runs before or after this one (see ``notifications.connect``).
        notifications.connect()

        # What the site's search indexes, and the receivers that keep it current.
        indexing.register()

        # Which cached pages each edit purges (the cache itself: commons_site/page_cache.py).
        page_cache.connect()

        # The OAI-PMH harvest records: kept current on every change (after resources.signals, whose
        # receiver restricts a network-only resource as it is published), and made for the pages
        # already public when the table first appears.
        from .oai import receivers as oai_receivers
        from .oai.records import backfill_after_migrate

        oai_receivers.connect()
        post_migrate.connect(backfill_after_migrate, sender=self, dispatch_uid="resources.oai.backfill")
