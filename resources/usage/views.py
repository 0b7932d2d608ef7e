"""The view beacon: ``POST /usage/views/`` with ``page`` (and ``release`` on a release page).

The page's own script (commons_site/static/js/usage.js, a static file as the CSP asks) sends it
with ``navigator.sendBeacon`` once the page is shown. Counting here rather than in the page's view
keeps the full-page cache as it is: a page served from the cache runs no view, and the same cached
bytes are right for every visitor because they carry no count to change.

The answer is the same empty 204 whatever happened (counted, left out as a robot, a page that
does not exist, a draft, a network-only resource the visitor may not see), so the beacon tells
nobody whether a page exists or whether they were counted.

No CSRF token: the page is kept in a shared cache, so it cannot carry one. What a forged request
could do is add one to a counter; a beacon from another site is refused by ``_same_origin``.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..models import Release, ResourcePage
from ..visibility import can_view
from .bots import why_not_counted
from .counting import count_view, views_counted


def _same_origin(request):
    """A browser says where a request comes from: ``Sec-Fetch-Site``, else ``Origin``."""
    site = request.META.get("HTTP_SEC_FETCH_SITE")
    if site is not None:
        return site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    return origin is None or origin == f"{request.scheme}://{request.get_host()}"


def _number(value):
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def _countable(request):
    """(page id, release id or None) when this beacon counts, else None."""
    if not views_counted() or why_not_counted(request) or not _same_origin(request):
        return None
    page_id, release_id = _number(request.POST.get("page")), _number(request.POST.get("release"))
    if page_id is None or (request.POST.get("release") and release_id is None):
        return None
    page = ResourcePage.objects.live().filter(pk=page_id).first()
    if page is None or not can_view(page, request):
        return None
    if release_id is not None and not Release.objects.published().filter(pk=release_id, resource=page).exists():
        return None
    return page.pk, release_id


@csrf_exempt
@require_POST
@never_cache
def record_view(request):
    countable = _countable(request)
    if countable is not None:
        count_view(*countable)
    return HttpResponse(status=204)
