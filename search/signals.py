"""Cached lookups the search pages use, dropped when what they were built from changes."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

FACET_LABELS_KEY = "commons-search-facet-labels"


def forget_facet_labels(**kwargs):
    cache.delete(FACET_LABELS_KEY)


def forget_synonyms(**kwargs):
    from .text import forget_synonyms

    forget_synonyms()


def connect():
    from contributors.models import Organisation
    from resources.models import Audience, Condition, Licence, ResourceType

    from .models import Synonym

    for model in (Condition, ResourceType, Audience, Licence, Organisation):
        post_save.connect(forget_facet_labels, sender=model, dispatch_uid=f"search.labels.{model.__name__}.saved")
        post_delete.connect(forget_facet_labels, sender=model, dispatch_uid=f"search.labels.{model.__name__}.deleted")
    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym.saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym.deleted")
