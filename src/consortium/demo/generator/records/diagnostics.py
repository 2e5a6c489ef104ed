"""Demo diagnostics: the default questionnaire's sections linked to the demo's departments and
mandate types (by code), finished diagnostics across organisations of several regions and legal
forms (for the staff's aggregate), and for MPEESAD, the demo member, two finished diagnostics
(an earlier and a later one, for the comparison) and two service requests from the later one
(one new, one accepted with its mandate).

The counts do not depend on --scale; the seed decides who answers what.
"""

import datetime as dt
import random

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from consortium.diagnostics.default_questionnaire import load as load_default_questionnaire
from consortium.diagnostics.models import (
    Diagnostic,
    DiagnosticStatus,
    Questionnaire,
    ServiceRequest,
)
from consortium.diagnostics.selectors import diagnostic_result, questionnaire_sections
from consortium.diagnostics.services import (
    diagnostic_answers_save,
    diagnostic_finish,
    diagnostic_start,
    service_request_accept,
    service_request_create,
    suggested_mandate_code,
    suggested_mandate_title,
)
from consortium.mandates.models import MandateType
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Department

MEMBER = "MPEESAD"
# Section code: the mandate types and departments whose services answer it.
SECTION_SERVICES = {
    "gouvernance": (["ACC"], ["GD"]),
    "finances": (["ACC"], ["CPT"]),
    "ressources-humaines": (["ACC"], ["RH"]),
    "technologies": (["ACC"], ["TI"]),
    "communications": (["ACC"], ["COM"]),
    "strategie": (["PRJ"], ["GP"]),
    "conformite": (["ACC"], ["GD"]),
}
OTHERS = 15
FINISH_DAYS = (dt.date(2021, 9, 1), dt.date(2023, 12, 15))
# MPEESAD: (finished on, maturity by section code, others' maturity): low on IT and
# communications in the later one, so that their services are offered and requested.
MEMBER_DIAGNOSTICS = [
    (dt.date(2021, 11, 16), {}, 0.45),
    (dt.date(2023, 3, 21), {"technologies": 0.2, "communications": 0.3}, 0.7),
]


def _link_sections(questionnaire: Questionnaire) -> None:
    types = {row.code: row for row in MandateType.objects.filter(code__in=["ACC", "PRJ"])}
    departments = {row.code: row for row in Department.objects.all()}
    for section in questionnaire.sections.all():
        type_codes, department_codes = SECTION_SERVICES.get(section.code, ([], []))
        section.mandate_types.set([types[code] for code in type_codes if code in types])
        section.departments.set(
            [departments[code] for code in department_codes if code in departments]
        )


def _answers(sections, rng: random.Random, maturity: float, by_section: dict) -> dict[int, str]:
    """An option per question, better the more mature; now and then « ne s'applique pas » or
    no answer at all."""
    answers = {}
    for section in sections:
        level = by_section.get(section.code, maturity)
        for question in section.questions.all():
            options = list(question.options.all())
            draw = rng.random()
            if draw < 0.04:
                continue
            if question.allows_not_applicable and draw < 0.1:
                answers[question.pk] = "na"
                continue
            spread = rng.gauss(level, 0.18)
            index = min(len(options) - 1, max(0, round(spread * (len(options) - 1))))
            answers[question.pk] = str(options[index].pk)
    return answers


def _finished(organisation, sections, rng, maturity, by_section, day) -> Diagnostic:
    diagnostic, _new = diagnostic_start(organisation=organisation)
    diagnostic_answers_save(
        diagnostic=diagnostic, answers=_answers(sections, rng, maturity, by_section)
    )
    diagnostic = diagnostic_finish(diagnostic=diagnostic)
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(14, 30)))
    Diagnostic.objects.filter(pk=diagnostic.pk).update(
        finished_at=moment, created_at=moment - dt.timedelta(days=6)
    )
    diagnostic.finished_at = moment
    return diagnostic


def write(context) -> dict[str, int]:
    rng = context.rng("diagnostics")
    questionnaire = Questionnaire.objects.filter(is_active=True).first()
    if questionnaire is None:
        # The migration wrote it; a database emptied since (a flush) has lost it.
        load_default_questionnaire(apps)
        questionnaire = Questionnaire.objects.get(is_active=True)
    _link_sections(questionnaire)
    sections = questionnaire_sections(questionnaire.pk)
    # Members on the day their diagnostic finishes: the aggregate reads the category then.
    members = list(
        Organisation.objects.filter(
            Q(pk__in=Membership.objects.filter(start__lte=FINISH_DAYS[0]).values("organisation"))
        )
        .exclude(code=MEMBER)
        .order_by("code")
    )
    span = (FINISH_DAYS[1] - FINISH_DAYS[0]).days
    count = 0
    for organisation in rng.sample(members, min(OTHERS, len(members))):
        day = FINISH_DAYS[0] + dt.timedelta(days=rng.randrange(span))
        _finished(organisation, sections, rng, rng.uniform(0.3, 0.9), {}, day)
        count += 1
    requests = 0
    member = Organisation.objects.filter(code=MEMBER).first()
    if member is not None:
        later = None
        for day, by_section, maturity in MEMBER_DIAGNOSTICS:
            later = _finished(member, sections, rng, maturity, by_section, day)
            count += 1
        requests = _member_requests(member, later)
    return {"diagnostics": count, "service_requests": requests}


def _member_requests(member: Organisation, diagnostic: Diagnostic) -> int:
    """Two of the services the later diagnostic offers: the first accepted (its mandate opened
    a week later), the second awaiting the director."""
    offered = [
        (row.section, service)
        for row in diagnostic_result(diagnostic).below_threshold
        for service in row.services
    ][:2]
    for index, (section, service) in enumerate(offered):
        request = service_request_create(
            organisation=member,
            diagnostic=diagnostic,
            section=section,
            mandate_type=service.mandate_type,
            department=service.department,
            message="Nous aimerions en parler avec un expert du centre.",
        )
        asked_on = diagnostic.finished_at + dt.timedelta(days=1)
        ServiceRequest.objects.filter(pk=request.pk).update(requested_at=asked_on)
        if index == 0:
            request.requested_at = asked_on
            service_request_accept(
                request=request,
                code=suggested_mandate_code(request),
                title=suggested_mandate_title(request),
                mandate_type=service.mandate_type,
                department=service.department,
                start=(asked_on + dt.timedelta(days=7)).date(),
            )
            ServiceRequest.objects.filter(pk=request.pk).update(
                decided_at=asked_on + dt.timedelta(days=3)
            )
    return len(offered)


def delete() -> None:
    """The area's demo rows, for a rebuilt demo (the mandates go with the demo's mandates)."""
    ServiceRequest.objects.all().delete()
    Diagnostic.objects.filter(
        status__in=[DiagnosticStatus.DRAFT, DiagnosticStatus.FINISHED]
    ).delete()
