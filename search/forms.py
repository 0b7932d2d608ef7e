from django import forms

from .access import keys_for_request
from .engines.base import FACETS, SORTS, SearchRequest


class SearchForm(forms.Form):
    """The query string of /search/ and the library: q, sort, page, and any number of values per
    facet (?condition=ibd&condition=jia). Unknown values simply match nothing."""

    q = forms.CharField(required=False, label="Search")
    sort = forms.ChoiceField(
        choices=[("relevance", "Best match"), ("newest", "Newest"), ("reused", "Most reused")], required=False
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.facet_values = {
            facet: tuple(value[:255] for value in (data.getlist(facet) if data else []) if value)[:20]
            for facet in FACETS
        }

    def search_request(self, http_request, per_page=12):
        # A bad value (page=abc) drops only itself: cleaned_data keeps the valid fields.
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        text = data.get("q", "")[:200]  # search.text caps it too; the log and the page show this
        sort = data.get("sort") or ("relevance" if text.strip() else "newest")
        return SearchRequest(
            text=text,
            filters={facet: values for facet, values in self.facet_values.items() if values},
            sort=sort if sort in SORTS else "relevance",
            page=data.get("page") or 1,
            per_page=per_page,
            access=keys_for_request(http_request),
        )
