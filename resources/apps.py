from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .review import notifications

        # Before wagtail.admin's ready(): ours replace Wagtail's workflow e-mails (see the module).
        notifications.connect()
