from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from contributors.auth import PasswordResetView
from resources.api.errors import not_found as api_not_found
from resources.api.schema import DocsView, SchemaView

from . import media


def not_found(request):
    raise Http404


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page links: send them to the static icon (its
    address is looked up per request, as production's static files carry a hash in their names)."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.svg")


urlpatterns = [
    # Wagtail's deliberate-error screen would let any member send the administrators error reports at will.
    path("admin/failwhale/", not_found),
    # Before Wagtail's own: the same page, answering known and unknown addresses alike (contributors/auth.py).
    path("admin/password_reset/", PasswordResetView.as_view()),
    # Wagtail admin routes refined to hide other participants' drafts: before the admin itself.
    path("admin/", include("resources.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("favicon.ico", FaviconView.as_view()),
    # The REST API (resources/api/, docs/api.md), its OpenAPI schema and its documentation.
    path("api/v1/", include("resources.api.urls")),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", DocsView.as_view(), name="api-docs"),
    re_path(r"^api/", api_not_found),
    path("", include("contributors.urls")),
    path("", include("search.urls")),
    path("", include("resources.urls")),
]

# Of MEDIA_ROOT only image renditions are served, the same way with DEBUG on or off: documents go
# through the download rule (/documents/, /releases/), never through /media/ (commons_site/media.py).
if settings.MEDIA_URL.startswith("/"):
    urlpatterns += [
        path(f"{settings.MEDIA_URL.lstrip('/')}images/<str:name>", media.serve_rendition),
        path(f"{settings.MEDIA_URL.lstrip('/')}avatar_images/<str:name>", media.serve_avatar),
    ]

urlpatterns += [path("", include(wagtail_urls))]
