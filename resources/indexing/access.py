"""Who may see which resource, as keys both search engines store and filter on.

A document carries the keys that let someone see it: ``public`` when nothing restricts it,
``authenticated`` for a sign-in restriction, ``group:<id>`` for a group restriction. A request
carries the keys of the person asking. A document matches when the two share a key. Password
restrictions are never searchable: their documents get no keys.
"""

from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction

from ..visibility import with_groups_fetched

PUBLIC = "public"
AUTHENTICATED = "authenticated"


def group_key(group_id):
    return f"group:{group_id}"


def keys_for_request(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return frozenset({PUBLIC})
    if user.is_superuser:
        group_ids = Group.objects.values_list("pk", flat=True)
    else:  # the groups the page's own visibility checks fetched for this request
        group_ids = [group.pk for group in with_groups_fetched(request).user.groups.all()]
    return frozenset({PUBLIC, AUTHENTICATED, *(group_key(pk) for pk in group_ids)})


def keys_for_page(page):
    """The keys of a page from every view restriction on it and above it (all must be passed)."""
    restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    if not restrictions:
        return [PUBLIC]
    allowed = None  # None: any signed-in person so far
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.PASSWORD:
            return []
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            groups = {group_key(group.pk) for group in restriction.groups.all()}
            allowed = groups if allowed is None else allowed & groups
    if allowed is None:
        return [AUTHENTICATED]
    return sorted(allowed)
