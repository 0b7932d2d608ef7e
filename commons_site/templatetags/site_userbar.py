"""Wagtail's userbar, for the people it offers something to.

The userbar's items are "edit this page", "explore" its siblings, "add" a child page, moderation,
and a link to the admin. A participant who may not edit the page in front of them would get only
the admin link, which the site's navigation already gives (``base.html``), at the cost of the
userbar's five queries and its rendering on every page they open. So it is shown on a page its
viewer may edit, and elsewhere (a page that is not a Wagtail page: a person, search) to those who
may edit others' pages (reviewers, editors, administrators). In the admin's preview it is always
shown: there it carries the accessibility checker an author uses before submitting.
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar
from wagtail.permission_policies.pages import PagePermissionPolicy

register = template.Library()


def offers_something(user, page):
    if not (user.is_authenticated and user.is_active):
        return False
    if page is not None and page.pk is not None:
        return page.permissions_for_user(user).can_edit()
    # Not a page: those who may change any page, not only their own (Wagtail's "change" counts "add").
    if user.is_superuser:
        return True
    granted = {perm.permission.codename for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)}
    return bool(granted & {"change_page", "publish_page"})


@register.simple_tag(takes_context=True)
def site_userbar(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return ""
    if not getattr(request, "is_preview", False) and not offers_something(user, get_page_instance(context)):
        return ""
    return wagtailuserbar(context)
