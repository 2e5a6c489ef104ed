"""The API itself: `/api/v1/`, its OpenAPI document and its docs page, served from our own
static files (django-ninja ships Swagger UI; no CDN, and the page runs under our CSP)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import HttpError as NinjaHttpError
from ninja.errors import ValidationError as NinjaValidationError

from consortium.api.endpoints import invoices, kpis, registry, time_entries, token, weeks
from consortium.api.errors import (
    PROBLEM_JSON,
    ApiError,
    problem_response,
    schema_errors,
    validation_problem,
)
from consortium.api.renderers import ApiRenderer
from consortium.api.schemas import Problem
from consortium.api.security import TokenAuth

# Every operation may answer these with a problem document; the OpenAPI document says so, so
# that clients (and schemathesis) know each status and its media type.
PROBLEM_STATUSES = {
    "400": "Corps illisible (JSON mal formé)",
    "401": "Jeton absent, inconnu, expiré ou révoqué",
    "403": "Portée ou droit manquant",
    "404": "Introuvable ou hors de portée",
    "422": "Demande refusée : chaque champ et sa règle",
    "429": "Trop de requêtes (Retry-After)",
}


class ConsortiumApi(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"].setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
        problem = {"$ref": "#/components/schemas/Problem"}
        for operations in schema["paths"].values():
            for operation in operations.values():
                # ninja keys its responses by int, openapi_extra by str: one key each, the
                # str one (written by hand, e.g. the PDF's media type) winning.
                responses = {
                    str(status): response
                    for status, response in sorted(
                        operation.get("responses", {}).items(),
                        key=lambda item: isinstance(item[0], str),
                    )
                }
                operation["responses"] = responses
                for status, description in PROBLEM_STATUSES.items():
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {PROBLEM_JSON: {"schema": problem}},
                        },
                    )
        return schema


api = ConsortiumApi(
    title="Consortium API",
    version="1",
    description=_(
        "L'API du centre de services partagés : mêmes droits que le site, jeton porteur "
        "(Authorization: Bearer) limité à ses portées. Erreurs en application/problem+json."
    ),
    urls_namespace="api",
    auth=TokenAuth(),
    renderer=ApiRenderer(),
)

for router in (token, registry, time_entries, weeks, kpis, invoices):
    api.add_router("/", router.router)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, error):
    return problem_response(
        request, 401, _("Jeton absent, inconnu, expiré ou révoqué (Authorization: Bearer …).")
    )


@api.exception_handler(ApiError)
def _refused(request, error: ApiError):
    return problem_response(
        request, error.status, error.detail, errors=error.errors, headers=error.headers
    )


@api.exception_handler(NinjaValidationError)
def _invalid(request, error: NinjaValidationError):
    return problem_response(
        request,
        422,
        _("La demande est refusée : voyez chaque champ dans « errors »."),
        errors=schema_errors(error.errors),
    )


@api.exception_handler(ValidationError)
def _refused_by_rule(request, error: ValidationError):
    return validation_problem(request, error)


@api.exception_handler(PermissionDenied)
def _forbidden(request, error: PermissionDenied):
    return problem_response(request, 403, str(error) or _("Action non permise."))


@api.exception_handler(Http404)
def _not_found(request, error: Http404):
    return problem_response(request, 404, str(error) or _("Introuvable ou hors de votre portée."))


@api.exception_handler(NinjaHttpError)
def _http_error(request, error: NinjaHttpError):
    if error.status_code == 400:
        return problem_response(
            request, 400, _("Le corps de la demande n'est pas un JSON lisible.")
        )
    return problem_response(request, error.status_code, str(error))
