"""The one interface the rest of the site uses. Nothing outside search/ knows which engine is
configured: ``SEARCH_URL`` picks it, and when a cluster cannot answer, the embedded engine does
(and the results say they may be incomplete)."""

import hashlib
import json
import logging
import threading
import uuid
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from . import registry
from .engines.base import EngineUnavailable, FacetCount, SearchRequest
from .engines.database import DatabaseEngine

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_engines = {}
_outage_logged = False


def embedded_engine():
    return DatabaseEngine()


def cluster_url():
    """The cluster SEARCH_URL names, or None for the embedded engine."""
    url = (settings.SEARCH_URL or "embedded").strip()
    return None if url in ("embedded", "database") else url


def configured_engine():
    """The engine SEARCH_URL names, created once per process (one client, reused)."""
    url = cluster_url()
    if url is None:
        return embedded_engine()
    with _lock:
        if url not in _engines:
            try:
                from .engines.cluster import engine_from_url
            except ImportError as exc:
                raise ImproperlyConfigured(
                    f"SEARCH_URL names a search cluster, but its client libraries are not installed ({exc}): "
                    "pip install 'improvement-commons[cluster]'"
                ) from exc
            _engines[url] = engine_from_url(url)
        return _engines[url]


def engines_to_write():
    """The embedded index is always written (it is the fallback); the cluster too if configured."""
    engine = configured_engine()
    return [embedded_engine()] if engine.name == "embedded" else [embedded_engine(), engine]


def _answer(method, *args, **kwargs):
    """Ask the configured engine; on an outage ask the embedded one. Returns (answer, degraded)."""
    global _outage_logged
    engine = configured_engine()
    if engine.name != "embedded":
        try:
            answer = getattr(engine, method)(*args, **kwargs)
        except EngineUnavailable as exc:
            if not _outage_logged:
                logger.error("Search cluster unavailable, answering from the embedded engine: %s", exc)
                _outage_logged = True
        else:
            if _outage_logged:
                logger.warning("Search cluster answering again")
                _outage_logged = False
            return answer, False
    return getattr(embedded_engine(), method)(*args, **kwargs), engine.name != "embedded"


# Fewer results with every word than this, and the results are those matching the most words.
RELAX_BELOW = 10


def search(search_request: SearchRequest):
    """Results with every word of the query first. When fewer than ``RELAX_BELOW`` have them all, a
    second pass ranks resources by how many of the words (with their synonyms, variants and
    corrections) they match, then by relevance: those with every word still come first, and the page
    says that the rest match only some (``results.relaxed``)."""
    return _search(lambda request: _answer("search", request), search_request)


def search_with(engine, search_request: SearchRequest):
    """``search`` on the given engine, with no fallback (benchmarks and comparisons)."""
    return _search(lambda request: (engine.search(request), False), search_request)


def _search(ask, search_request):
    query = search_request.understood()
    request = replace(search_request, query=query, filters=_access_filters(search_request))
    results, degraded = ask(request)
    if len(query.groups) > 1 and results.total < RELAX_BELOW:
        relaxed, relaxed_degraded = ask(replace(request, relaxed=True))
        if relaxed.total > results.total:
            relaxed.relaxed, relaxed.every_word_count = True, results.total
            results, degraded = relaxed, degraded or relaxed_degraded
    results.degraded = results.degraded or degraded
    results.suggestion = query.suggestion
    _count_access_facets(results, search_request)
    label_facets(results.facets)
    return results


# Matches no document: every value a ``by_access`` facet's documents hold is an access key.
_NOTHING = "_none"


def _access_filters(search_request):
    """A ``by_access`` facet asked for ``YES`` matches the asker's own access keys; any other value
    (``?evidence=group:3`` typed by hand) matches nothing, so no one learns what others may know."""
    filters = dict(search_request.filters)
    for facet in registry.facets():
        if facet.by_access and filters.get(facet.name):
            wanted = registry.YES in filters[facet.name]
            filters[facet.name] = tuple(sorted(search_request.access)) if wanted else (_NOTHING,)
    return filters


def _count_access_facets(results, search_request):
    """A ``by_access`` facet shows one option, ``YES``: the engines counted its documents by access
    key, which would say what others may know and could not be summed without counting a document
    twice. Ticked, every result has it, so its count is the total; unticked it has no count (None),
    and is offered only when some result has it for the asker."""
    for facet in registry.facets():
        if facet.by_access and facet.name in results.facets:
            ticked = registry.YES in search_request.selected(facet.name)
            some = any(count.count and count.value in search_request.access for count in results.facets[facet.name])
            options = [FacetCount(value=registry.YES, count=results.total if ticked else None, selected=ticked)]
            results.facets[facet.name] = options if ticked or some else []


def autocomplete(prefix, http_request, limit=8):
    return _answer("autocomplete", prefix, registry.source().access_keys(http_request), limit)[0]


# "Related" lists are asked for on every resource page, signed in or not, and change only when the
# index does: they are kept in the default cache under the index's generation, which every write to
# the index moves on (``index_changed``), for everyone with the same access keys.
GENERATION_KEY = "commons-search-index-generation"
RELATED_SECONDS = 3600


def index_changed():
    """Forget what was kept from the index (``related``): called after every write to it."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _generation():
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)


def generation():
    """The index's current generation, for whatever else is kept until the index next changes (a
    resource page's usage figures: resources/usage/figures.py)."""
    return _generation()


def related(object_id, http_request, limit=4):
    keys = registry.source().access_keys(http_request)
    access = hashlib.sha256(json.dumps(sorted(keys)).encode()).hexdigest()[:16]
    key = f"commons-search-related:{_generation()}:{object_id}:{limit}:{access}"
    ids = cache.get(key)
    if ids is None:
        ids, degraded = _answer("related", object_id, keys, limit)
        if not degraded:  # an outage's stand-in answer is not kept
            cache.set(key, ids, RELATED_SECONDS)
    return ids


def label_facets(facets):
    """Each counted value gets its label from the facet's vocabulary (the value itself if none)."""
    labels = registry.facet_labels()
    for facet, counts in facets.items():
        names = labels.get(facet, {})
        for count in counts:
            count.label = names.get(count.value, count.value)
