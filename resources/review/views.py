"""The contributor's pages: share a resource, follow it through review, ask to reuse others'."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_user_display_name

from ..admin_visibility import resource_tags_for
from ..forms import KINDS, ReuseDecisionForm, ReuseRequestForm, share_form
from ..models import LibraryPage, ResourcePage, ReuseRequest
from ..visibility import can_view
from . import reuse, sharing
from .status import contributions_for

SUGGESTED_TAGS = 300
STORAGE_FAILED = (
    "Your files could not be stored just now, so nothing was saved. Please try again in a few minutes; if it "
    "keeps happening, tell an editor."
)

logger = logging.getLogger(__name__)


def _share_form(request, data=None, files=None, page=None, pending_files=()):
    """The share form (for ``page`` when it is being edited), held to a submission's budget of
    files: more than ``SHARE_MAX_FILES`` (counting those already waiting with it) are refused
    before any of them is opened, and the form says how many it takes."""
    limit = settings.SHARE_MAX_FILES
    count = len(files.getlist("files")) if files is not None else 0
    removed = set(data.getlist("remove_files")) if data is not None else set()
    kept = len([waiting for waiting in pending_files if str(waiting.pk) not in removed])
    too_many = count + kept > limit
    form = share_form(data, None if too_many else files, page=page, request=request, pending_files=pending_files)
    form.fields["files"].help_text += f" Up to {limit} files at a time."
    if too_many:
        form.is_valid()  # the other fields' errors too, in one go
        already = f" and {kept} already waiting with it" if kept else ""
        form.add_error(
            "files",
            f"You chose {count} files{already}; a contribution can have up to {limit} at a time. Choose the "
            "ones that matter most (or combine some), and share the others separately.",
        )
    return form


def _save(request, form):
    """The contribution saved, or None when storing it failed (and nothing was kept)."""
    try:
        return sharing.save_contribution(form, request.user)
    except OSError:
        logger.exception("Storing a contribution failed; nothing was saved")
        messages.error(request, STORAGE_FAILED)
        return None


def _wants_json(request):
    # share.js sends the form itself to show upload progress, and asks for JSON back.
    return "application/json" in request.headers.get("Accept", "")


def _may_share(user, library=None):
    library = library or LibraryPage.objects.first()
    return library is not None and library.permissions_for_user(user).can_add_subpage()


def _share_response(request, form, page=None, status=200):
    context = {
        "form": form,
        "page_being_edited": page,
        "kinds": [(key, kind.label, kind.help_text) for key, kind in KINDS.items()],
        # Tags of what this person may see: another participant's draft's tags are its content.
        "suggested_tags": resource_tags_for(request.user)
        .order_by("name")
        .values_list("name", flat=True)[:SUGGESTED_TAGS],
    }
    if _wants_json(request):
        html = render_to_string("resources/share/form.html", context, request=request)
        return JsonResponse({"form_html": html}, status=status)
    return render(request, "resources/share/share.html", context, status=status)


def _saved(request, page, submit):
    if submit:
        state = sharing.submit_for_review(page, request.user)
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            messages.warning(
                request, f"“{page.title}” is saved, but the automatic check found things to fix first: see below."
            )
        elif state is not None and getattr(state.current_task_state.specific, "is_being_screened", False):
            messages.success(
                request,
                f"Thank you: “{page.title}” is submitted and being checked automatically. Its status is below; "
                "we will e-mail you the result.",
            )
        else:
            messages.success(request, f"Thank you: “{page.title}” is with the reviewers. Its status is below.")
    else:
        messages.success(request, f"“{page.title}” is saved as a draft. Submit it when it is ready.")
    url = reverse("my_contributions") + f"#contribution-{page.pk}"
    if _wants_json(request):
        return JsonResponse({"redirect": url})
    return redirect(url)


@login_required
def share(request):
    if not _may_share(request.user):
        raise PermissionDenied("Your account may not share resources yet: ask an editor to add you to the network.")
    if request.method == "POST":
        form = _share_form(request, request.POST, request.FILES)
        if form.is_valid():
            page = _save(request, form)
            if page is None:
                return _share_response(request, form, status=503)
            return _saved(request, page, submit=request.POST.get("action") != "draft")
        return _share_response(request, form, status=400)
    return _share_response(request, _share_form(request))


def _editable(request, page_id):
    page = get_object_or_404(ResourcePage, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise Http404("No such contribution")  # others' drafts are not disclosed
    if page.get_lock() is not None and page.get_lock().for_user(request.user):
        messages.info(
            request, f"“{page.draft_title}” is being reviewed, so it can't be changed until the reviewers are done."
        )
        return page, False
    return page, True


@login_required
def edit_contribution(request, page_id):
    page, editable = _editable(request, page_id)
    if not editable:
        return redirect(reverse("my_contributions") + f"#contribution-{page.pk}")
    pending = sharing.pending_files(page)
    if request.method == "POST":
        form = _share_form(request, request.POST, request.FILES, page=page, pending_files=pending)
        if form.is_valid():
            saved = _save(request, form)
            if saved is None:
                return _share_response(request, form, page=page, status=503)
            return _saved(request, saved, submit=request.POST.get("action") != "draft")
        return _share_response(request, form, page=page, status=400)
    form = _share_form(request, page=page, pending_files=pending)
    return _share_response(request, form, page=page)


@login_required
def my_contributions(request):
    library = LibraryPage.objects.first()
    return render(
        request,
        "resources/share/my_contributions.html",
        {
            "contributions": contributions_for(request.user, library),
            "may_share": _may_share(request.user, library),
        },
    )


# Reuse requests ------------------------------------------------------------------------------------


def _reusable(request, page_id):
    resource = get_object_or_404(ResourcePage.objects.select_related("licence"), pk=page_id)
    if not can_view(resource, request):
        raise Http404("No such resource")
    return resource.specific


@login_required
def request_reuse(request, page_id):
    resource = _reusable(request, page_id)
    if not resource.reuse_needs_permission:
        messages.info(
            request,
            f"“{resource.title}” is under {resource.licence.name}: you may reuse and adapt it under its terms "
            "without asking.",
        )
        return redirect(resource.url)
    pending = ReuseRequest.objects.pending().filter(resource=resource, requester=request.user).first()
    if pending is not None:
        messages.info(request, "You have already asked; the decision will reach you by e-mail.")
        return redirect("reuse_requests")
    profile = getattr(request.user, "contributor_profile", None)
    initial = {"organisation": profile.organisation_id} if profile is not None else {}
    form = ReuseRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        reuse.request_reuse(form, resource, request.user)
        messages.success(request, f"Your request is sent to the people behind “{resource.title}”.")
        return redirect("reuse_requests")
    return render(
        request,
        "resources/share/reuse_request.html",
        {"form": form, "resource": resource},
        status=400 if form.errors else 200,
    )


@login_required
def reuse_requests(request):
    user = request.user
    mine = ReuseRequest.objects.filter(requester=user).select_related("resource", "organisation", "decided_by")
    to_decide = (
        ReuseRequest.objects.pending()
        .decidable_by(user)
        .exclude(requester=user)
        .select_related("resource", "requester", "organisation")
    )
    return render(
        request,
        "resources/share/reuse_requests.html",
        {
            "mine": mine,
            "to_decide": [(item, ReuseDecisionForm(prefix=f"r{item.pk}")) for item in to_decide],
        },
    )


@login_required
@require_POST
def decide_reuse(request, request_id):
    item = get_object_or_404(ReuseRequest.objects.select_related("resource", "requester"), pk=request_id)
    if not item.is_pending or not reuse.may_decide(request.user, item):
        raise PermissionDenied("Only the resource's people and the editors decide on its reuse, once.")
    form = ReuseDecisionForm(request.POST, prefix=f"r{item.pk}")
    if not form.is_valid():
        return render(
            request,
            "resources/share/reuse_requests.html",
            {
                "mine": ReuseRequest.objects.none(),
                "to_decide": [(item, form)],
            },
            status=400,
        )
    granted = form.cleaned_data["decision"] == "grant"
    reuse.decide_reuse(item, request.user, granted, form.cleaned_data["message"])
    messages.success(
        request,
        f"{get_user_display_name(item.requester)} will hear that you {'granted' if granted else 'declined'} it.",
    )
    return redirect("reuse_requests")
