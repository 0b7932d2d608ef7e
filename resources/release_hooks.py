"""Admin hooks that refuse, with a message, what would remove a published release.

The refusals themselves live with the models (``Release.resource``'s ``on_delete``, the release
querysets, ``resources/signals.py``), so scripts and any route Wagtail adds later are refused too.
These hooks run first on the admin's routes so that an editor sees why and what to do instead,
not a server error: the snippet delete (single and bulk), page deletion (single, bulk, and a
parent with its descendants). Documents in a release are protected by ``ReleaseFile.document``
(``on_delete=PROTECT``), which Wagtail's document delete screens already show as "references
prevent it from being deleted".
"""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .models import Release
from .models.releases import locked_message, page_deletion_message


def published_releases_under(pages):
    """The published releases of ``pages`` and of every page below them."""
    if not pages:
        return Release.objects.none()
    under = Q()
    for page in pages:
        under |= Q(resource__path__startswith=page.path)
    return Release.objects.published().filter(under).select_related("resource")


def _refuse(request, message, fallback_url):
    messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or fallback_url)


@hooks.register("before_delete_snippet")
def refuse_deleting_published_releases(request, instances):
    """Runs for the snippet delete screen and the snippet bulk delete alike, before either asks
    for confirmation: nothing is deleted when one of the releases is published."""
    published = [instance for instance in instances if isinstance(instance, Release) and instance.is_published]
    if published:
        return _refuse(request, locked_message(published[0]), reverse("wagtailsnippets_resources_release:list"))


@hooks.register("before_delete_page")
def refuse_deleting_pages_with_published_releases(request, page):
    releases = list(published_releases_under([page]))
    if releases:
        parent = page.get_parent()
        fallback = reverse("wagtailadmin_explore", args=[parent.pk]) if parent else reverse("wagtailadmin_home")
        return _refuse(request, page_deletion_message(releases), fallback)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_pages_with_published_releases(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not issubclass(action_class_instance.model, Page):
        return None
    releases = list(published_releases_under(objects))
    if releases:
        return _refuse(request, page_deletion_message(releases), reverse("wagtailadmin_home"))
