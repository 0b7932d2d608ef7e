"""The OpenAPI 3 document (/api/schema/, generated from the views and serializers by
drf-spectacular) and its browsable documentation (/api/docs/, Swagger UI).

The docs page works offline and under the site's Content-Security-Policy (contributors/csp.py),
without an exception: Swagger UI's files come from this site (drf-spectacular-sidecar's static
files), its start-up script is a separate file rather than inline (``SpectacularSwaggerSplitView``
answers ``?script``), and the page's own styles are a static file (drf-spectacular's template
has an inline <style> block, which the policy refuses)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "contributors.tokens.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "A member's personal token, made at /my/tokens/, sent as “Token <token>” (or "
            "“Bearer <token>”). Without one, you see what anyone may see.",
        }


class SchemaView(SpectacularAPIView):
    # Public and unthrottled by token: the schema is the same for everyone.
    authentication_classes = []


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []
    template_name = "api/swagger_ui.html"
    url_name = "api-schema"


def only_the_public_api(endpoints, **kwargs):
    """The schema describes /api/v1/ only (``PREPROCESSING_HOOKS``): Wagtail's admin API is DRF
    too, but it is the admin's own, behind sign-in, and not for others to build on."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
