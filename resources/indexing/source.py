"""The resources the site's search indexes, registered with it in ``ResourcesConfig.ready``."""

from search.registry import Source

from ..models import ResourcePage, resource_cards
from ..visibility import can_view
from . import access, documents
from .facets import FACETS, SORTS


class ResourceSource(Source):
    facets = FACETS
    sorts = SORTS
    result_template = "resources/search_result.html"

    def documents(self, ids):
        return [documents.build(page) for page in documents.searchable_pages().filter(pk__in=ids)]

    def all_documents(self):
        pages = documents.searchable_pages()
        return pages.count(), (documents.build(page) for page in pages.iterator(chunk_size=200))

    def objects(self, ids):
        return {page.pk: page for page in resource_cards(ResourcePage.objects.filter(pk__in=ids))}

    def url(self, page, http_request):
        return page.get_url(http_request)

    def urls(self, ids, http_request):
        return {page.pk: page.get_url(http_request) for page in ResourcePage.objects.filter(pk__in=ids)}

    def visible_object(self, page_id, http_request):
        page = ResourcePage.objects.filter(pk=page_id).first()
        return page if page is not None and can_view(page, http_request) else None

    def access_keys(self, http_request):
        return access.keys_for_request(http_request)
