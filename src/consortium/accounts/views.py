"""The signed-in person's own pages: the sign-in of a page left open (JSON, for the page's
sign-in dialog), the answer to a refused security token of a background request, and the
e-mails one wants (`notification_settings`).

`session_sign_in` — GET: whether the visitor is signed in, and a fresh security token (setting
its cookie when it was gone); POST: signs in with a username and password, through django-axes
like the sign-in page, and answers the new token the page's next requests must carry.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from consortium.accounts.middleware import is_htmx, sign_in_required
from consortium.accounts.models import NotificationSettings
from consortium.accounts.selectors import notification_settings_of
from consortium.accounts.services import notification_settings_update
from consortium.core import errors


def _state(request: HttpRequest, status: int = 200, **extra) -> JsonResponse:
    user = request.user
    return JsonResponse(
        {
            "authenticated": user.is_authenticated,
            "username": user.get_username() if user.is_authenticated else "",
            "csrfToken": get_token(request),
            **extra,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def session_sign_in(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _state(request)
    form = AuthenticationForm(request, data=request.POST)
    if not form.is_valid():
        message = " ".join(" ".join(errors) for errors in form.errors.values())
        return _state(request, status=400, error=message)
    login(request, form.get_user())
    return _state(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: for a background request, a 403 the page answers by fetching a fresh
    token (and signing in if need be), then sending the request again; else the error page."""
    if is_htmx(request):
        return sign_in_required("csrf", status=403)
    return errors.csrf_failure(request, reason)


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["week_returned", "reminders", "language"]


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    current = notification_settings_of(request.user)
    form = NotificationSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        notification_settings_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect("accounts:notification_settings")
    return render(request, "accounts/notification_settings.html", {"form": form})
