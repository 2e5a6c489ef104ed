"""Writes of the privacy area: anonymising a person, purging old sign-in records."""

from consortium.privacy.services.anonymisation import expert_anonymise, user_anonymise
from consortium.privacy.services.login_records import login_records_purge

__all__ = ["expert_anonymise", "login_records_purge", "user_anonymise"]
