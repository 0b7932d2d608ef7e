"""The read-only REST API at /api/v1/ (docs/api.md).

Everything it shows goes through the site's own rules: who sees which page
(``resources.visibility``, with the caller's token's member as ``request.user``), the search
interface (``search.service``, the request built as /search/ builds it), and file downloads through
their serving routes. Modules: ``urls``; ``views/`` (resources, releases and collections, the
directory of people, organisations, licences and vocabularies); ``serializers`` and
``resource_serializers``; ``search`` (query parameters to a search request); ``caching`` (ETag,
Last-Modified, 304); ``pagination``; ``throttling``; ``errors`` (every error as JSON); ``schema``
(the OpenAPI document and its docs page).
"""
