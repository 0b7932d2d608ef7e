"""Release pages and downloads at URLs that never change."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from .models import Release, ReleaseFile
from .serving import check_download
from .usage.bots import why_not_counted
from .usage.counting import count_download, views_counted
from .visibility import can_view


def _visible_release(request, release_id):
    release = get_object_or_404(
        Release.objects.published().select_related("resource", "resource__licence"), pk=release_id
    )
    if not can_view(release.resource, request):
        # The same answer as a missing release: a private resource's existence is not disclosed.
        raise Http404("No such release")
    return release


def release_detail(request, release_id):
    release = _visible_release(request, release_id)
    files = list(release.files.select_related("document").order_by("sort_order", "pk"))
    return render(
        request,
        "resources/release_detail.html",
        {
            "release": release,
            "resource": release.resource.specific,
            "files": files,
            "superseded_by": release.superseded_by,
            "downloads": sum(release_file.download_count for release_file in files),
            "count_views": views_counted(),
        },
    )


def release_file(request, release_id, file_id, filename):
    release = _visible_release(request, release_id)
    release_file = get_object_or_404(ReleaseFile.objects.select_related("document"), pk=file_id, release=release)
    if filename != release_file.filename:
        raise Http404("No such file")
    # The same rule as Wagtail's /documents/ URL, so a file in a private collection asks for
    # sign-in here too instead of being handed to anyone who can see the release.
    refusal = check_download(release_file.document, request)
    if refusal is not None:
        return refusal
    # Counted here, where the bytes are served, unless a robot, a prefetch, a HEAD or a resumed
    # download asked (resources/usage/bots.py). Nothing about who downloaded is kept.
    if not why_not_counted(request):
        count_download(release, release_file)
    response = FileResponse(release_file.document.file.open("rb"), content_type=release_file.document.content_type)
    response["Content-Disposition"] = content_disposition_header(True, release_file.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
