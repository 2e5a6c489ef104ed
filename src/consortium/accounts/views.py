"""The signed-in person's own settings: which e-mails they want, in which language."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from consortium.accounts.models import NotificationSettings
from consortium.accounts.selectors import notification_settings_of
from consortium.accounts.services import notification_settings_update


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
