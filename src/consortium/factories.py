"""factory_boy factories for tests, with Faker in Quebec French."""

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import LegalForm, MemberCategory, Membership, Organisation
from consortium.staff.models import Department, Expert, Role
from consortium.timesheets.models import TimeEntry

factory.Faker._DEFAULT_LOCALE = "fr_CA"


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"DEP{n:02d}")
    name_fr = factory.Sequence(lambda n: f"Département {n}")
    name_en = factory.Sequence(lambda n: f"Department {n}")


class MandateTypeFactory(DjangoModelFactory):
    class Meta:
        model = MandateType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TYPE{n:02d}")
    name_fr = factory.Sequence(lambda n: f"Type {n}")
    name_en = factory.Sequence(lambda n: f"Type {n}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    code = factory.Sequence(lambda n: f"ORG{n:04d}")
    name = factory.Faker("company")
    legal_form = LegalForm.COOPERATIVE


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    category = MemberCategory.USER
    start = dt.date(2015, 1, 1)
    end = None


class ExpertFactory(DjangoModelFactory):
    class Meta:
        model = Expert

    code = factory.Sequence(lambda n: f"EXP{n:03d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.code.lower()}@example.coop")
    role = Role.PROFESSIONAL
    department = factory.SubFactory(DepartmentFactory)
    hired_on = dt.date(2015, 1, 1)


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = Mandate

    code = factory.Sequence(lambda n: f"MAN{n:04d}")
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Faker("catch_phrase")
    mandate_type = factory.SubFactory(MandateTypeFactory)
    department = factory.SubFactory(DepartmentFactory)
    start = dt.date(2015, 1, 1)


class TimeEntryFactory(DjangoModelFactory):
    class Meta:
        model = TimeEntry

    expert = factory.SubFactory(ExpertFactory)
    mandate = factory.SubFactory(MandateFactory)
    date = dt.date(2020, 6, 1)
    hours = Decimal("7.00")
