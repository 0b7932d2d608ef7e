from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class ContributorsConfig(AppConfig):
    default = True  # the app's own config; UsersAppConfig below stands in for wagtail.users
    name = "contributors"
    verbose_name = "People and organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="contributors.ensure_roles")


class UsersAppConfig(WagtailUsersAppConfig):
    """``wagtail.users`` with our user screens (``contributors.users``), in its place in INSTALLED_APPS."""

    default = False
    user_viewset = "contributors.users.UserViewSet"
