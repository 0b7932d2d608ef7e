"""What each of the network's roles (their names: ``contributors/roles.py``) may do, granted from
the side that owns the pages: where in the page tree each role acts, which files and models it
manages, and the review workflow whose human steps are its groups.

``ensure_roles()`` is idempotent: it runs after every migrate, at the end of ``load_demo``, and as
``manage.py setup_roles`` after a new library is made. It only adds: a permission an
administrator granted by hand stays.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from contributors.roles import EDITORS, NETWORK_ADMINS, PARTICIPANTS, REVIEWERS, ROLE_GROUPS

from .models import HomePage, LibraryPage
from .review.workflow import ensure_review_workflow

# (group, page permission types, granted on): where in the page tree each role may act.
PAGE_PERMISSIONS = {
    PARTICIPANTS: (["add"], "library"),
    REVIEWERS: (["add", "change"], "library"),
    EDITORS: (["add", "change", "publish", "lock", "unlock"], "home"),
    NETWORK_ADMINS: (["add", "change", "publish", "lock", "unlock", "bulk_delete"], "home"),
}

# Documents and images: everyone may upload and choose; editors and admins may change any.
COLLECTION_PERMISSIONS = {
    PARTICIPANTS: ["add_document", "choose_document", "add_image", "choose_image"],
    REVIEWERS: ["add_document", "choose_document", "add_image", "choose_image"],
    EDITORS: ["add_document", "change_document", "choose_document", "add_image", "change_image", "choose_image"],
    NETWORK_ADMINS: [
        "add_document", "change_document", "delete_document", "choose_document",
        "add_image", "change_image", "delete_image", "choose_image",
    ],
}

# Editors keep the vocabularies and the people directory (organisations and the conditions they
# serve, contributor profiles).
VOCABULARY_MODELS = [
    "resources.condition", "resources.resourcetype", "resources.audience", "resources.licence",
    "contributors.organisation", "contributors.contributorprofile",
]
RELEASE_MODELS = ["resources.release", "resources.releasefile"]
# Editors decide any reuse request (resources.models.reuse.DECIDE_ANY); requests are made by members.
REUSE_MODELS = ["resources.reuserequest"]
# Search: editors manage synonyms and read the search analytics (the query log is written by the
# site, never edited, so they may only view it).
SEARCH_MODELS = ["commons_search.synonym"]
SEARCH_REPORT_MODELS = ["commons_search.searchquerylog"]
# Editors invite people (add), and revoke or resend invitations (change); whom they may invite is
# bounded by their own permissions (contributors/grants.py), not here.
INVITATION_MODELS = ["contributors.invitation"]
# Editors keep the kinds of typed review and who does each (resources/models/typed_review.py); acting
# for every type is the administrators' (``decide_any_review_type``, not granted here).
REVIEW_TYPE_MODELS = ["resources.reviewtype"]
# The usage report (resources/usage/dashboard.py): counters the site writes, read by editors.
USAGE_REPORT_MODELS = ["resources.usagecount"]
# Editors keep any centre's adoption marks current (resources.models.adoption.CHANGE_ANY): stop a
# mark left behind. Members mark for their own centre without a model permission.
ADOPTION_MODELS = ["resources.adoption"]
# Centres' data series (resources/models/evidence.py): every role is the network, and sees its members-only
# series, as it passes a network-only page's restriction; editors may change or delete any series.
SERIES_MODELS = ["resources.series"]


def _model_permissions(labels, actions=("add", "change", "delete", "view")):
    query = Permission.objects.none()
    for label in labels:
        app_label, model = label.split(".")
        query |= Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return query


def _see_network_series():
    return Permission.objects.filter(content_type__app_label="resources", codename="see_network_series")


def access_admin():
    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


def grant_page_permissions(groups, codenames, pages):
    """Each of ``groups`` may do these (``change_page`` ...) on each of ``pages`` and below. Only
    adds: a permission granted by hand stays."""
    if not pages:
        return
    permissions = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    for group in groups:
        for page in pages:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _model_permissions_for(group_name):
    if group_name in (PARTICIPANTS, REVIEWERS):
        return access_admin() | _see_network_series()
    if group_name == EDITORS:
        return (
            access_admin()
            | _see_network_series()
            | _model_permissions(SERIES_MODELS, actions=("change", "delete", "view"))
            | _model_permissions(VOCABULARY_MODELS)
            | _model_permissions(RELEASE_MODELS)
            | _model_permissions(REUSE_MODELS, actions=("change", "view"))
            | _model_permissions(["taggit.tag"])
            | _model_permissions(SEARCH_MODELS)
            | _model_permissions(SEARCH_REPORT_MODELS, actions=("view",))
            | _model_permissions(INVITATION_MODELS, actions=("add", "change", "view"))
            | _model_permissions(USAGE_REPORT_MODELS, actions=("view",))
            | _model_permissions(REVIEW_TYPE_MODELS)
            | _model_permissions(ADOPTION_MODELS, actions=("change", "view"))
        )
    # Network admins hold every model permission: users, groups, sites, workflows and all the above.
    return Permission.objects.all()


@transaction.atomic
def ensure_roles():
    """The role groups by name, each with its permissions, and the review workflow on every library."""
    pages_for = {
        "library": list(LibraryPage.objects.all()),
        "home": list(HomePage.objects.all()),
    }
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*_model_permissions_for(name))

        permission_types, where = PAGE_PERMISSIONS[name]
        grant_page_permissions([group], [f"{kind}_page" for kind in permission_types], pages_for[where])

        if root_collection is not None:
            for permission in Permission.objects.filter(codename__in=COLLECTION_PERMISSIONS[name]):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    ensure_review_workflow(groups)
    return groups


def ensure_roles_after_migrate(app_config, **kwargs):
    # post_migrate is sent once per app, in INSTALLED_APPS order, and each app's permissions are
    # created by its own signal; act on the last one, when every permission exists.
    if app_config is list(apps.get_app_configs())[-1]:
        ensure_roles()
