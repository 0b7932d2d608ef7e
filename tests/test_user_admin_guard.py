"""Only an administrator (a Django superuser) makes, changes or removes administrators, on every
route the admin offers to a user account: add, edit, copy, delete and each bulk action.

Network admins (olivia.chen) hold every model permission, users included, but are not
administrators. Each test acts through the admin as a network admin would, then reads the
account back from the database: administrator flag, active flag, password hash, e-mail and roles
must be exactly as before, and the network admin is told plainly why.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from contributors.roles import EDITORS, NETWORK_ADMINS, PARTICIPANTS

from .conftest import login
from .html import read

pytestmark = pytest.mark.django_db

User = get_user_model()
ROOT_PASSWORD = "another long passphrase 42"
REFUSAL = "Only an administrator can change an administrator's account"


@pytest.fixture
def root():
    """An administrator with a role, so that role changes would show."""
    user = User.objects.create_superuser("root.admin", "root@example.org", ROOT_PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def network_admin(client):
    return login(client, "olivia.chen")


@pytest.fixture
def superuser_client(client, root):
    other = client.__class__()
    other.force_login(root)
    return other


def account(user):
    """What must not change behind an administrator's back."""
    user = User.objects.get(pk=user.pk)
    return {
        "is_superuser": user.is_superuser,
        "is_active": user.is_active,
        "password": user.password,
        "email": user.email,
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


def user_form(user, **extra):
    """The user form as the browser would send it, with a new password and the Administrator box."""
    return {
        "username": user.username, "email": user.email, "first_name": user.first_name or "New",
        "last_name": user.last_name or "Person", "password1": "a new long passphrase 77",
        "password2": "a new long passphrase 77", "is_active": "on", "is_superuser": "on",
        "groups": [group.pk for group in user.groups.all()] or [Group.objects.get(name=PARTICIPANTS).pk],
        **extra,
    }


def bulk_url(action, *users):
    ids = "&".join(f"id={user.pk}" for user in users)
    next_url = reverse("wagtailusers_users:index")
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + f"?next={next_url}&{ids}"


def said(response):
    """The text of the page the admin ends on after a POST (messages included)."""
    return read(response).text


def test_the_copy_view_never_changes_the_account_it_copies(network_admin):
    """The reported escalation: POST to copy/<own id>/ with the Administrator box ticked saved the
    form onto the source account, making the network admin an administrator."""
    olivia = User.objects.get(username="olivia.chen")
    before = account(olivia)
    response = network_admin.post(
        reverse("wagtailusers_users:copy", args=[olivia.pk]), user_form(olivia), follow=True
    )
    assert account(olivia) == before
    assert not User.objects.filter(username="olivia.chen", is_superuser=True).exists()
    assert "A user with that username already exists" in said(response)


def test_a_copy_is_a_new_account_without_the_administrator_flag(network_admin):
    olivia = User.objects.get(username="olivia.chen")
    before = account(olivia)
    copy_page = network_admin.get(reverse("wagtailusers_users:copy", args=[olivia.pk])).content.decode()
    assert 'name="is_superuser"' not in copy_page
    network_admin.post(
        reverse("wagtailusers_users:copy", args=[olivia.pk]),
        user_form(olivia, username="olivia.copy", email="olivia.copy@example.org"),
    )
    assert account(olivia) == before
    copy = User.objects.get(username="olivia.copy")
    assert not copy.is_superuser and copy.pk != olivia.pk


def test_a_network_admin_cannot_copy_an_administrator(network_admin, root):
    before = account(root)
    response = network_admin.get(reverse("wagtailusers_users:copy", args=[root.pk]), follow=True)
    assert REFUSAL in said(response) and "root@example.org" not in response.content.decode()
    response = network_admin.post(
        reverse("wagtailusers_users:copy", args=[root.pk]), user_form(root, is_superuser=""), follow=True
    )
    assert REFUSAL in said(response)
    assert account(root) == before and root.check_password(ROOT_PASSWORD)


def test_a_network_admin_cannot_edit_an_administrator(network_admin, root):
    before = account(root)
    response = network_admin.get(reverse("wagtailusers_users:edit", args=[root.pk]), follow=True)
    assert REFUSAL in said(response)
    for change in ({"is_superuser": ""}, {"is_active": ""}, {}):
        response = network_admin.post(
            reverse("wagtailusers_users:edit", args=[root.pk]), user_form(root, **change), follow=True
        )
        assert REFUSAL in said(response)
    assert account(root) == before


def test_a_network_admin_cannot_delete_an_administrator(network_admin, root):
    before = account(root)
    response = network_admin.post(reverse("wagtailusers_users:delete", args=[root.pk]), follow=True)
    assert REFUSAL in said(response)
    assert account(root) == before


@pytest.mark.parametrize("action, data", [
    ("set_active_state", {"mark_as_active": "False"}),
    ("assign_role", {"role": "PARTICIPANTS"}),
    ("delete", {}),
])
def test_no_bulk_action_reaches_an_administrator(network_admin, root, action, data):
    grace = User.objects.get(username="grace.lin")
    before = account(root)
    if "role" in data:
        data = {"role": Group.objects.get(name=PARTICIPANTS).pk}
    confirm = read(network_admin.get(bulk_url(action, root)))
    assert "permission" in confirm.text and REFUSAL in confirm.text
    response = network_admin.post(bulk_url(action, root, grace), data, follow=True)
    assert account(root) == before
    assert REFUSAL in said(response)
    # The ordinary account in the same selection is still acted on.
    if action == "delete":
        assert not User.objects.filter(pk=grace.pk).exists()
    elif action == "set_active_state":
        assert not User.objects.get(pk=grace.pk).is_active


def test_a_network_admin_cannot_make_itself_an_administrator_by_editing_itself(network_admin):
    olivia = User.objects.get(username="olivia.chen")
    network_admin.post(reverse("wagtailusers_users:edit", args=[olivia.pk]), user_form(olivia))
    olivia.refresh_from_db()
    assert not olivia.is_superuser and olivia.groups.filter(name=NETWORK_ADMINS).exists()


def test_no_user_form_offers_the_administrator_box_to_a_network_admin(network_admin):
    grace = User.objects.get(username="grace.lin")
    olivia = User.objects.get(username="olivia.chen")
    for url in (
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[grace.pk]),
        reverse("wagtailusers_users:edit", args=[olivia.pk]),
        reverse("wagtailusers_users:copy", args=[grace.pk]),
    ):
        page = network_admin.get(url)
        assert page.status_code == 200 and 'name="is_superuser"' not in page.content.decode(), url


