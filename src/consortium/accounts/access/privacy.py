"""Personal information (Law 25): who may export or anonymise what is held about a person."""

from consortium.accounts.access.reach import holds


def can_handle_personal_information(user) -> bool:
    """An administrator (a superuser counts as one): at most one query."""
    return holds(user)
