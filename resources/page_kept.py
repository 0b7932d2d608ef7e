"""What a resource page keeps in the default cache between renders, so that rendering it asks the
database nothing more (its query count is pinned: tests/test_query_counts.py): its usage figures
(resources/usage/figures.py) and its centres' adoption marks (resources/evidence/adoption_summary.py).

Each is kept under the search index's generation: a restore or a rebuild (which may bring other rows
under the same ids) moves it on, and so does re-indexing the page. A change to what was kept forgets
it (``forget_for_page``, from resources/page_cache.py).
"""

from django.core.cache import cache
from django.db import transaction

from search import service


def _key(name, page_id):
    return f"commons-{name}:{service.generation()}:{page_id}"


def kept_for_page(name, page_id, compute, seconds):
    """What ``compute()`` gives for this page, kept for ``seconds`` under ``name``."""
    key = _key(name, page_id)
    kept = cache.get(key)
    if kept is None:
        kept = compute()
        cache.set(key, kept, seconds)
    return kept


def forget_for_page(name, page_id):
    """Now, and again once the transaction commits (a page rendered in between read the old rows)."""
    cache.delete(_key(name, page_id))
    transaction.on_commit(lambda: cache.delete(_key(name, page_id)))
