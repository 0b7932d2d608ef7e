from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class ContributorsConfig(AppConfig):
    default = True  # the app's own config; UsersAppConfig below stands in for wagtail.users
    name = "contributors"
    verbose_name = "People and organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Invitation
        from .permissions import InvitationPermissionPolicy

        # Every admin route to an invitation asks this policy (contributors/invitation_admin.py).
        register_permission_policy(Invitation, InvitationPermissionPolicy(Invitation))


class UsersAppConfig(WagtailUsersAppConfig):
    """``wagtail.users`` with our user screens (``contributors.users``), in its place in INSTALLED_APPS,
    and with the user permission policy every route to an account consults (contributors/permissions.py)."""

    default = False
    user_viewset = "contributors.users.UserViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth import get_user_model
        from wagtail import hooks
        from wagtail.permissions import register_permission_policy

        from .permissions import UserPermissionPolicy
        from .user_bulk_actions import USER_BULK_ACTIONS

        User = get_user_model()
        # Replaces the plain model-permission policy Wagtail registered for users a line above.
        register_permission_policy(User, UserPermissionPolicy(User))
        # Registered after Wagtail's bulk actions (order 1 > 0), so ours replace them by name.
        for action_class in USER_BULK_ACTIONS:
            hooks.register("register_bulk_action", action_class, order=1)