def test_a_network_admin_cannot_make_someone_else_an_administrator(network_admin):
    grace = User.objects.get(username="grace.lin")
    network_admin.post(reverse("wagtailusers_users:edit", args=[grace.pk]), user_form(grace))
    network_admin.post(
        reverse("wagtailusers_users:copy", args=[grace.pk]),
        user_form(grace, username="grace.copy", email="grace.copy@example.org"),
    )
    assert not User.objects.filter(username__in=["grace.lin", "grace.copy"], is_superuser=True).exists()


def test_the_user_permission_policy_is_the_one_every_route_asks(root):
    """Views, bulk actions and Wagtail's own actions look the policy up in the registry."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(User)
    olivia = User.objects.get(username="olivia.chen")
    grace = User.objects.get(username="grace.lin")
    for action in ("change", "delete"):
        assert not policy.user_has_permission_for_instance(olivia, action, root)
        assert policy.user_has_permission_for_instance(olivia, action, grace)
        assert policy.user_has_permission_for_instance(root, action, grace)
    assert root not in policy.instances_user_has_permission_for(olivia, "change")
    assert grace in policy.instances_user_has_permission_for(olivia, "change")
    who_may_change_root = set(policy.users_with_permission_for_instance("change", root))
    assert root in who_may_change_root and olivia not in who_may_change_root
    assert olivia in set(policy.users_with_permission_for_instance("change", grace))


# Administrators keep every power over every account.


def test_an_administrator_manages_another_administrator(superuser_client, root):
    other = User.objects.create_superuser("second.admin", "second@example.org", "yet another passphrase 99")
    page = superuser_client.get(reverse("wagtailusers_users:edit", args=[other.pk])).content.decode()
    assert 'name="is_superuser"' in page
    superuser_client.post(
        reverse("wagtailusers_users:edit", args=[other.pk]), user_form(other, is_superuser="")
    )
    other.refresh_from_db()
    assert not other.is_superuser and other.check_password("a new long passphrase 77")


def test_an_administrator_makes_an_administrator_and_copies_one(superuser_client, root):
    grace = User.objects.get(username="grace.lin")
    superuser_client.post(reverse("wagtailusers_users:edit", args=[grace.pk]), user_form(grace))
    assert User.objects.get(pk=grace.pk).is_superuser
    before = account(root)
    superuser_client.post(
        reverse("wagtailusers_users:copy", args=[root.pk]),
        user_form(root, username="root.copy", email="root.copy@example.org"),
    )
    assert User.objects.get(username="root.copy").is_superuser
    assert account(root) == before


def test_an_administrator_runs_bulk_actions_on_administrators(superuser_client, root):
    other = User.objects.create_superuser("second.admin", "second@example.org", "yet another passphrase 99")
    superuser_client.post(bulk_url("set_active_state", other), {"mark_as_active": "False"})
    assert not User.objects.get(pk=other.pk).is_active
    superuser_client.post(bulk_url("assign_role", other), {"role": Group.objects.get(name=EDITORS).pk})
    assert User.objects.get(pk=other.pk).groups.filter(name=EDITORS).exists()
    superuser_client.post(bulk_url("delete", other))
    assert not User.objects.filter(pk=other.pk).exists()


def test_the_django_admin_site_is_not_mounted(client):
    """django.contrib.admin is installed for its templates and checks, but no URL serves its site,
    whose user screens would bypass every rule above."""
    from django.contrib import admin
    from django.urls import Resolver404, resolve

    for path in ("/django-admin/", "/django-admin/auth/user/"):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        assert getattr(match.func, "admin_site", None) is not admin.site, path
        assert match.app_name != "admin", path
