from django.urls import path

from . import token_views, views

urlpatterns = [
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("my/tokens/", token_views.tokens, name="personal_tokens"),
    path("my/tokens/<int:token_id>/revoke/", token_views.revoke_token, name="revoke_personal_token"),
]
