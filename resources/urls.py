from django.urls import path

from . import people, sitemaps, views
from .evidence import adoption_views, series_views
from .feeds import release_feed
from .oai import views as oai_views
from .review import views as review_views
from .usage import views as usage_views

urlpatterns = [
    path("releases/<int:release_id>/", views.release_detail, name="release_detail"),
    path("releases/<int:release_id>/files/<int:file_id>/<str:filename>", views.release_file, name="release_file"),
    path("usage/views/", usage_views.record_view, name="usage_view"),
    path("share/", review_views.share, name="share"),
    path("my/contributions/", review_views.my_contributions, name="my_contributions"),
    path("my/contributions/<int:page_id>/edit/", review_views.edit_contribution, name="edit_contribution"),
    path("resources/<int:page_id>/reuse/", review_views.request_reuse, name="request_reuse"),
    path("my/reuse/", review_views.reuse_requests, name="reuse_requests"),
    path("my/reuse/<int:request_id>/decide/", review_views.decide_reuse, name="decide_reuse"),
    path("resources/<int:page_id>/adoption/", adoption_views.mark, name="adoption_mark"),
    path("my/adoptions/", adoption_views.my_adoptions, name="my_adoptions"),
    path("my/adoptions/<int:adoption_id>/stop/", adoption_views.stop, name="adoption_stop"),
    path("my/adoptions/<int:adoption_id>/check/", adoption_views.check, name="adoption_check"),
    path("people/", people.contributor_list, name="contributor_list"),
    path("people/<slug:slug>/", people.contributor_detail, name="contributor_detail"),
    path("organisations/", people.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", people.organisation_detail, name="organisation_detail"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("feeds/releases/", release_feed, name="release_feed"),
    path("feeds/releases/<slug:condition>/", release_feed, name="condition_release_feed"),
    path("oai/", oai_views.oai, name="oai"),
    path("evidence/series/", series_views.series_list, name="series_list"),
    path("evidence/series/new/", series_views.series_new, name="series_new"),
    path("evidence/series/<int:series_id>/", series_views.series_detail, name="series_detail"),
    path("evidence/series/<int:series_id>.csv", series_views.series_csv, name="series_csv"),
    path("evidence/series/<int:series_id>.png", series_views.series_png, name="series_png"),
    path("evidence/series/<int:series_id>.svg", series_views.series_svg, name="series_svg"),
    path("evidence/series/<int:series_id>/edit/", series_views.series_edit, name="series_edit"),
    path("evidence/series/<int:series_id>/delete/", series_views.series_delete, name="series_delete"),
    path("evidence/series/<int:series_id>/notes/new/", series_views.annotation_new, name="annotation_new"),
    path(
        "evidence/series/<int:series_id>/notes/<int:annotation_id>/delete/", series_views.annotation_delete,
        name="annotation_delete",
    ),
]
