"""Signing in and out, and changing or resetting one's password (Django's own views); the link
of a member contact's invitation, where they choose a password and land on the portal; the
e-mails one wants."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from consortium.accounts import views

app_name = "accounts"

urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    # The sign-in dialog of a page whose session expired (JSON).
    path("connexion/session/", views.session_sign_in, name="session_sign_in"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("notifications/", views.notification_settings, name="notification_settings"),
    path(
        "mot-de-passe/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "mot-de-passe/modifie/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "mot-de-passe/oublie/",
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "bienvenue/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            # The invited person chose their password: signed in, straight to their portal.
            post_reset_login=True,
            post_reset_login_backend="django.contrib.auth.backends.ModelBackend",
            success_url=reverse_lazy("portal:home"),
            extra_context={"invitation": True},
        ),
        name="contact_welcome",
    ),
]
