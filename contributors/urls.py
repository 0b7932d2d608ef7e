from django.urls import path

from . import views

urlpatterns = [
    path("people/", views.contributor_list, name="contributor_list"),
    path("people/<slug:slug>/", views.contributor_detail, name="contributor_detail"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
]
