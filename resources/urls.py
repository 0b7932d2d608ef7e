from django.urls import path

from . import views

urlpatterns = [
    path("releases/<int:release_id>/", views.release_detail, name="release_detail"),
    path("releases/<int:release_id>/files/<int:file_id>/<str:filename>", views.release_file, name="release_file"),
]
