from django.urls import path

from consortium.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens_page, name="tokens"),
    path("<int:token_id>/revoquer/", views.token_revoke, name="revoke"),
]
