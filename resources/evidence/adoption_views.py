"""A member's adoption pages: mark a resource as used at their centre, stop, answer "did it work?",
and /my/adoptions/. Every one needs a signed-in member; every change is a POST (with its CSRF
token); a resource the person may not see is a 404, as is a mark they may not act on (the
querysets ``answerable_by`` and ``editable_by`` decide, in resources/models/adoption.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_user_display_name

from contributors.models import centre_of

from ..models import Adoption, ResourcePage
from ..models.adoption import NO_CENTRE, check_after
from ..visibility import can_view, visible_pages
from .adoption_forms import AdoptionForm, CheckForm


def _visible(request, page):
    if not can_view(page, request):
        raise Http404("No such resource")
    return page


def _back(request, default):
    """Where to go after acting: the page the form said (on this site), else ``default``."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def _already_used(request, adoption):
    by = f" (marked by {get_user_display_name(adoption.marked_by)})" if adoption.marked_by else ""
    since = f"{adoption.started_on.day} {adoption.started_on:%B %Y}"
    messages.info(request, f"{adoption.organisation} already uses this, since {since}{by}.")


@login_required
def mark(request, page_id):
    resource = _visible(request, get_object_or_404(ResourcePage, pk=page_id)).specific
    centre = centre_of(request.user)
    if centre is None:
        messages.error(request, NO_CENTRE)
        return redirect(resource.url)
    live = Adoption.objects.live().filter(resource=resource, organisation=centre).select_related("marked_by").first()
    if live is not None:
        _already_used(request, live)
        return redirect(resource.url)
    adoption = Adoption(resource=resource, organisation=centre, marked_by=request.user)
    form = AdoptionForm(request.POST or None, resource=resource, instance=adoption)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:  # a colleague marked it a moment ago
            _already_used(request, Adoption.objects.live().get(resource=resource, organisation=centre))
            return redirect(resource.url)
        messages.success(
            request,
            f"Marked: {centre} uses “{resource.title}”. In {check_after().days} days we will ask you whether it "
            "worked.",
        )
        return redirect(resource.url)
    return render(
        request,
        "resources/adoption/mark.html",
        {"form": form, "resource": resource, "centre": centre},
        status=400 if form.errors else 200,
    )


def _mark_for(request, queryset, adoption_id):
    adoption = get_object_or_404(queryset.select_related("resource", "organisation"), pk=adoption_id)
    _visible(request, adoption.resource)
    return adoption


@login_required
@require_POST
def stop(request, adoption_id):
    adoption = _mark_for(request, Adoption.objects.editable_by(request.user).live(), adoption_id)
    adoption.stop()
    messages.success(request, f"Recorded: {adoption.organisation} stopped using “{adoption.resource.title}”.")
    return redirect(_back(request, adoption.resource.url))


@login_required
def check(request, adoption_id):
    """"Did it work?": the link in the daily job's e-mail leads here."""
    adoption = _mark_for(request, Adoption.objects.answerable_by(request.user), adoption_id)
    form = CheckForm(request.POST or None, instance=adoption)
    if request.method == "POST" and form.is_valid():
        adoption.answer(
            form.cleaned_data["outcome"], form.cleaned_data["outcome_note"],
            evidence_series=form.cleaned_data.get("evidence_series"),
        )
        messages.success(request, "Thank you: your answer is recorded and counted on the resource's page.")
        return redirect(_back(request, "my_adoptions"))
    return render(
        request,
        "resources/adoption/check.html",
        {"form": form, "adoption": adoption, "resource": adoption.resource},
        status=400 if form.errors else 200,
    )


@login_required
def my_adoptions(request):
    """The marks this person made and those of their centre, with their state."""
    marks = (
        Adoption.objects.answerable_by(request.user)
        .filter(resource__in=visible_pages(ResourcePage.objects.all(), request).values("pk"))
        .select_related("resource", "organisation", "release", "marked_by")
    )
    return render(
        request,
        "resources/adoption/my_adoptions.html",
        {"adoptions": list(marks), "centre": centre_of(request.user)},
    )
