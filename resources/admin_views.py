"""Wagtail admin views refined so that a draft hidden from the person asking (admin_visibility.py)
is refused or left out instead of shown: the page views of resources (through a PageViewSet), the
admin API's documents (through ``construct_admin_api``), and the views Wagtail offers no hook for,
routed by admin_urls.py (the page chooser opened at a page, the page types report, tag
autocomplete)."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import F, ProtectedError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from taggit.models import Tag, TagBase
from wagtail.admin.views import chooser, tags
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import multiple
from wagtail.models import Page

from .admin_visibility import (
    documents_visible_in_admin,
    is_visible_in_admin,
    pages_visible_in_admin,
    tags_visible_in_admin,
)
from .models import ResourcePage


def refuse_hidden_page(user, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not is_visible_in_admin(user, page):
        raise PermissionDenied("This resource is another contributor's draft.")


# The URL arguments by which Wagtail's page views name the page they show or act on.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "pk")


class ResourceMoveConfirmView(MoveConfirmView):
    """Wagtail's "confirm move" screen checks permission only when the move is posted; the screen
    itself, naming the page, is for people who may move it, as the screen before it is."""

    def dispatch(self, request, page_to_move_id, destination_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_to_move_id)
        if not page.permissions_for_user(request.user).can_move():
            raise PermissionDenied
        return super().dispatch(request, page_to_move_id, destination_id, *args, **kwargs)


class ResourcePageViewSet(PageViewSet):
    """Wagtail's page views for every resource type (explore, edit, history, revisions, move,
    copy, preview, workflow, ...), each refusing a resource that is a draft hidden from the
    person asking before Wagtail's own checks run. Wagtail checks permission to act in most of
    them; this also covers those that only show the page, such as exploring it as a parent."""

    model = ResourcePage
    name = "resource_pages"
    move_confirm_view_class = ResourceMoveConfirmView

    @property
    def parent_models(self):
        # The explorer picks its view by the model of the page being explored. Only exploring a
        # resource itself comes here; the library keeps Wagtail's listing of all its pages.
        return [ResourcePage]

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @functools.wraps(view)
        def refusing_hidden_drafts(request, *args, **view_kwargs):
            for name in PAGE_ID_KWARGS:
                if name in view_kwargs:
                    refuse_hidden_page(request.user, view_kwargs[name])
            return view(request, *args, **view_kwargs)

        return refusing_hidden_drafts


class VisibleDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents (listing and detail), without the files of drafts hidden from the
    person asking: the same rule as the document chooser."""

    def get_queryset(self):
        return documents_visible_in_admin(self.request.user, super().get_queryset())


class PageChooserBrowseView(chooser.BrowseView):
    """The page chooser opened at a parent page shows that page's title: not a hidden draft's."""

    def get(self, request, parent_page_id=None):
        if parent_page_id:
            refuse_hidden_page(request.user, parent_page_id)
        return super().get(request, parent_page_id)


class PageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's "Page types usage" report names the last edited page of each type, whoever may
    see it: here it names the last edited page the reader may see."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        for item in page_types:
            last = item.last_edited_page
            if last is not None and not is_visible_in_admin(user, last):
                visible = pages_visible_in_admin(user, Page.objects.filter(content_type=item))
                item.last_edited_page = (
                    visible.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                    .specific()
                    .first()
                )
        return page_types


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete (wagtail.admin.views.tags.autocomplete), without the tags only
    a hidden draft carries (resources are tagged with taggit's own Tag model)."""
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as e:
            raise Http404 from e
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    found = tag_model.objects.filter(name__istartswith=term)
    if tag_model is Tag:
        found = tags_visible_in_admin(request.user, found)
    names = found.order_by("name").values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)


class MultipleUploadDocumentDeleteView(multiple.DeleteView):
    """The multiple uploader's delete button, which deletes without the confirmation screen that
    names what refers to a document: a document a release holds (``on_delete=PROTECT``) is kept,
    and the uploader is told why instead of getting a server error."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:
            return JsonResponse(
                {
                    "success": False,
                    "error_message": "This document belongs to a release, so it cannot be deleted. "
                    "A release's files stay as long as the release does.",
                },
                status=409,
            )
