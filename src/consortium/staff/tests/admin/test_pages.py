import datetime as dt
import html

import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.staff.models import Department, Expert, FieldOfExpertise, Gender, Role
from consortium.testing.factories import DepartmentFactory, ExpertFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db

EXPERTS = "staff_expert_changelist"


def _field_of_expertise(**values) -> FieldOfExpertise:
    values.setdefault("department", DepartmentFactory())
    return FieldOfExpertise.objects.create(**values)


def test_a_leaving_date_before_logged_hours_is_refused_on_the_form(admin_client):
    expert = ExpertFactory(code="EXP-H", hired_on=dt.date(2018, 1, 1))
    TimeEntryFactory(expert=expert, date=dt.date(2020, 6, 1))
    response = admin_client.post(
        admin_url("staff_expert_change", expert.pk),
        {
            "code": expert.code,
            "first_name": expert.first_name,
            "last_name": expert.last_name,
            "email": expert.email,
            "role": expert.role,
            "department": expert.department_id,
            "hired_on": "2018-01-01",
            "left_on": "2020-05-29",
            "gender": "",
            "birth_year": "",
        },
    )
    assert response.status_code == 200
    assert "EXP-H a des heures saisies le 2020-06-01" in response.content.decode()
    expert.refresh_from_db()
    assert expert.left_on is None


@pytest.mark.parametrize(
    ("view", "french", "english"),
    [
        ("staff_department_changelist", "Nom (français)", "Name (French)"),
        ("staff_department_add", "Champs d&#x27;expertise", "Fields of expertise"),
        ("staff_fieldofexpertise_changelist", "Nom (anglais)", "Name (English)"),
        ("staff_fieldofexpertise_add", "Département", "Department"),
        (EXPERTS, "Embauché le", "Hired on"),
        ("staff_expert_add", "Renseignements personnels (facultatifs)", "Personal information"),
    ],
)
def test_the_list_and_add_pages_speak_the_language_of_the_address(
    admin_client, view, french, english
):
    ExpertFactory()
    _field_of_expertise(code="FISC", name_fr="Fiscalité", name_en="Taxation")
    assert french in page_text(admin_client, view)
    text = page_text(admin_client, view, language="en")
    assert english in text
    assert french not in text


@pytest.mark.parametrize("model", ["department", "fieldofexpertise", "expert"])
def test_every_change_form_renders_in_both_languages(admin_client, model):
    expert = ExpertFactory()
    field = _field_of_expertise(code="FISC", name_fr="Fiscalité", name_en="Taxation")
    pk = {"department": expert.department_id, "fieldofexpertise": field.pk, "expert": expert.pk}
    french = page_text(admin_client, f"staff_{model}_change", pk[model])
    english = page_text(admin_client, f"staff_{model}_change", pk[model], language="en")
    assert "Modifié le" in french
    assert "Changed on" in english


def test_a_department_page_lists_its_fields_of_expertise(admin_client):
    field = _field_of_expertise(code="PAIE", name_fr="Paie", name_en="Payroll")
    text = page_text(admin_client, "staff_department_change", field.department_id)
    assert 'value="PAIE"' in text
    assert 'value="Payroll"' in text


@pytest.mark.parametrize("term", ["EXP777", "Gagnon", "Mireille", "mgagnon@"])
def test_the_search_finds_an_expert_by_code_name_or_email(admin_client, term):
    wanted = ExpertFactory(
        code="EXP777", first_name="Mireille", last_name="Gagnon", email="mgagnon@example.coop"
    )
    ExpertFactory(code="EXP001", first_name="Paul", last_name="Tremblay")
    assert changelist_rows(admin_client, EXPERTS, f"?q={term}") == [wanted]


def test_the_expert_list_filters_by_role_department_and_employment(admin_client):
    accounting = DepartmentFactory(code="COMPTA")
    wanted = ExpertFactory(role=Role.TRAINER, department=accounting)
    ExpertFactory(role=Role.TRAINER, department=accounting, left_on=dt.date(2019, 6, 30))
    ExpertFactory(role=Role.DIRECTOR, department=accounting)
    ExpertFactory(role=Role.TRAINER)
    query = f"?role__exact=trainer&department__id__exact={accounting.pk}&employed=yes"
    assert changelist_rows(admin_client, EXPERTS, query) == [wanted]
    assert len(changelist_rows(admin_client, EXPERTS, "?employed=no")) == 1


def test_the_field_of_expertise_list_filters_by_department(admin_client):
    wanted = _field_of_expertise(code="PAIE", name_fr="Paie")
    _field_of_expertise(code="WEB", name_fr="Site web")
    query = f"?department__id__exact={wanted.department_id}"
    assert changelist_rows(admin_client, "staff_fieldofexpertise_changelist", query) == [wanted]


def test_an_expert_is_added_with_optional_personal_information(admin_client):
    department = DepartmentFactory()
    response = admin_client.post(
        admin_url("staff_expert_add"),
        {
            "code": "EXP900",
            "first_name": "Léa",
            "last_name": "Roy",
            "email": "",
            "role": Role.PROFESSIONAL,
            "department": department.pk,
            "hired_on": "2018-09-04",
            "left_on": "",
            "gender": Gender.WOMAN,
            "birth_year": "1985",
        },
    )
    assert response.status_code == 302
    expert = Expert.objects.get(code="EXP900")
    assert (expert.gender, expert.birth_year) == (Gender.WOMAN, 1985)


