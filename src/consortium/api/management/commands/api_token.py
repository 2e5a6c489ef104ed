"""`consortium api-token create USERNAME --scopes a,b [--expires DATE] [--name N]` prints a new
token once; `consortium api-token revoke PREFIX` revokes it; `consortium api-token list
[USERNAME]` lists them (prefixes only)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.api.models import ApiToken, Scope
from consortium.api.services import api_token_create, api_token_revoke
from consortium.core.commands import TranslatedCommand


class Command(TranslatedCommand):
    help_text = gettext_lazy("Crée, liste et révoque les jetons de l'API.")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--lang", choices=["fr", "en"], default="fr", help=_("langue des messages")
        )
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help=_("crée un jeton et l'affiche une fois"))
        create.add_argument("username", help=_("identifiant de l'utilisateur"))
        create.add_argument(
            "--scopes",
            required=True,
            help=_("portées séparées par des virgules : %(scopes)s")
            % {"scopes": ", ".join(Scope.values)},
        )
        create.add_argument("--expires", help=_("dernier jour de validité (AAAA-MM-JJ)"))
        create.add_argument("--name", default="", help=_("nom du jeton"))
        revoke = actions.add_parser("revoke", help=_("révoque un jeton"))
        revoke.add_argument("prefix", help=_("préfixe du jeton (cst_…), tel que listé"))
        listing = actions.add_parser("list", help=_("liste les jetons"))
        listing.add_argument("username", nargs="?", help=_("identifiant de l'utilisateur"))

    def handle(self, *args, action: str, lang: str, **options) -> None:
        with translation.override(lang):
            try:
                getattr(self, f"_{action}")(**options)
            except ValidationError as error:
                raise CommandError("\n".join(error.messages)) from None

    def _user(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Utilisateur inconnu : %(name)s.") % {"name": username})
        return user

    def _create(self, *, username: str, scopes: str, expires: str | None, name: str, **_o):
        expires_at = None
        if expires:
            try:
                day = dt.date.fromisoformat(expires)
            except ValueError:
                raise CommandError(
                    _("--expires : « %(value)s » n'est pas une date AAAA-MM-JJ.")
                    % {"value": expires}
                ) from None
            expires_at = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
        made = api_token_create(
            user=self._user(username),
            name=name or _("jeton en ligne de commande"),
            scopes=scopes.split(","),
            expires_at=expires_at,
        )
        self.stdout.write(made.secret)

    def _revoke(self, *, prefix: str, **_o):
        tokens = list(ApiToken.objects.filter(prefix=prefix[:10]))
        if len(tokens) != 1:
            raise CommandError(
                _("Aucun jeton (ou plusieurs) de préfixe %(prefix)s.") % {"prefix": prefix}
            )
        api_token_revoke(token=tokens[0], by=None)
        self.stdout.write(_("Jeton %(prefix)s révoqué.") % {"prefix": tokens[0].prefix})

    def _list(self, *, username: str | None, **_o):
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "created_at")
        if username:
            tokens = tokens.filter(user=self._user(username))
        for token in tokens:
            state = _("révoqué") if token.revoked_at else _("actif")
            expires = (
                timezone.localtime(token.expires_at).date().isoformat() if token.expires_at else "—"
            )
            self.stdout.write(
                f"{token.prefix}  {token.user.username:<16} {token.name:<24} {expires:<10} "
                f"{state:<8} {','.join(token.scopes)}"
            )
