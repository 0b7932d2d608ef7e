from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_view, name="search"),
    path("search/autocomplete/", views.autocomplete_view, name="search_autocomplete"),
    path("search/click/<int:search_id>/<int:page_id>/<int:position>/", views.click_view, name="search_click"),
]
