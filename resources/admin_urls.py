"""Admin routes Wagtail offers no hook for, answered by our refinements of its views
(admin_views.py) so they hold the same rules as the rest of the admin (the visibility of drafts,
and a release's documents kept with a reason rather than a server error).

commons_site/urls.py includes these under ``admin/`` just before Wagtail's admin URLs, so the
same addresses reach these views first; the URL names stay Wagtail's. Wagtail's
``register_admin_urls`` hook cannot do this: its patterns come after Wagtail's own.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views

urlpatterns = [
    path("choose-page/<int:parent_page_id>/", admin_views.PageChooserBrowseView.as_view()),
    path("documents/multiple/<int:doc_id>/delete/", admin_views.MultipleUploadDocumentDeleteView.as_view()),
    path("reports/page-types-usage/", admin_views.PageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", admin_views.PageTypesUsageView.as_view(results_only=True)),
    path("tag-autocomplete/", admin_views.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", admin_views.tag_autocomplete),
]

# As Wagtail decorates its own admin URLs: signed-in admin users only, never cached.
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
