"""The admin's user screens, held to the rule in contributors/permissions.py: only an administrator
(a Django superuser) makes, changes or removes administrators.

Three layers, so that no single route is the only gate:
- the permission policy for the user model (contributors/permissions.py), which every view here,
  the bulk actions (contributors/user_bulk_actions.py) and Wagtail's own actions consult;
- the views, which ask that policy about the account they act on and say plainly why they refuse;
- the forms, which carry the "Administrator" box only for administrators and refuse to save
  changes to an administrator's account for anyone else, whichever view builds them.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.views.generic import CopyViewMixin
from wagtail.users import forms as wagtail_forms
from wagtail.users.views import users

from .permissions import ADMINISTRATORS_ONLY, manages_administrators

User = get_user_model()


class AdministratorFieldMixin:
    """The "Administrator" (is_superuser) box only for administrators, and no changes to an
    administrator's account by anyone else. ``for_user`` is the person filling in the form; without
    one the form assumes the least (no box)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.by_administrator = bool(for_user) and manages_administrators(for_user)
        if not self.by_administrator:
            self.fields.pop("is_superuser", None)

    def clean(self):
        cleaned_data = super().clean()
        # self.instance still holds the saved account here: the form's data is applied after clean().
        if self.instance.pk and self.instance.is_superuser and not self.by_administrator:
            raise forms.ValidationError(ADMINISTRATORS_ONLY, code="administrators_only")
        return cleaned_data


class UserCreationForm(AdministratorFieldMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(AdministratorFieldMixin, wagtail_forms.UserEditForm):
    pass


class AccountGuardMixin:
    """Refuses, with the reason, a view on an account the policy does not let this user manage.

    Model-level permission (may this person manage users at all?) stays with Wagtail's
    PermissionCheckedMixin, whose refusal is the admin's usual one."""

    account_action = "change"

    def get_account(self):
        return self.object

    def dispatch(self, request, *args, **kwargs):
        account = self.get_account()
        if (
            self.permission_policy.user_has_permission(request.user, self.account_action)
            and not self.permission_policy.user_has_permission_for_instance(
                request.user, self.account_action, account
            )
        ):
            if account.is_superuser and not manages_administrators(request.user):
                messages.error(request, ADMINISTRATORS_ONLY)
                return redirect(self.index_url_name)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserFormKwargsMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CreateView(UserFormKwargsMixin, users.CreateView):
    pass


class CopyView(AccountGuardMixin, CopyViewMixin, CreateView):
    """A new account pre-filled from an existing one: the same names, e-mail and roles.

    Wagtail's generic copy view hands the form the source object itself, so a form posted to the
    copy URL was saved over the source account (its password, its Administrator flag). Here the
    form always gets a new, unsaved account, and copying an account counts as managing it."""

    def get_account(self):
        if not hasattr(self, "_source"):
            self._source = self.get_object()
        return self._source

    def get_initial_form_instance(self):
        source = self.get_account()
        return User(first_name=source.first_name, last_name=source.last_name, email=source.email)

    def get_initial(self):
        source = self.get_account()
        # The Administrator box is offered (and so read) only for administrators.
        return {
            **super().get_initial(),
            "groups": list(source.groups.all()),
            "is_superuser": source.is_superuser,
        }


class EditView(UserFormKwargsMixin, AccountGuardMixin, users.EditView):
    pass


class DeleteView(AccountGuardMixin, users.DeleteView):
    account_action = "delete"


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
