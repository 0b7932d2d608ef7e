"""Image renditions at /media/images/<name>, in every setting, avatars to signed-in people, and
nothing else from /media/.

MEDIA_ROOT holds more than pictures for pages: documents, which are served only through the
download rule in ``resources/serving.py`` (drafts, network-only and private files live there
too), and original images, full-size uploads that no page shows. So the folder is never served
as a whole, by Django or by a proxy (docs/deployment.md); only the renditions Wagtail writes
for pages are, here. A name is served only when Wagtail recorded it as a rendition: it is looked
up in the database, never joined to a path on disk.
"""

import posixpath

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from resources.visibility import with_groups_fetched

# The formats Wagtail writes renditions in (WAGTAILIMAGES_EXTENSIONS has no SVG).
CONTENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
# A rendition's name carries its filter and focal point, and a new upload gets a new name, so
# the bytes behind a name do not change: browsers and proxies may keep them for a year.
ONE_YEAR = 365 * 24 * 60 * 60


@require_safe
def serve_rendition(request, name):
    content_type = CONTENT_TYPES.get(posixpath.splitext(name)[1].lower())
    if content_type is None:
        raise Http404("No such image")
    Rendition = get_image_model().get_rendition_model()
    rendition = Rendition.objects.select_related("image__collection").filter(file=f"images/{name}").first()
    if rendition is None:
        raise Http404("No such image")
    # Wagtail enforces a collection's privacy for documents only; its images' renditions get
    # the same rule here (a proxy serving /media/images/ itself would skip it).
    restrictions = list(rendition.image.collection.get_view_restrictions())
    if restrictions:
        with_groups_fetched(request)
        if not all(restriction.accept_request(request) for restriction in restrictions):
            raise Http404("No such image")
    cache_control = "private, max-age=3600" if restrictions else f"public, max-age={ONE_YEAR}, immutable"
    return _image_response(rendition.file, content_type, cache_control)


@require_safe
def serve_avatar(request, name):
    """A person's avatar, for signed-in people only (the admin is the only place that shows them);
    like renditions, a name is served only when a profile records it."""
    from wagtail.users.models import UserProfile

    content_type = CONTENT_TYPES.get(posixpath.splitext(name)[1].lower())
    if not request.user.is_authenticated or content_type is None:
        raise Http404("No such image")
    profile = UserProfile.objects.filter(avatar=f"avatar_images/{name}").first()
    if profile is None:
        raise Http404("No such image")
    return _image_response(profile.avatar, content_type, "private, max-age=3600")


def _image_response(file, content_type, cache_control):
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404("No such image") from None
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
