"""A full-page cache for anonymous visitors, on Django's cache framework (the ``"pages"`` alias).

**What is kept.** A GET by someone not signed in, of a page the site's dependencies say may be
kept (``PAGE_CACHE_DEPENDENCIES``: ``applies(request)`` from the URL, ``tags_for(request, response)``
once rendered), answered 200 with no cookie set, no CSRF token used (a form), no message shown or
waiting, no CSP nonce used (it would be replayed to everyone), and no ``Cache-Control`` of its own
that forbids a shared cache. Never under ``NEVER_CACHED`` (the admin, a person's own pages, sign-in,
downloads). HEAD is answered from a kept GET.

**The key** is the scheme, host, path and query string (its parameters in a stable order). The
entry holds the response and the *tags* of what the page shows, each with its generation when the
page was rendered. Purging a tag gives it a new generation (``purge``), so every page carrying it
stops being served; nothing has to find or delete those pages. A page is served only if all its
tags still have the generations it was rendered with, so two reads from the cache per page: the
entry, then its tags' generations (one ``get_many``).

**No stale page from a race.** A purge comes both at once and when the transaction commits (a page
rendered from the old rows in between is purged with them). A page is stored only if no purge
happened while it was rendered: the cache's *epoch* changes with every purge, and is read before
the view runs and again before storing.

**Headers.** A page that may be kept says so to browsers, proxies and CDNs:
``Cache-Control: public, max-age=PAGE_CACHE_SECONDS``, ``Vary: Cookie``, an ``ETag`` of its bytes
and ``Last-Modified`` when it was rendered; a conditional GET that matches gets 304. A response
for someone signed in, or with a form, that sets no ``Cache-Control`` of its own gets
``private, no-cache`` (``private, no-store`` with a form).
"""

import hashlib
import time
import uuid
from functools import cache
from importlib import import_module
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import MiddlewareNotUsed
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

ALIAS = "pages"
EPOCH = "epoch"
# Paths never looked up nor kept, whatever the dependencies say: pages for one person, forms
# behind sign-in, counted redirects and file downloads; the API, which answers each caller by their
# token and gives its own ETags (resources/api/caching.py).
NEVER_CACHED = (
    "/admin/", "/api/", "/my/", "/share/", "/accounts/", "/search/click/", "/documents/", "/media/", "/static/"
)
# Cache-Control directives by which a view forbids a shared cache from keeping its response.
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def seconds():
    """How long a browser or proxy may reuse a page without asking again."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 60)


def timeout():
    """How long this cache keeps a page that nothing has purged."""
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 3600)


@cache
def dependencies():
    return import_module(settings.PAGE_CACHE_DEPENDENCIES)


def enabled():
    return ALIAS in settings.CACHES


def pages():
    return caches[ALIAS]


# Generations -------------------------------------------------------------------------------------


def _generation_key(tag):
    return f"generation:{tag}"


def _new_generations(tags):
    # A fresh random value, never a counter: a generation the cache evicted and made again can
    # never match a page rendered before.
    value = uuid.uuid4().hex
    pages().set_many({_generation_key(tag): value for tag in tags}, timeout=None)


def purge(*tags):
    """Stop serving every page carrying one of ``tags``: now, and again once the transaction
    commits."""
    if not enabled() or not tags:
        return
    tags = {*tags, EPOCH}
    _new_generations(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _new_generations(tags))


def on_changed(sender, tags=(), **kwargs):
    purge(*tags)


def connect():
    """Purge what the site's receivers say changed (from ``CommonsSiteConfig.ready``)."""
    dependencies().changed.connect(on_changed, dispatch_uid="commons_site.page_cache.purge")


def generations(tags):
    """The current generation of each tag, giving one to any tag without."""
    keys = {tag: _generation_key(tag) for tag in tags}
    found = pages().get_many(keys.values())
    missing = [key for key in keys.values() if key not in found]
    if missing:
        for key in missing:
            pages().add(key, uuid.uuid4().hex, timeout=None)
        found.update(pages().get_many(missing))
    return {tag: found.get(key) for tag, key in keys.items()}


# Requests and responses --------------------------------------------------------------------------


def page_key(request):
    """The scheme, host, path and query string; repeated parameters keep their order (a view may
    read them in order), parameters are sorted by name."""
    query = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda pair: pair[0])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _has_messages(request):
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _csrf_token_used(request, response):
    # get_token() flags the cookie for sending; CsrfViewMiddleware then sends it and lowers the flag.
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or settings.CSRF_COOKIE_NAME in response.cookies


def may_look_up(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_CACHED)
        and not request.user.is_authenticated
        and not _has_messages(request)
        and dependencies().applies(request)
    )


def may_keep(request, response):
    """Whether this rendered response is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.user.is_authenticated or _csrf_token_used(request, response) or _has_messages(request):
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & PRIVATE_DIRECTIVES:
        return False
    varies = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return varies <= {"cookie"}  # the key knows nothing of other request headers


def _mark_public(response, modified):
    patch_cache_control(response, public=True, max_age=seconds())
    patch_vary_headers(response, ["Cookie"])
    if not response.has_header("ETag"):
        set_response_etag(response)
    response["Last-Modified"] = http_date(modified)


def _conditional(request, response, modified):
    """304 for a conditional GET whose ETag or date matches, else the response itself."""
    return get_conditional_response(request, etag=response["ETag"], last_modified=int(modified), response=response)


def _private_headers(request, response):
    if response.has_header("Cache-Control"):
        return  # the view said
    if _csrf_token_used(request, response):
        patch_cache_control(response, private=True, no_store=True)
    elif request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    """Looks a page up once the URL is resolved and the visitor known (``process_view``), and keeps
    it on the way out. Place it after ``CSPMiddleware`` and before ``SessionMiddleware``, so that what it
    keeps has been through the session, CSRF and message middleware (their cookies show) and the
    CSP header is written for each response."""

    def __init__(self, get_response):
        if not enabled():
            raise MiddlewareNotUsed(f"No {ALIAS!r} cache in CACHES")
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "_page_cache", None)
        if state is None:
            if hasattr(request, "user"):
                _private_headers(request, response)
            return response
        if state.get("hit"):
            return response
        if not may_keep(request, response):
            _private_headers(request, response)
            return response
        modified = time.time()
        _mark_public(response, modified)
        if request.method == "GET":
            self.store(request, response, state, modified)
        response["X-Page-Cache"] = "miss"
        return _conditional(request, response, modified)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_look_up(request):
            return None
        key = page_key(request)
        found = pages().get_many([key, _generation_key(EPOCH)])
        epoch = found.get(_generation_key(EPOCH)) or generations([EPOCH])[EPOCH]
        request._page_cache = {"key": key, "epoch": epoch}
        entry = found.get(key)
        if entry is None or generations(entry["tags"]) != entry["tags"]:
            return None
        request._page_cache["hit"] = True
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Page-Cache"] = "hit"
        return _conditional(request, response, entry["modified"])

    def store(self, request, response, state, modified):
        tags = dependencies().tags_for(request, response)
        if tags is None:
            return
        current = generations(set(tags))
        epoch = pages().get(_generation_key(EPOCH))
        if epoch != state["epoch"]:
            return  # purged while this page was rendered: it may show what was purged
        entry = {
            "tags": current,
            "status": response.status_code,
            "content": response.content,
            "headers": [(header, value) for header, value in response.items() if header != "X-Page-Cache"],
            "modified": modified,
        }
        pages().set(state["key"], entry, timeout=timeout())
