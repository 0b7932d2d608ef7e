"""From a search request to what a results page shows; shared by /search/ and the library."""

import math

from . import registry, service
from .forms import SearchForm
from .models import SearchQueryLog


def results_context(http_request, log_queries=False, per_page=12):
    form = SearchForm(http_request.GET or None)
    search_request = form.search_request(http_request, per_page=per_page)
    results = service.search(search_request)

    source = registry.source()
    objects = source.objects([hit.page_id for hit in results.hits])
    hits = [(hit, objects[hit.page_id]) for hit in results.hits if hit.page_id in objects]

    search_log = None
    if log_queries and search_request.text.strip() and search_request.page == 1:
        search_log = SearchQueryLog.objects.create(
            query=search_request.text.strip()[:200],
            filters=http_request.GET.urlencode()[:500],
            result_count=results.total,
            engine=results.engine,
            suggestion=results.suggestion[:200],
            relaxed=results.relaxed,
        )

    query = http_request.GET.copy()
    query.pop("page", None)
    suggestion_query = query.copy()  # the same filters, the corrected text
    suggestion_query["q"] = results.suggestion
    return {
        "suggestion_query": suggestion_query.urlencode() if results.suggestion else "",
        "form": form,
        "search_request": search_request,
        "results": results,
        "hits": hits,
        "result_template": source.result_template,
        "facets": [(facet.name, facet.title, results.facets.get(facet.name, [])) for facet in registry.facets()],
        "page_count": max(1, math.ceil(results.total / search_request.per_page)),
        "filter_query": query.urlencode(),
        "search_log": search_log,
    }
