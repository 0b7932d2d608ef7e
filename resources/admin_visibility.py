"""Which pages, files and tags a person sees inside the admin. One rule, consulted by every route:

a participant sees published resources, and drafts they own or are credited on; people who may
change a resource (reviewers, editors, network admins) see it whatever its state, as Wagtail shows
it. Wagtail's own page rules let anyone who may add pages under the library explore every page
there, drafts included, so without this another participant's unfinished work would show up in
the explorer, page search, the admin API, the choosers, the reports and the tag suggestions.

Wagtail routes consult the rule through ``CommonsPagePermissionPolicy`` (registered for ``Page``
in wagtail_hooks.py: the explorer, page search, the admin API and the site history ask the page
policy for ``explorable_instances``), the chooser hooks, and the resource page views in
``admin_views.py``.
"""

from django.db.models import Q
from taggit.models import Tag
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ReleaseFile, ResourcePage

# Wagtail's stock policy, for "which pages may this user change?": the custom policy below builds
# on it, so asking it never comes back to the custom one.
_stock_policy = PagePermissionPolicy()


def _sees_everything(user):
    """Administrators: nothing is hidden from them, so no subquery is needed to say so."""
    return user.is_authenticated and user.is_superuser


def hidden_drafts(user):
    """The resources that are drafts this user may not see: not live, not theirs, not crediting
    them, and not changeable by them (reviewers and editors may change every resource)."""
    drafts = ResourcePage.objects.filter(live=False)
    if not user.is_authenticated:
        return drafts
    if user.is_superuser:
        return drafts.none()
    changeable = _stock_policy.instances_user_has_permission_for(user, "change")
    return (
        drafts.exclude(owner=user)
        .exclude(contributor_links__contributor__user=user)
        .exclude(pk__in=changeable.values("pk"))
    )


def pages_visible_in_admin(user, pages=None):
    """``pages`` (by default every page) without the drafts ``user`` may not see."""
    pages = Page.objects.all() if pages is None else pages
    if _sees_everything(user):
        return pages
    return pages.exclude(pk__in=hidden_drafts(user).values("pk"))


def is_visible_in_admin(user, page):
    return page.live or not hidden_drafts(user).filter(pk=page.pk).exists()


def documents_visible_in_admin(user, documents):
    """``documents`` without the files of drafts ``user`` may not see, nor the files waiting in an
    unpublished release of a resource they may not edit (a contribution's files before review)."""
    if _sees_everything(user):
        return documents
    editable = _stock_policy.instances_user_has_permission_for(user, "change")
    waiting = ReleaseFile.objects.filter(release__published_at__isnull=True).exclude(
        Q(release__resource_id__in=editable.values("pk")) | Q(release__resource__owner=user)
    )
    of_hidden_drafts = ReleaseFile.objects.filter(release__resource__in=hidden_drafts(user).values("pk"))
    return documents.exclude(pk__in=waiting.values("document_id")).exclude(
        pk__in=of_hidden_drafts.values("document_id")
    )


def resource_tags_for(user):
    """The tags of the resources ``user`` may see, for suggesting while they tag their own."""
    seen = pages_visible_in_admin(user, ResourcePage.objects.all())
    return Tag.objects.filter(resources_resourcetag_items__content_object__in=seen.values("pk")).distinct()


def tags_visible_in_admin(user, tags):
    """``tags`` without those only a hidden draft carries: such a tag is that draft's content. Tags
    of documents and images (taggit's own tagged items) stay, as do those of visible resources."""
    if _sees_everything(user):
        return tags
    on_hidden_drafts = Tag.objects.filter(
        resources_resourcetag_items__content_object__in=hidden_drafts(user).values("pk")
    )
    seen = pages_visible_in_admin(user, ResourcePage.objects.all())
    used_elsewhere = Tag.objects.filter(
        Q(resources_resourcetag_items__content_object__in=seen.values("pk")) | Q(taggit_taggeditem_items__isnull=False)
    )
    return tags.exclude(pk__in=on_hidden_drafts.exclude(pk__in=used_elsewhere.values("pk")).values("pk"))


class CommonsPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, with explorable pages limited by the rule above. Every
    admin listing of pages (explorer, page search, type usage, the admin API, site history) starts
    from ``explorable_instances``."""

    def explorable_instances(self, user):
        return pages_visible_in_admin(user, super().explorable_instances(user))
