from django.urls import path

from consortium.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.privacy_page, name="privacy_page"),
]
