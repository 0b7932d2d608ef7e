"""Who may act on a user account: the one rule Wagtail leaves to us.

Network admins hold every model permission, users included, but are not administrators (Django
superusers). Wagtail's default policy for the user model is the plain model permission, so each
route to an account (edit, copy, delete, bulk actions, Wagtail's own actions) would let a network
admin change an administrator's account, reset its password, or deactivate it, and so take it
over. This policy is registered for the user model in place of Wagtail's (contributors/apps.py),
so every route that asks "may this user act on that account?" gets the same answer: an
administrator's account is managed only by administrators.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .grants import grantable_role_ids, may_grant

ADMINISTRATORS_ONLY = (
    "Only an administrator can change an administrator's account. "
    "Ask an administrator to make this change."
)

# Reading an account (the user list, its history and usage) is not managing it.
READ_ONLY_ACTIONS = {"view"}


def manages_administrators(user):
    return user.is_active and user.is_superuser


class UserPermissionPolicy(ModelPermissionPolicy):
    """The model permissions on users, except that only administrators may change, copy, delete,
    deactivate or re-role an administrator's account."""

    def _reserved(self, actions):
        """Whether these actions (any one of which would do) go beyond reading an account."""
        return not set(actions) & READ_ONLY_ACTIONS

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.is_superuser and self._reserved([action]) and not manages_administrators(user):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self._reserved(actions) and not manages_administrators(user):
            instances = instances.filter(is_superuser=False)
        return instances

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        if instance.is_superuser and self._reserved(actions):
            users = users.filter(is_superuser=True)
        return users


class InvitationPermissionPolicy(ModelPermissionPolicy):
    """The model permissions on invitations (granted in resources/roles.py), and on one invitation
    only for someone who may give its role (contributors/grants.py): an editor neither revokes nor
    resends a network admin's invitation."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action != "view" and not may_grant(user, instance.role):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if "view" in actions:
            return instances
        return instances.filter(role__in=grantable_role_ids(user))
