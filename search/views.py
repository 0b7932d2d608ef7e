from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import clicks, registry, service
from .models import SearchClick, SearchQueryLog
from .presentation import results_context


@require_GET
def search_view(request):
    context = results_context(request, log_queries=True)
    return TemplateResponse(request, "search/search_page.html", context)


@require_GET
def autocomplete_view(request):
    suggestions = service.autocomplete(request.GET.get("q", ""), request)
    urls = registry.source().urls([s["page_id"] for s in suggestions if s["page_id"]], request)
    for suggestion in suggestions:
        suggestion["url"] = urls.get(suggestion.pop("page_id"), "")
    return JsonResponse({"suggestions": suggestions})


@require_GET
def click_view(request, search_id, page_id, position):
    """Counts a click on a search result, then goes to it. Only a click on a result that /search/
    showed counts (its link is signed, search/clicks.py); a forged or altered link still leads to
    the result, and only ever to one the person may see on this site."""
    source = registry.source()
    target = source.visible_object(page_id, request)
    if target is None:
        raise Http404("No such resource")
    if clicks.is_signed(search_id, page_id, position, request.GET.get("sig", "")):
        search = SearchQueryLog.objects.filter(pk=search_id).first()
        if search is not None:
            SearchClick.objects.create(search=search, page_id=page_id, position=position)
    return redirect(source.url(target, request))
