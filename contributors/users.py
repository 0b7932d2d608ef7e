"""The admin's user screens, with one rule Wagtail leaves to us: only an administrator (a Django
superuser) makes or changes administrators.

Network admins hold every permission, users included, so Wagtail's user form would let them tick
"Administrator" on any account (their own excepted) or reset an administrator's password, and so
become one. Here the box is shown only to administrators, and administrators' accounts can be
changed or deleted only by administrators.
"""

from django.core.exceptions import PermissionDenied
from wagtail.users.views import users


def _refuse_unless_superuser(request, user):
    if user.is_superuser and not request.user.is_superuser:
        raise PermissionDenied("Only an administrator may change or delete an administrator's account.")


class _AdministratorBox:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class CreateView(_AdministratorBox, users.CreateView):
    pass


class EditView(_AdministratorBox, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        _refuse_unless_superuser(request, self.object)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        _refuse_unless_superuser(request, self.get_object())
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
