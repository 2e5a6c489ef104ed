"""factory_boy factories for tests, with Faker in Quebec French."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone
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


class RateFactory(DjangoModelFactory):
    class Meta:
        model = "billing.Rate"

    member_category = MemberCategory.USER
    hourly_rate = Decimal("100.00")
    valid_from = dt.date(2015, 1, 1)


class TimeEntryFactory(DjangoModelFactory):
    class Meta:
        model = TimeEntry

    expert = factory.SubFactory(ExpertFactory)
    mandate = factory.SubFactory(MandateFactory)
    date = dt.date(2020, 6, 1)
    hours = Decimal("7.00")


# --- communications, training, surveys -------------------------------------------------------
# Models named by label: this block needs no import at the top of the file.


class FollowerSnapshotFactory(DjangoModelFactory):
    class Meta:
        model = "communications.FollowerSnapshot"

    channel = "linkedin"
    date = dt.date(2021, 3, 31)
    followers = 100


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = "communications.Publication"

    kind = "post"
    channel = "linkedin"
    date = dt.date(2020, 6, 1)
    title = factory.Faker("catch_phrase")


class AdCampaignFactory(DjangoModelFactory):
    class Meta:
        model = "communications.AdCampaign"

    channel = "facebook"
    name = factory.Faker("catch_phrase")
    start = dt.date(2020, 10, 1)
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(days=30))
    impressions = 1000


class PressCoverageFactory(DjangoModelFactory):
    class Meta:
        model = "communications.PressCoverage"

    title = factory.Faker("catch_phrase")
    outlet = factory.Faker("company")
    date = dt.date(2020, 9, 16)


class EventFactory(DjangoModelFactory):
    class Meta:
        model = "communications.Event"

    title = factory.Faker("catch_phrase")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    date = dt.date(2020, 11, 18)
    kind = "webinar"
    online = True


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = "communications.Registration"

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"personne-{n}@exemple.org")


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = "training.Course"

    title_fr = factory.Sequence(lambda n: f"Formation {n}")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    provider = factory.Faker("company")
    start = dt.date(2020, 9, 1)


class TrainingRecordFactory(DjangoModelFactory):
    class Meta:
        model = "training.TrainingRecord"

    expert = factory.SubFactory(ExpertFactory)
    course = factory.SubFactory(CourseFactory)
    completed_on = dt.date(2020, 10, 15)


class SurveyYearFactory(DjangoModelFactory):
    """A fiscal year for surveys: "2020-2021" unless told otherwise, shared when it exists."""

    class Meta:
        model = "core.FiscalYear"
        django_get_or_create = ("name",)

    name = "2020-2021"
    start_date = factory.LazyAttribute(lambda o: dt.date(int(o.name[:4]), 4, 1))
    end_date = factory.LazyAttribute(lambda o: dt.date(int(o.name[:4]) + 1, 3, 31))


class SurveyFactory(DjangoModelFactory):
    """An open members' survey of "2020-2021" with no question."""

    class Meta:
        model = "surveys.Survey"

    fiscal_year = factory.SubFactory(SurveyYearFactory)
    kind = "other"
    audience = "members"
    title_fr = factory.Sequence(lambda n: f"Sondage {n}")
    title_en = factory.Sequence(lambda n: f"Survey {n}")
    opens_on = factory.LazyAttribute(lambda o: o.fiscal_year.start_date)
    closes_on = factory.LazyAttribute(lambda o: o.fiscal_year.end_date)
    status = "open"


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = "surveys.Question"

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = "yes_no"
    text_fr = factory.Sequence(lambda n: f"Question {n} ?")
    text_en = factory.Sequence(lambda n: f"Question {n}?")


class ChoiceFactory(DjangoModelFactory):
    class Meta:
        model = "surveys.Choice"

    question = factory.SubFactory(QuestionFactory, kind="single")
    position = factory.Sequence(lambda n: n + 1)
    label_fr = factory.Sequence(lambda n: f"Choix {n}")
    label_en = factory.Sequence(lambda n: f"Choice {n}")