def test_a_leaving_date_before_the_hiring_date_is_refused_on_the_form(admin_client):
    expert = ExpertFactory(hired_on=dt.date(2018, 1, 1))
    response = admin_client.post(
        admin_url("staff_expert_change", expert.pk, language="en"),
        {
            "code": expert.code,
            "first_name": expert.first_name,
            "last_name": expert.last_name,
            "email": expert.email,
            "role": expert.role,
            "department": expert.department_id,
            "hired_on": "2018-01-01",
            "left_on": "2017-12-31",
            "gender": "",
            "birth_year": "",
        },
    )
    assert response.status_code == 200
    assert "The leaving date is before the hiring date." in response.content.decode()
    expert.refresh_from_db()
    assert expert.left_on is None


@pytest.mark.parametrize(
    "view", ["staff_department_changelist", "staff_fieldofexpertise_changelist", EXPERTS]
)
def test_each_staff_list_costs_the_same_queries_with_5_or_50_rows(admin_client, view):
    url = admin_url(view)
    for _ in range(5):
        _field_of_expertise(code=f"F{FieldOfExpertise.objects.count()}", name_fr="Champ")
        ExpertFactory()
    with_five = queries_to_render(admin_client, url)
    for _ in range(45):
        _field_of_expertise(code=f"F{FieldOfExpertise.objects.count()}", name_fr="Champ")
        ExpertFactory()
    assert queries_to_render(admin_client, url) == with_five


def _department_form(department, fields=(), **values) -> dict:
    """The post of a department's page: its names and the rows of its fields of expertise."""
    data = {
        "code": department.code,
        "name_fr": department.name_fr,
        "name_en": department.name_en,
        "fields_of_expertise-TOTAL_FORMS": str(len(fields)),
        "fields_of_expertise-INITIAL_FORMS": str(sum(1 for row in fields if row.get("id"))),
        "fields_of_expertise-MIN_NUM_FORMS": "0",
        "fields_of_expertise-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(fields):
        data |= {f"fields_of_expertise-{index}-{name}": value for name, value in row.items()}
        data[f"fields_of_expertise-{index}-department"] = department.pk
    return data | values


def test_a_department_renamed_in_the_admin_keeps_its_id_and_its_experts(admin_client):
    expert = ExpertFactory(department=DepartmentFactory(code="RH", name_fr="Personnel"))
    department = expert.department
    response = admin_client.post(
        admin_url("staff_department_change", department.pk),
        _department_form(department, code="RHU", name_fr="Ressources humaines"),
    )
    assert response.status_code == 302
    department.refresh_from_db()
    assert (department.code, department.name_fr) == ("RHU", "Ressources humaines")
    assert Department.objects.count() == 1
    assert Expert.objects.get().department_id == department.pk


def test_fields_of_expertise_are_added_renamed_and_removed_from_their_department(admin_client):
    department = DepartmentFactory()
    payroll = _field_of_expertise(code="PAIE", name_fr="Paie", department=department)
    web = _field_of_expertise(code="WEB", name_fr="Site web", department=department)
    rows = [
        {"id": payroll.pk, "code": "PAIE", "name_fr": "Paie et avantages", "name_en": ""},
        {"id": web.pk, "code": "WEB", "name_fr": "Site web", "name_en": "", "DELETE": "on"},
        {"code": "FISC", "name_fr": "Fiscalité", "name_en": "Taxation"},
    ]
    response = admin_client.post(
        admin_url("staff_department_change", department.pk), _department_form(department, rows)
    )
    assert response.status_code == 302
    assert list(department.fields_of_expertise.values_list("pk", "code", "name_fr")) == [
        (FieldOfExpertise.objects.get(code="FISC").pk, "FISC", "Fiscalité"),
        (payroll.pk, "PAIE", "Paie et avantages"),
    ]


def test_a_field_of_expertise_moved_to_another_department_in_the_admin_keeps_its_id(admin_client):
    field = _field_of_expertise(code="PAIE", name_fr="Paie")
    other = DepartmentFactory()
    response = admin_client.post(
        admin_url("staff_fieldofexpertise_change", field.pk),
        {"code": "PAIE", "name_fr": "Paie", "name_en": "Payroll", "department": other.pk},
    )
    assert response.status_code == 302
    assert list(FieldOfExpertise.objects.values_list("pk", "department", "name_en")) == [
        (field.pk, other.pk, "Payroll")
    ]


def test_the_admin_refuses_a_department_coded_with_a_slash(admin_client):
    response = admin_client.post(
        admin_url("staff_department_add"),
        {"code": "CPT/2", "name_fr": "Comptabilité", "name_en": "Accounting"},
    )

    assert response.status_code == 200
    assert "Un code ne contient que des lettres sans accents" in html.unescape(
        response.content.decode()
    )
    assert not Department.objects.exists()
