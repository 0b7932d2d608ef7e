"""Keeping "Most used" in the search index fresh without indexing on every view.

A view or a download only moves a counter. ``rollup()`` (``manage.py rollup_usage``, run every
few minutes by cron or the scheduler that runs the site's other periodic commands) compares each
live resource's figure (``figures.uses_for``: views and downloads) with the one its search entry
holds, and indexes again only the resources whose figure moved. Indexing sends
``search.signals.index_updated``, on which the page cache purges those resources' pages and the
lists (resources/page_cache.py): so the figures shown on a resource page, the "Most used" order of
the library and /search/ all move together, once per rollup.

The embedded engine's entries are the record of what was indexed: every engine's writes go
through them too (search/service.py ``engines_to_write``), so a cluster holds the same figures.
"""

from search import indexing
from search.models import SearchEntry

from .figures import uses_for

BATCH = 200


def stale_pages():
    """Ids of the indexed resources whose usage figure has moved since they were indexed."""
    indexed = SearchEntry.objects.values_list("page_id", "use_count")
    current = uses_for()
    return sorted(page_id for page_id, uses in indexed if current.get(page_id, 0) != uses)


def rollup():
    """Index again the resources whose figure moved; returns their ids."""
    stale = stale_pages()
    for start in range(0, len(stale), BATCH):
        indexing.index_pages(stale[start:start + BATCH])
    return stale
