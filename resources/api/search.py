"""The resource list's query string, checked, made into the same ``SearchRequest`` /search/ makes
(``search.forms.SearchForm``): ``q``, ``sort``, ``page`` and any number of values per declared
facet (``?condition=ibd&condition=jia``), plus ``page_size``. Where /search/ quietly ignores what
it cannot use, the API answers 400 and says what is wrong: an unknown parameter (a typo would
otherwise return everything), an unknown sort, or a value no vocabulary has (tags are free words,
so any tag is accepted)."""

from search import registry
from search.forms import SearchForm

from .errors import BadQuery
from .pagination import page_and_size

OWN_PARAMETERS = ("q", "sort", "page", "page_size")
MAX_TEXT = 200  # as search.forms.SearchForm


def _check(params):
    facets = registry.facets()
    names = {facet.name for facet in facets}
    errors = {}
    for name in sorted(set(params) - set(OWN_PARAMETERS) - names):
        errors[name] = [
            f"“{name}” is not a parameter of this list. Use {', '.join(OWN_PARAMETERS)} or a facet: "
            f"{', '.join(facet.name for facet in facets)}."
        ]
    sorts = [sort.name for sort in registry.sorts()]
    if params.get("sort") and params["sort"] not in sorts:
        errors["sort"] = [f"“{params['sort']}” is not a sort: use one of {', '.join(sorts)}."]
    if len(params.get("q", "")) > MAX_TEXT:
        errors["q"] = [f"The search text is {len(params['q'])} characters long: at most {MAX_TEXT}, please."]
    labels = registry.facet_labels()
    for facet in facets:
        if facet.labels is None:
            continue
        known = labels.get(facet.name, {})
        unknown = [value for value in params.getlist(facet.name) if value and value not in known]
        if unknown:
            errors[facet.name] = [
                f"No {facet.title.lower()} is called {', '.join(unknown)}. "
                f"The values are: {', '.join(sorted(known)) or 'none yet'}."
            ]
    return errors


def search_request(request):
    """The ``SearchRequest`` for this API request (DRF's); raises BadQuery naming every problem."""
    params = request.query_params
    errors = _check(params)
    try:
        _page, per_page = page_and_size(request)
    except BadQuery as bad:
        errors.update(bad.detail)
    if errors:
        raise BadQuery(errors)
    # The same form as /search/, so a query means the same on both; the caller's access keys come
    # from the Django request, whose user DRF has set to the token's member.
    return SearchForm(params).search_request(request._request, per_page=per_page)
