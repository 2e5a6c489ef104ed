"""The privacy page (Law 25): what the platform holds, and who answers for it. Open to all."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def privacy_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy/privacy_page.html",
        {
            "officer_name": settings.PRIVACY_OFFICER_NAME,
            "officer_email": settings.PRIVACY_OFFICER_EMAIL,
            "login_records_days": settings.LOGIN_RECORDS_DAYS,
            "registrations_days": settings.REGISTRATIONS_DAYS,
        },
    )
