"""The one interface the rest of the site uses. Nothing outside search/ knows which engine is
configured: ``SEARCH_URL`` picks it, and when a cluster cannot answer, the embedded engine does
(and the results say they may be incomplete)."""

import logging
import threading

from django.conf import settings
from django.core.cache import cache

from contributors.models import Organisation
from resources.models import Audience, Condition, ImprovementPhase, Licence, ResourceType

from . import access
from .engines.base import EngineUnavailable, SearchRequest
from .engines.database import DatabaseEngine
from .signals import FACET_LABELS_KEY

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_engines = {}
_outage_logged = False


def embedded_engine():
    return DatabaseEngine()


def configured_engine():
    """The engine SEARCH_URL names, created once per process (one client, reused)."""
    url = (settings.SEARCH_URL or "embedded").strip()
    if url in ("embedded", "database"):
        return embedded_engine()
    with _lock:
        if url not in _engines:
            from .engines.cluster import engine_from_url

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


def search(search_request: SearchRequest):
    results, degraded = _answer("search", search_request)
    results.degraded = results.degraded or degraded
    label_facets(results.facets)
    return results


def autocomplete(prefix, http_request, limit=8):
    return _answer("autocomplete", prefix, access.keys_for_request(http_request), limit)[0]


def related(page_id, http_request, limit=4):
    return _answer("related", page_id, access.keys_for_request(http_request), limit)[0]


def facet_labels():
    """value -> label for each facet, from the vocabularies; cached until a vocabulary changes
    (search/signals.py)."""
    labels = cache.get(FACET_LABELS_KEY)
    if labels is None:
        labels = _load_facet_labels()
        cache.set(FACET_LABELS_KEY, labels, 3600)
    return labels


def _load_facet_labels():
    return {
        "condition": dict(Condition.objects.values_list("slug", "name")),
        "type": dict(ResourceType.objects.values_list("slug", "name")),
        "phase": dict(ImprovementPhase.choices),
        "audience": dict(Audience.objects.values_list("slug", "name")),
        "licence": {
            (spdx or "network-only"): (spdx or name) for spdx, name in Licence.objects.values_list("spdx_id", "name")
        },
        "organisation": dict(Organisation.objects.values_list("slug", "name")),
    }


def label_facets(facets):
    labels = facet_labels()
    for facet, counts in facets.items():
        names = labels.get(facet, {})
        for count in counts:
            count.label = names.get(count.value, count.value)
