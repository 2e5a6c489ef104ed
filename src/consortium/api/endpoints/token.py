from ninja import Router

from consortium.api import schemas

router = Router(tags=["token"])


@router.get("/token", response=schemas.TokenInfo, summary="Le jeton de l'appel")
def token_read(request):
    """Who the token is for, its scopes and expiry."""
    token = request.auth
    return {
        "user": token.user.get_username(),
        "name": token.name,
        "scopes": token.scopes,
        "expires_at": token.expires_at,
        "created_at": token.created_at,
    }
