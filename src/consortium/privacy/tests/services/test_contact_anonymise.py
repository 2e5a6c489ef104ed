"""Anonymising a member contact: the account closed and nameless, the organisations' rows kept."""

import pytest
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.accounts.models import MemberContact
from consortium.privacy.models import Anonymisation
from consortium.privacy.services import contact_anonymise
from consortium.privacy.tests.person import rows_containing
from consortium.privacy.tests.registrant import (
    CONTACT_EMAIL,
    CONTACT_NAMES,
    CONTACT_USERNAME,
    make_contact,
)
from consortium.testing.factories import MemberContactFactory

pytestmark = pytest.mark.django_db


def test_a_contact_is_deactivated_and_nameless_and_the_organisations_keep_their_row(
    administrator,
):
    user = make_contact()
    AccessLog.objects.create(
        username=CONTACT_USERNAME, ip_address="203.0.113.9", user_agent="Firefox", path_info="/"
    )
    done = contact_anonymise(user=user, by=administrator)
    user = get_user_model().objects.get(pk=user.pk)
    assert (user.username, user.first_name, user.last_name, user.email, user.is_active) == (
        f"anonyme-{user.pk}",
        "",
        "",
        "",
        False,
    )
    assert not user.has_usable_password()
    assert rows_containing(CONTACT_USERNAME, CONTACT_EMAIL, *CONTACT_NAMES, "Directrice") == []
    assert MemberContact.objects.filter(user=user).count() == 2
    assert (done.subject_kind, done.subject_id, done.forced) == ("contact", user.pk, True)
    assert contact_anonymise(user=user) == done
    assert Anonymisation.objects.filter(subject_kind="contact").count() == 1


def test_a_member_of_the_staff_is_not_anonymised_as_a_contact(people):
    MemberContactFactory(user=people.owner)
    with pytest.raises(ValidationError, match="fait partie du personnel"):
        contact_anonymise(user=people.owner)
    assert get_user_model().objects.get(pk=people.owner.pk).is_active


def test_only_the_administration_anonymises_a_contact(director):
    user = make_contact()
    with pytest.raises(PermissionDenied):
        contact_anonymise(user=user, by=director)
    assert get_user_model().objects.get(pk=user.pk).username == CONTACT_USERNAME
