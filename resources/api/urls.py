"""The API's routes, under /api/v1/ (namespace ``api``). Written out one by one rather than made by
a router, so that each route's id is named as the rest of the site names it (``page_id``,
``release_id``, ``slug``) and the route sweep (tests/test_route_inventory.py) visits each with a
draft's id."""

from django.urls import path, re_path

from .errors import not_found
from .views import directory, evidence, releases, resources

app_name = "api"

urlpatterns = [
    path("", directory.Root.as_view(), name="root"),
    path("resources/", resources.ResourceList.as_view(), name="resource-list"),
    path("resources/<int:page_id>/", resources.ResourceDetail.as_view(), name="resource-detail"),
    path("releases/", releases.ReleaseList.as_view(), name="release-list"),
    path("releases/<int:release_id>/", releases.ReleaseDetail.as_view(), name="release-detail"),
    path("collections/", releases.CollectionList.as_view(), name="collection-list"),
    path("collections/<int:page_id>/", releases.CollectionDetail.as_view(), name="collection-detail"),
    path("measures/", evidence.MeasureList.as_view(), name="measure-list"),
    path("measures/<int:measure_id>/", evidence.MeasureDetail.as_view(), name="measure-detail"),
    path("series/", evidence.SeriesList.as_view(), name="series-list"),
    path("series/<int:series_id>/", evidence.SeriesDetail.as_view(), name="series-detail"),
    path("adoptions/", evidence.AdoptionList.as_view(), name="adoption-list"),
    path("organisations/", directory.OrganisationList.as_view(), name="organisation-list"),
    path("organisations/<slug:slug>/", directory.OrganisationDetail.as_view(), name="organisation-detail"),
    path("people/", directory.PersonList.as_view(), name="person-list"),
    path("people/<slug:slug>/", directory.PersonDetail.as_view(), name="person-detail"),
    path("licences/", directory.LicenceList.as_view(), name="licence-list"),
    path("vocabularies/", directory.VocabularyIndex.as_view(), name="vocabulary-index"),
    path("vocabularies/conditions/", directory.ConditionList.as_view(), name="condition-list"),
    path("vocabularies/resource-types/", directory.ResourceTypeList.as_view(), name="resource-type-list"),
    path("vocabularies/audiences/", directory.AudienceList.as_view(), name="audience-list"),
    path("vocabularies/phases/", directory.PhaseList.as_view(), name="phase-list"),
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", not_found),
]
