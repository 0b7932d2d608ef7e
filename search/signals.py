"""Cached lookups the search pages use, dropped when what they were built from changes. (Facet
labels are forgotten by the receivers ``registry.register`` connects to each facet's models.)"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

# Sent after the index was brought up to date for ``ids`` (those removed included), whichever
# process did it: what shows search results (a page cache) can forget what it kept meanwhile.
index_updated = Signal()


def forget_synonyms(**kwargs):
    from .text import forget_synonyms

    forget_synonyms()


def connect():
    from .models import Synonym

    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym.saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym.deleted")
