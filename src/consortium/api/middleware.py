"""The API speaks the client's language (Accept-Language: en or fr, French by default).

The site's unprefixed addresses are French (i18n_patterns with prefix_default_language=False,
so LocaleMiddleware picks French for them); the API's addresses carry no language, so its
messages follow the header instead."""

from django.utils import translation

API_PREFIX = "/api/"


class ApiLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
