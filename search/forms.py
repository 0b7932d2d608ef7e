from django import forms

from . import registry
from .engines.base import SearchRequest


class SearchForm(forms.Form):
    """The query string of /search/ and the library: q, sort, page, and any number of values per
    declared facet (?condition=ibd&condition=jia). Unknown values simply match nothing."""

    q = forms.CharField(required=False, label="Search")
    sort = forms.ChoiceField(choices=(), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["sort"].choices = [(sort.name, sort.label) for sort in registry.sorts()]
        self.facet_values = {
            facet.name: tuple(value[:255] for value in (data.getlist(facet.name) if data else []) if value)[:20]
            for facet in registry.facets()
        }

    def search_request(self, http_request, per_page=12):
        # A bad value (page=abc) drops only itself: cleaned_data keeps the valid fields.
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        text = data.get("q", "")[:200]  # search.text caps it too; the log and the page show this
        return SearchRequest(
            text=text,
            filters={facet: values for facet, values in self.facet_values.items() if values},
            sort=data.get("sort") or registry.default_sort(bool(text.strip())),
            page=data.get("page") or 1,
            per_page=per_page,
            access=registry.source().access_keys(http_request),
        )
