"""Errors as RFC 9457 problem details (`application/problem+json`).

Every refusal names what went wrong; a 422 lists each field with the rule it broke, the same
messages the web forms show (the services' ValidationError).
"""

import json

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://consortium.coop/problems/"

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    422: "Unprocessable Content",
    429: "Too Many Requests",
}


class ApiError(Exception):
    """A refusal the API answers with a problem document."""

    def __init__(
        self, status: int, detail: str, *, errors: list[dict] | None = None, headers=None
    ) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(
    request, status: int, detail: str, *, errors: list[dict] | None = None, headers=None
) -> HttpResponse:
    body = {
        "type": PROBLEM_BASE + str(status),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON
    )
    for name, value in (headers or {}).items():
        response[name] = value
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="consortium"'
    return response


def field_errors(error: ValidationError, *, prefix: str = "") -> list[dict]:
    """Each message of a service's ValidationError with the field it is about (`__all__` for
    rules across fields)."""
    if hasattr(error, "error_dict"):
        return [
            {"field": prefix + field, "message": str(message)}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "__all__", "message": str(message)} for message in error.messages]


def validation_problem(request, error: ValidationError) -> HttpResponse:
    return problem_response(
        request,
        422,
        _("La demande est refusée : voyez chaque champ dans « errors »."),
        errors=field_errors(error),
    )


def schema_errors(errors: list[dict]) -> list[dict]:
    """ninja's (pydantic's) errors as field and message: `body.hours`, `query.page`."""
    result = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("payload",)]
        result.append({"field": ".".join(location) or "__all__", "message": error.get("msg", "")})
    return result
