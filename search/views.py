from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from resources.models import ResourcePage
from resources.visibility import can_view

from . import clicks, service
from .models import SearchClick, SearchQueryLog
from .presentation import results_context


@require_GET
def search_view(request):
    context = results_context(request, log_queries=True)
    return TemplateResponse(request, "search/search_page.html", context)


@require_GET
def autocomplete_view(request):
    suggestions = service.autocomplete(request.GET.get("q", ""), request)
    urls = {
        page.pk: page.get_url(request)
        for page in ResourcePage.objects.filter(pk__in=[s["page_id"] for s in suggestions if s["page_id"]])
    }
    for suggestion in suggestions:
        suggestion["url"] = urls.get(suggestion.pop("page_id"), "")
    return JsonResponse({"suggestions": suggestions})


@require_GET
def click_view(request, search_id, page_id, position):
    """Counts a click on a search result, then goes to the resource. Only a click on a result that
    /search/ showed counts (its link is signed, search/clicks.py); a forged or altered link still
    leads to the resource, and only ever to a page of this site."""
    page = get_object_or_404(ResourcePage, pk=page_id)
    if not can_view(page, request):
        raise Http404("No such resource")
    if clicks.is_signed(search_id, page_id, position, request.GET.get("sig", "")):
        search = SearchQueryLog.objects.filter(pk=search_id).first()
        if search is not None:
            SearchClick.objects.create(search=search, page=page, position=position)
    return redirect(page.get_url(request))
