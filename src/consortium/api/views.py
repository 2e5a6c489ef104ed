"""The tokens page (`/compte/jetons/`): a user makes and revokes their own API tokens."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from consortium.api.errors import problem_response
from consortium.api.forms import TokenForm
from consortium.api.models import ApiToken
from consortium.api.services import api_token_create, api_token_revoke

# The new token's secret crosses one redirect in the session, then is gone: a reload of the
# page never shows it again, and never makes a second token.
NEW_SECRET_KEY = "api_token_secret"


@login_required
def tokens_page(request: HttpRequest) -> HttpResponse:
    """The user's tokens and a form for a new one, whose secret is shown once."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        expires_on = form.cleaned_data["expires_on"]
        expires_at = (
            timezone.make_aware(dt.datetime.combine(expires_on, dt.time.max))
            if expires_on
            else None
        )
        try:
            made = api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                expires_at=expires_at,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error("expires_on" if field == "expires_at" else None, messages)
        else:
            request.session[NEW_SECRET_KEY] = made.secret
            return redirect("api_tokens:tokens")
    secret = request.session.pop(NEW_SECRET_KEY, "")
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form if request.method == "POST" else TokenForm(),
            "tokens": ApiToken.objects.filter(user=request.user),
            "secret": secret,
            "now": timezone.now(),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    # Another user's token is a 404: whether it exists is not told.
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    api_token_revoke(token=token, by=request.user)
    return redirect("api_tokens:tokens")


@csrf_exempt
def api_not_found(request: HttpRequest) -> HttpResponse:
    """An address under /api/ that names no operation: a problem document, not the site's page."""
    return problem_response(request, 404, _("Aucune opération de l'API à cette adresse."))
