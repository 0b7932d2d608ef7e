"""Wagtail's bulk actions on users (delete, assign role, set active state), asking the user
permission policy (contributors/permissions.py) about each selected account.

Wagtail's own versions check only the model permission ("may change users"), so a network admin
could deactivate an administrator or change an administrator's roles from the user list. These
replace them under the same names (registered in contributors/apps.py): an administrator in the
selection is left untouched, the others are acted on, and the person is told why.
"""

from wagtail.admin import messages
from wagtail.users.views import bulk_actions

from .permissions import ADMINISTRATORS_ONLY, manages_administrators


class AccountPolicyMixin:
    #: The policy action that stands for this bulk action on one account.
    policy_action = "change"

    def check_perm(self, obj):
        return super().check_perm(obj) and self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.policy_action, obj
        )

    def get_actionable_objects(self):
        objects, objects_without_access = super().get_actionable_objects()
        refused = objects_without_access.get("items_with_no_access", [])
        if (
            any(user.is_superuser for user in refused)
            and not manages_administrators(self.request.user)
            and not getattr(self, "_said_administrators_only", False)
        ):
            # Shown on the confirmation page, or after the action on the page it returns to.
            messages.error(self.request, ADMINISTRATORS_ONLY)
            self._said_administrators_only = True
        return objects, objects_without_access


class DeleteBulkAction(AccountPolicyMixin, bulk_actions.DeleteBulkAction):
    policy_action = "delete"


class AssignRoleBulkAction(AccountPolicyMixin, bulk_actions.AssignRoleBulkAction):
    pass


class SetActiveStateBulkAction(AccountPolicyMixin, bulk_actions.SetActiveStateBulkAction):
    pass


USER_BULK_ACTIONS = [DeleteBulkAction, AssignRoleBulkAction, SetActiveStateBulkAction]