class SatisfactionSurveyFactory(SurveyFactory):
    """The year's satisfaction survey (shared), with its would-recommend (yes/no) and
    likelihood (0-10) questions."""

    class Meta:
        django_get_or_create = ("fiscal_year", "kind")
        skip_postgeneration_save = True

    kind = "satisfaction"
    title_fr = factory.LazyAttribute(lambda o: f"Sondage de satisfaction {o.fiscal_year.name}")
    title_en = factory.LazyAttribute(lambda o: f"Satisfaction survey {o.fiscal_year.name}")

    @factory.post_generation
    def measures(self, create, extracted, **kwargs):
        if not self.questions.exists():
            QuestionFactory(
                survey=self,
                position=1,
                kind="yes_no",
                measure="would_recommend",
                required=True,
                text_fr="Recommanderiez-vous le Consortium ?",
                text_en="Would you recommend the Consortium?",
            )
            QuestionFactory(survey=self, position=2, kind="scale_0_10", measure="likelihood")


class EngagementSurveyFactory(SurveyFactory):
    """The year's staff engagement survey (shared), with three engagement Likert items."""

    class Meta:
        django_get_or_create = ("fiscal_year", "kind")
        skip_postgeneration_save = True

    kind = "engagement"
    audience = "staff"
    title_fr = factory.LazyAttribute(lambda o: f"Sondage d'engagement {o.fiscal_year.name}")
    benchmark_pct = Decimal("76.0")

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        if not self.questions.exists():
            for position in (1, 2, 3):
                QuestionFactory(
                    survey=self, position=position, kind="likert_5", measure="engagement"
                )


class ResponseFactory(DjangoModelFactory):
    """An organisation's response with no answer yet."""

    class Meta:
        model = "surveys.Response"

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    submitted_at = factory.LazyFunction(timezone.now)


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = "surveys.Answer"

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)


class SatisfactionResponseFactory(ResponseFactory):
    """An organisation's answer to the year's satisfaction survey: `would_recommend` (yes/no)
    and, if given, `likelihood` (0-10)."""

    class Meta:
        skip_postgeneration_save = True

    survey = factory.SubFactory(SatisfactionSurveyFactory)

    @factory.post_generation
    def would_recommend(self, create, extracted, **kwargs):
        question = self.survey.questions.get(measure="would_recommend")
        value = True if extracted is None else extracted
        AnswerFactory(response=self, question=question, bool_value=value)

    @factory.post_generation
    def likelihood(self, create, extracted, **kwargs):
        if extracted is not None:
            question = self.survey.questions.get(measure="likelihood")
            AnswerFactory(response=self, question=question, int_value=extracted)


class EngagementResponseFactory(ResponseFactory):
    """An anonymous staff response to the year's engagement survey: `scores` are its Likert
    answers to the items in order ("na": « ne s'applique pas »)."""

    class Meta:
        skip_postgeneration_save = True

    survey = factory.SubFactory(EngagementSurveyFactory)
    organisation = None

    @factory.post_generation
    def scores(self, create, extracted, **kwargs):
        items = list(self.survey.questions.filter(measure="engagement").order_by("position"))
        for question, score in zip(items, extracted or [], strict=False):
            if score == "na":
                AnswerFactory(response=self, question=question, not_applicable=True)
            else:
                AnswerFactory(response=self, question=question, int_value=score)


# --- finance -----------------------------------------------------------------------------------

from consortium.core.models import FiscalYear  # noqa: E402
from consortium.finance.models import Account, AccountKind, ActualAmount, Budget  # noqa: E402


class FiscalYearFactory(DjangoModelFactory):
    class Meta:
        model = FiscalYear
        django_get_or_create = ("name",)

    name = "2020-2021"
    start_date = factory.LazyAttribute(lambda o: dt.date(int(o.name[:4]), 4, 1))
    end_date = factory.LazyAttribute(lambda o: dt.date(int(o.name[:4]) + 1, 3, 31))


class AccountFactory(DjangoModelFactory):
    class Meta:
        model = Account
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{5000 + n}")
    name_fr = factory.Sequence(lambda n: f"Charge {n}")
    name_en = factory.Sequence(lambda n: f"Expense {n}")
    kind = AccountKind.EXPENSE
    is_service_revenue = False

    class Params:
        revenue = factory.Trait(kind=AccountKind.REVENUE)
        service_revenue = factory.Trait(kind=AccountKind.REVENUE, is_service_revenue=True)


