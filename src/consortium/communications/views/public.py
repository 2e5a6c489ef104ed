"""An event's public page, /evenements/<slug>/: anyone, signed in or not, signs up while
registration is open and seats remain; then a thank-you page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect

from consortium.accounts.access import event_for_sign_up
from consortium.communications import services
from consortium.communications.forms import RegistrationForm
from consortium.communications.models import Event
from consortium.core.forms import add_service_errors


def _event(slug: str) -> Event:
    return event_for_sign_up(among=Event.objects.all(), slug=slug)


@csrf_protect
def event_sign_up(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(event=event, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("events:event_thanks", slug=event.slug)
    taken = event.sign_ups.count()
    full = event.capacity is not None and taken >= event.capacity
    return render(
        request,
        "communications/event_public.html",
        {
            "event": event,
            "form": form,
            "open": event.registration_open and not full,
            "full": full,
            "seats_left": None if event.capacity is None else max(event.capacity - taken, 0),
            # Law 25: how long the sign-up keeps its name and e-mail (docs/privacy.md).
            "registrations_days": settings.REGISTRATIONS_DAYS,
        },
        status=400 if form.errors else 200,
    )


def event_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "communications/event_thanks.html", {"event": _event(slug)})
