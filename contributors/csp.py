"""The Content-Security-Policy header (django-csp), with the one exception the Wagtail admin needs.

The public site runs only its own script files (commons_site/static/js), so its policy allows
scripts from this site and, for any inline script a template may add, a per-request nonce
(``{{ CSP_NONCE }}``); nothing else. The Wagtail admin still writes inline scripts (InlinePanel,
date pickers, multiple choosers) and inline styles without a nonce, so under /admin/ the policy
is the same except for ``CONTENT_SECURITY_POLICY_ADMIN`` (settings), which allows those. No nonce
goes into the admin's header: a browser ignores 'unsafe-inline' whenever a nonce is present.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.urls import reverse


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**settings.CONTENT_SECURITY_POLICY_ADMIN, **(parts.replace or {})}
            parts.nonce = None
        return parts
