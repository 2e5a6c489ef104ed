"""What every answer under /api/ shares, whatever view gave it.

- Language: the client's (Accept-Language: en or fr, French by default). The site's unprefixed
  addresses are French (i18n_patterns with prefix_default_language=False, so LocaleMiddleware
  picks French for them); the API's addresses carry no language, so it follows the header.
- A method the operation does not take is a problem document too (405, with Allow), not
  Django's empty answer."""

from django.utils import translation
from django.utils.translation import gettext as _

from consortium.api.errors import problem_response

API_PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/problem+json"
        ):
            allowed = response.get("Allow", "")
            response = problem_response(
                request,
                405,
                _("Méthode %(method)s non permise ici ; permises : %(allowed)s.")
                % {"method": request.method, "allowed": allowed},
                headers={"Allow": allowed},
            )
        response.headers.setdefault("Content-Language", language)
        return response
