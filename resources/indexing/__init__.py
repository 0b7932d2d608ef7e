"""What resources give the site's search (search/registry.py): the document of each live resource
(``documents``), who may see it (``access``), the facets and sorts (``facets``), how a result is
shown (``source``), and the receivers that re-index a resource when it changes (``receivers``)."""


def register():
    from django.conf import settings

    from search import registry

    from . import receivers
    from .source import ResourceSource

    registry.register(ResourceSource())
    if getattr(settings, "SEARCH_AUTO_UPDATE", True):
        receivers.connect()
