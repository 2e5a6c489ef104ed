"""A mandate or a mandate type coded with a "/" broke every page linking to it: refused by the
model and by the database itself, whoever writes."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from consortium.mandates.models import Mandate, MandateType
from consortium.testing.factories import MandateFactory, MandateTypeFactory

pytestmark = pytest.mark.django_db


def test_full_clean_refuses_a_mandate_coded_with_a_slash():
    mandate = MandateFactory.build(code="AUD/SLASH")

    with pytest.raises(ValidationError) as refused:
        mandate.full_clean()

    assert "Un code ne contient que des lettres" in refused.value.message_dict["code"][0]


@pytest.mark.parametrize(
    ("factory", "model"), [(MandateFactory, Mandate), (MandateTypeFactory, MandateType)]
)
@pytest.mark.parametrize("code", ["AUD/SLASH", "A B", "ÉDU", ""])
def test_the_database_refuses_a_bad_code_written_past_validation(factory, model, code):
    row = factory()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(code=code)


def test_the_database_refuses_a_raw_insert_of_a_mandate_coded_with_a_slash():
    good = MandateFactory()
    fields = [field for field in Mandate._meta.concrete_fields if not field.primary_key]
    columns = [field.column for field in fields]
    values = [
        "AUD/SLASH"
        if field.name == "code"
        else field.get_db_prep_save(getattr(good, field.attname), connection)
        for field in fields
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(Mandate._meta.db_table),
        ", ".join(connection.ops.quote_name(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, values)
    assert list(Mandate.objects.values_list("code", flat=True)) == [good.code]


def test_the_database_takes_a_code_of_letters_digits_dot_underscore_and_dash():
    mandate = MandateFactory()

    Mandate.objects.filter(pk=mandate.pk).update(code="Aud_2020-01.b")

    assert Mandate.objects.get().code == "Aud_2020-01.b"
