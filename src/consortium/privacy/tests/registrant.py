"""A person signed up for two events — one of 2020-2021, long past — and a member contact."""

import datetime as dt

from consortium.communications.models import Registration
from consortium.testing.factories import (
    EventFactory,
    MemberContactFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

NAME = "Hortense Zébulonne"
EMAIL = "hortense.zebulonne@example.org"
ORGANISATION = "Coop Zébulonne"
CONTACT_USERNAME = "czebulon"
CONTACT_EMAIL = "celestin.zebulon@example.org"
CONTACT_NAMES = ("Célestin", "Zébulon")


def make_registrant() -> list[Registration]:
    """Two sign-ups by e-mail (the second typed in capitals), each beside another person's."""
    past = EventFactory(title="Webinaire 2020", slug="webinaire-2020", date=dt.date(2020, 11, 5))
    coming = EventFactory(title="Forum à venir", slug="forum-a-venir", date=dt.date(2099, 3, 1))
    RegistrationFactory(event=past, name="Autre Personne", email="autre@example.org")
    return [
        RegistrationFactory(event=past, name=NAME, email=EMAIL, organisation=ORGANISATION),
        RegistrationFactory(event=coming, name=NAME, email=EMAIL.upper(), organisation=""),
    ]


def make_contact(*, title: str = "Directrice générale"):
    """A user who represents two member organisations on the portal."""
    user = UserFactory(
        username=CONTACT_USERNAME,
        first_name=CONTACT_NAMES[0],
        last_name=CONTACT_NAMES[1],
        email=CONTACT_EMAIL,
    )
    MemberContactFactory(user=user, organisation=OrganisationFactory(code="COOP-Z"), title=title)
    MemberContactFactory(user=user, organisation=OrganisationFactory(code="COOP-Y"))
    return user