class BudgetFactory(DjangoModelFactory):
    class Meta:
        model = Budget

    account = factory.SubFactory(AccountFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    amount = Decimal("1000.00")


class ActualAmountFactory(DjangoModelFactory):
    class Meta:
        model = ActualAmount

    account = factory.SubFactory(AccountFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    organisation = None
    amount = Decimal("1000.00")


# --- governance, development, projects ---------------------------------------------------------
# Models named by label: this block needs no import at the top of the file.


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = "governance.Meeting"

    kind = "board"
    date = factory.Sequence(lambda n: dt.date(2020, 4, 1) + dt.timedelta(days=n % 365))
    title = "Rencontre du conseil d'administration"


class BoardSeatFactory(DjangoModelFactory):
    class Meta:
        model = "governance.BoardSeat"
        skip_postgeneration_save = True

    role = "director"
    is_executive = False
    organisation = factory.SubFactory(OrganisationFactory)
    term_start = dt.date(2019, 6, 12)
    order = factory.Sequence(lambda n: n)
    holder = factory.RelatedFactory(
        "consortium.testing.factories.BoardSeatHolderFactory", factory_related_name="seat"
    )


class BoardSeatHolderFactory(DjangoModelFactory):
    class Meta:
        model = "governance.BoardSeatHolder"

    seat = factory.SubFactory(BoardSeatFactory, holder=None)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")


class DevelopmentActivityFactory(DjangoModelFactory):
    class Meta:
        model = "development.DevelopmentActivity"
        skip_postgeneration_save = True

    kind = "development_meeting"
    date = dt.date(2020, 6, 1)
    title = factory.Sequence(lambda n: f"Rencontre de développement {n}")

    @factory.post_generation
    def organisations_met(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations_met.set(extracted)


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = "development.Partnership"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Entente de partenariat {n}")
    start = dt.date(2020, 4, 1)


class StructuringProjectFactory(DjangoModelFactory):
    class Meta:
        model = "projects.StructuringProject"

    code = factory.Sequence(lambda n: f"PRJ{n:03d}")
    title = factory.Sequence(lambda n: f"Projet structurant {n}")
    funder = "Ministère de l'Économie et de l'Innovation"
    programme = "PAEN"
    amount = Decimal("50000.00")
    start = dt.date(2020, 6, 1)
    description_fr = "Description en français."
    description_en = "English description."


class ProjectPhaseFactory(DjangoModelFactory):
    class Meta:
        model = "projects.ProjectPhase"

    project = factory.SubFactory(StructuringProjectFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_fr = factory.Sequence(lambda n: f"Volet {n}")
    title_en = factory.Sequence(lambda n: f"Part {n}")


class DeliverableFactory(DjangoModelFactory):
    class Meta:
        model = "projects.Deliverable"

    phase = factory.SubFactory(ProjectPhaseFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_fr = factory.Sequence(lambda n: f"Livrable {n}")
    title_en = factory.Sequence(lambda n: f"Deliverable {n}")
    status = "planned"


# --- reports ------------------------------------------------------------------------------------
# Models named by label; the fiscal year is the finance block's FiscalYearFactory.


class ReportTextFactory(DjangoModelFactory):
    class Meta:
        model = "reports.ReportText"

    fiscal_year = factory.SubFactory(FiscalYearFactory)
    section = "mission"
    title_fr = "Mission."
    title_en = "Mission."
    body_fr = "Le Consortium existe pour ses membres."
    body_en = "The Consortium exists for its members."


# --- accounts, week approval, audit trail -------------------------------------------------------
# Models named by label: this block needs no import at the top of the file.


class UserFactory(DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"utilisateur{n:03d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.coop")


class StaffRoleFactory(DjangoModelFactory):
    """A role; a director's departments: `StaffRoleFactory(director_of=[department])`."""

    class Meta:
        model = "accounts.StaffRole"
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    role = "expert"

    @factory.post_generation
    def director_of(self, create, departments, **kwargs):
        if create and departments:
            self.departments.set(departments)


class TimesheetWeekFactory(DjangoModelFactory):
    class Meta:
        model = "timesheets.TimesheetWeek"

    expert = factory.SubFactory(ExpertFactory)
    week_start = dt.date(2020, 6, 1)
    status = "draft"


# --- review: approval, period locks, audit trail -----------------------------------------------


class TimeEntryImportFactory(DjangoModelFactory):
    class Meta:
        model = "timesheets.TimeEntryImport"

    file_name = factory.Sequence(lambda n: f"heures-{n:03d}.csv")
    rows = 10
    created = 8
    updated = 2


class PeriodLockFactory(DjangoModelFactory):
    """A locked month (June 2020 by default); `FiscalYearLockFactory` locks a whole year."""

    class Meta:
        model = "timesheets.PeriodLock"

    kind = "month"
    start = dt.date(2020, 6, 1)
    end = dt.date(2020, 6, 30)


class FiscalYearLockFactory(PeriodLockFactory):
    """The lock of a fiscal year (2020-2021 by default): `fiscal_year__name="2019-2020"`."""

    kind = "fiscal_year"
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    start = factory.LazyAttribute(lambda o: o.fiscal_year.start_date)
    end = factory.LazyAttribute(lambda o: o.fiscal_year.end_date)


# --- billing: weeks approved for billing, settings, programmes, invoices ------------------------
# Models named by label: this block needs no import at the top of the file.


class ApprovedWeekFactory(TimesheetWeekFactory):
    """An approved week (of 2020-06-01 by default): only the hours of such weeks are billed."""

    status = "approved"
    submitted_at = factory.LazyFunction(lambda: dt.datetime(2020, 6, 8, 9, tzinfo=dt.UTC))
    decided_at = factory.LazyFunction(lambda: dt.datetime(2020, 6, 9, 9, tzinfo=dt.UTC))
    decided_by = factory.SubFactory(UserFactory)


class BillingSettingsFactory(DjangoModelFactory):
    """The centre's billing settings, complete enough to issue."""

    class Meta:
        model = "billing.BillingSettings"
        django_get_or_create = ("id",)

    id = 1
    legal_name = "Consortium de services partagés coop"
    address = "123, rue Principale\nMontréal (Québec) H2X 1Y1"
    email = "facturation@example.coop"
    phone = "514 555-0100"
    gst_number = "123456789 RT0001"
    qst_number = "1234567890 TQ0001"


class ProgrammeFactory(DjangoModelFactory):
    """A programme of 25 h per organisation over 2020-2021, funded by an organisation."""

    class Meta:
        model = "billing.Programme"
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"PROG{n:02d}")
    name_fr = factory.Sequence(lambda n: f"Programme {n}")
    funder = factory.SubFactory(OrganisationFactory)
    hours_per_organisation = Decimal("25.00")
    start = dt.date(2020, 4, 1)
    end = dt.date(2021, 3, 31)

    @factory.post_generation
    def mandate_types(self, create, mandate_types, **kwargs):
        if create:
            self.mandate_types.set(mandate_types or [MandateTypeFactory()])


class DraftInvoiceFactory(DjangoModelFactory):
    """A draft invoice; issue it with the services, or as the demo does (UPDATE to issued)."""

    class Meta:
        model = "billing.Invoice"

    organisation = factory.SubFactory(OrganisationFactory)
    status = "draft"


class InvoiceLineFactory(DjangoModelFactory):
    class Meta:
        model = "billing.InvoiceLine"

    invoice = factory.SubFactory(DraftInvoiceFactory)
    kind = "hours"
    description = factory.Sequence(lambda n: f"Ligne {n}")
    amount = Decimal("100.00")


class ProgrammeEligibilityFactory(DjangoModelFactory):
    class Meta:
        model = "billing.ProgrammeEligibility"

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class CreditNoteFactory(DraftInvoiceFactory):
    """A draft credit note of an invoice of the same organisation (for `issue_for_tests`)."""

    kind = "credit_note"
    credit_reason = "correction"
    credited_invoice = factory.SubFactory(
        DraftInvoiceFactory, organisation=factory.SelfAttribute("..organisation")
    )


class InvoiceEntryFactory(DjangoModelFactory):
    """Hours of a time entry on a line (the backup detail)."""

    class Meta:
        model = "billing.InvoiceEntry"

    line = factory.SubFactory(InvoiceLineFactory)
    time_entry = factory.SubFactory(TimeEntryFactory)
    hours = factory.LazyAttribute(lambda o: o.time_entry.hours)


class PaymentFactory(DjangoModelFactory):
    class Meta:
        model = "billing.Payment"

    invoice = factory.SubFactory(DraftInvoiceFactory)
    date = dt.date(2020, 7, 15)
    amount = Decimal("100.00")
    method = "transfer"


def issue_for_tests(invoice, *, on: dt.date = dt.date(2020, 6, 30), sequence: int | None = None):
    """The draft `invoice`, its totals computed from its lines, made an issued document numbered
    in `on`'s fiscal year, by the one UPDATE the database lets a draft take (draft → issued).

    For tests that need issued documents without the issuing service; the supplier's and
    customer's names are copied as issuing copies them.
    """
    from consortium.billing.models import BillingSettings, Invoice
    from consortium.billing.services.totals import invoice_totals_refresh
    from consortium.core.fiscal_years import fiscal_year_name_for

    invoice_totals_refresh(invoice)
    year = FiscalYearFactory(name=fiscal_year_name_for(on))
    series = Invoice.objects.filter(kind=invoice.kind, fiscal_year=year)
    sequence = sequence or series.exclude(sequence=None).count() + 1
    prefix = "NC-" if invoice.kind == "credit_note" else ""
    supplier = BillingSettings.objects.filter(pk=1).first() or BillingSettings()
    Invoice.objects.filter(pk=invoice.pk).update(
        status="issued",
        fiscal_year=year,
        sequence=sequence,
        number=f"{prefix}{year.name}-{sequence:04d}",
        issued_on=on,
        due_on=on + dt.timedelta(days=supplier.payment_terms_days),
        supplier_name=supplier.legal_name,
        supplier_address=supplier.address,
        supplier_gst_number=supplier.gst_number,
        supplier_qst_number=supplier.qst_number,
        customer_name=invoice.organisation.name,
    )
    invoice.refresh_from_db()
    return invoice


# --- billing: the invoice pages' documents ---------------------------------------------------


class InvoiceFactory(DraftInvoiceFactory):
    """A draft invoice of June 2020's hours; `issued_invoice(...)` makes an issued one."""

    period_end = dt.date(2020, 6, 30)


def draft_invoice(organisation=None, *, amounts=(Decimal("100.00"),), mandate=None, **fields):
    """A draft with one fixed-fee line per amount (on `mandate` if given), its totals computed."""
    from consortium.billing.services.totals import invoice_totals_refresh

    invoice = InvoiceFactory(
        organisation=organisation or (mandate.organisation if mandate else OrganisationFactory()),
        **fields,
    )
    for position, amount in enumerate(amounts):
        InvoiceLineFactory(
            invoice=invoice,
            position=position,
            kind="fixed_fee",
            amount=Decimal(amount),
            mandate=mandate,
        )
    return invoice_totals_refresh(invoice)


def issued_invoice(
    organisation=None,
    *,
    issued_on=dt.date(2020, 7, 1),
    amounts=(Decimal("100.00"),),
    mandate=None,
    **fields,
):
    """An issued invoice (or, with `kind="credit_note"`, a credit note) of one fixed-fee line
    per amount, numbered in `issued_on`'s fiscal year by `issue_for_tests`."""
    invoice = draft_invoice(organisation, amounts=amounts, mandate=mandate, **fields)
    return issue_for_tests(invoice, on=issued_on)


# --- billing: documents of many lines, for revenue -------------------------------------------


def issued_document(
    organisation,
    fiscal_year,
    lines,
    *,
    credited=None,
    credit_reason="correction",
    issued_on=None,
    discount_percent=0,
):
    """An invoice (a credit note of `credited` when given) of `organisation`, issued in
    `fiscal_year` (a FiscalYear) with `lines`: (kind, hours or None, amount) tuples; a draft
    with its lines, then the one update that issues it (`issue_for_tests`)."""
    if credited:
        invoice = CreditNoteFactory(
            organisation=organisation,
            credited_invoice=credited,
            credit_reason=credit_reason,
            discount_percent=Decimal(discount_percent),
        )
    else:
        invoice = DraftInvoiceFactory(
            organisation=organisation, discount_percent=Decimal(discount_percent)
        )
    for position, (kind, hours, amount) in enumerate(lines):
        InvoiceLineFactory(
            invoice=invoice,
            position=position,
            kind=kind,
            hours=None if hours is None else Decimal(hours),
            amount=Decimal(amount),
        )
    day = issued_on or fiscal_year.start_date + dt.timedelta(days=30)
    return issue_for_tests(invoice, on=day)


class MemberContactFactory(DjangoModelFactory):
    """A person who represents an organisation on the portal: `MemberContactFactory(user=…,
    organisation=…)`; a new user and organisation when not given."""

    class Meta:
        model = "accounts.MemberContact"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
