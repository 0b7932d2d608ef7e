"""Editors' screen of every centre's data series in the admin: list, inspect, delete.

Read and delete only. A series is uploaded and changed on the site (``series_views.py``), where the
file is checked row by row and the centre's members decide who sees it; an admin form could set
neither right. So the admin's permission policy refuses "add" and "change" to everyone, superusers
included, and the screens have no add, edit or copy route. Editors hold ``change_series`` for the
site's pages (``SeriesQuerySet.editable_by``), which read the permission directly.
"""

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import Series

READ_AND_DELETE = {"view", "delete"}


class SeriesPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in READ_AND_DELETE and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in READ_AND_DELETE])


register_permission_policy(Series, SeriesPermissionPolicy(Series))


class SeriesViewSet(ModelViewSet):
    model = Series
    name = "evidence-series"
    url_namespace = "evidence_series"
    icon = "table"
    menu_label = "Data series"
    menu_order = 330
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "measure_name", "organisation", "visibility", "chart_kind", "updated_at"]
    list_filter = ["visibility", "kind", "organisation"]
    search_fields = ["title", "measure_name"]
    inspect_view_fields = [
        "title", "measure_name", "package", "organisation", "created_by", "kind", "chart_kind", "visibility",
        "show_centre", "created_at", "updated_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
        ]
