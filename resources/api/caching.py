"""Conditional GETs for the API: an ``ETag`` of each response's bytes and a ``Last-Modified``
that moves only when those bytes change, so a client that asks again with ``If-None-Match`` or
``If-Modified-Since`` gets 304 Not Modified (no body) until something it can see has changed.

The API answers each caller with what they may see, so nothing here keeps whole responses: the
response is made every time and only its digest is compared (the saving is the client's and the
network's, not the server's). ``Last-Modified`` is when this URL first answered, for this caller,
with these exact bytes: remembered in the default cache per URL and caller with the ETag that
goes with it. A change of content gives a new ETag and a later date; a forgotten entry gives
"now", which can only make a client fetch again, never miss a change.

Responses say ``Cache-Control: no-cache`` (any cache must ask again each time, and may reuse the
body after a 304), ``private`` for a token holder's, and ``Vary: Authorization``. The site's own
anonymous page cache never keeps them (``/api/`` is in ``commons_site.page_cache.NEVER_CACHED``).
"""

import hashlib
import math
import time

from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

# How long the first-seen date of a response is remembered.
REMEMBER_SECONDS = 7 * 24 * 3600


def _caller(request):
    user = getattr(request, "_user", None)  # set by DRF once the caller is known
    return str(user.pk) if user is not None and user.is_authenticated else "anonymous"


def last_modified(request, etag):
    """When this URL first gave this caller a response with ``etag`` (now, if not remembered)."""
    address = f"{request.get_full_path()}|{_caller(request)}"
    key = "commons-api-seen:" + hashlib.sha256(address.encode()).hexdigest()
    seen = cache.get(key)
    if seen and seen["etag"] == etag:
        return seen["since"]
    since = math.floor(time.time())
    if seen:
        # A second change within the same second must still read as newer than the last date given.
        since = max(since, seen["since"] + 1)
    cache.set(key, {"etag": etag, "since": since}, REMEMBER_SECONDS)
    return since


class ConditionalGetMixin:
    """For API views: ETag, Last-Modified and 304 on a successful GET; no-store on errors."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        token_holder = getattr(request, "_auth", None) is not None
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            patch_cache_control(response, no_store=True, **({"private": True} if token_holder else {}))
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        modified = last_modified(request, etag)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        patch_cache_control(response, no_cache=True, **({"private": True} if token_holder else {"public": True}))
        return get_conditional_response(request._request, etag=etag, last_modified=modified, response=response)
