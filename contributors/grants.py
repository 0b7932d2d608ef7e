"""Whom may someone give a role: the escalation guard of invitations (contributors/invitations.py).

A role is a group of permissions (what each holds is set up in resources/roles.py). Someone may
give a role only if they already hold everything it grants: each of its model permissions, each of
its page permissions on that page or one above it, each of its collection permissions on that
collection or one above it. So an editor may invite participants, reviewers and editors, and never
a network admin (who holds permissions no editor does); the rule reads permissions, never the
names of the groups, and holds for any group an administrator makes.

Someone who may already make accounts and give them any group (``auth.add_user`` and
``auth.change_user``: network admins, through Users) may give any role by invitation too; an
invitation gives them no power they lack. Without that rule, Wagtail's own "Editors" group, which
holds page permissions on the tree's root, could not be given by a network admin. Administrators
(superusers) hold every permission.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

# The permissions that already let someone make an account with any group (the admin's Users).
ACCOUNT_MANAGERS = ["auth.add_user", "auth.change_user"]


def _by_group(rows):
    """``{group id: {permission: [paths]}}`` from (group id, permission, path) rows."""
    grouped = {}
    for group_id, permission, path in rows:
        grouped.setdefault(group_id, {}).setdefault(permission, []).append(path)
    return grouped


def _covers(held, needed):
    """Whether every (permission, path) needed is held on that path or an ancestor of it (a
    treebeard path starts with its ancestors' paths)."""
    return all(
        any(path.startswith(own) for own in held.get(permission, ()))
        for permission, paths in needed.items()
        for path in paths
    )


def _merged(grouped, group_ids):
    held = {}
    for group_id in group_ids:
        for permission, paths in grouped.get(group_id, {}).items():
            held.setdefault(permission, []).extend(paths)
    return held


def grantable_role_ids(user):
    """The ids of the groups ``user`` may give, in a fixed number of queries however many groups
    there are; kept on the user object for the rest of the request."""
    if not (user and user.is_active):
        return frozenset()
    if not hasattr(user, "_grantable_role_ids"):
        groups = Group.objects.all()
        if user.is_superuser or user.has_perms(ACCOUNT_MANAGERS):
            user._grantable_role_ids = frozenset(groups.values_list("pk", flat=True))
            return user._grantable_role_ids
        held_models = user.get_all_permissions()
        model_rows = Group.permissions.through.objects.values_list(
            "group_id", "permission__content_type__app_label", "permission__codename"
        )
        needed_models = {}
        for group_id, app_label, codename in model_rows:
            needed_models.setdefault(group_id, set()).add(f"{app_label}.{codename}")
        trees = [
            _by_group(GroupPagePermission.objects.values_list("group_id", "permission_id", "page__path")),
            _by_group(GroupCollectionPermission.objects.values_list("group_id", "permission_id", "collection__path")),
        ]
        own = set(user.groups.values_list("pk", flat=True))
        held_trees = [_merged(tree, own) for tree in trees]
        user._grantable_role_ids = frozenset(
            group_id for group_id in groups.values_list("pk", flat=True)
            if needed_models.get(group_id, set()) <= held_models
            and all(_covers(held, tree.get(group_id, {})) for held, tree in zip(held_trees, trees, strict=True))
        )
    return user._grantable_role_ids


def may_grant(user, role):
    """Whether ``user`` may give ``role`` (a Group) to someone: they hold everything it grants."""
    return role.pk in grantable_role_ids(user)
