"""Writes of the privacy area: anonymising a person, purging old sign-in records and sign-ups."""

from consortium.privacy.services.anonymisation import (
    contact_anonymise,
    expert_anonymise,
    user_anonymise,
)
from consortium.privacy.services.login_records import login_records_purge
from consortium.privacy.services.registrations import registrant_anonymise, registrations_purge

__all__ = [
    "contact_anonymise",
    "expert_anonymise",
    "login_records_purge",
    "registrant_anonymise",
    "registrations_purge",
    "user_anonymise",
]
