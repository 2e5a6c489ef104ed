"""The demo centre's billing: its rate table, the two programmes, and the invoices, credit notes
and payments of every month from April 2019 to the month before last, so that finance finds
last month's approved hours waiting to be drafted.

The report years' service revenue comes out exactly as records/finance.py SERVICE_REVENUE says
(the 2020-2021 report's figures), from the hours each category of payer was billed: each
category's rate is the whole dollar that bills a little under its total, and one line per
category and year ("Ajustement annuel", a flat fee on its largest payer's March invoice) bills
the rest; the fully managed members' delegated management is a monthly flat fee.

Written with the models in bulk, as billing's services would leave them: each document is
inserted as a draft with its lines and backup detail, then issued by one update (number,
fiscal year, dates, copied names), then paid; the counters end on the last number used.
"""

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from consortium.billing.models import (
    BillingSettings,
    Invoice,
    InvoiceCounter,
    InvoiceEntry,
    InvoiceLine,
    Payment,
    Programme,
    ProgrammeEligibility,
    Rate,
    Ristourne,
)
from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.core.models import FiscalYear
from consortium.demo.generator.billing import plan, reference, writing
from consortium.demo.generator.billing.payers import Registry
from consortium.demo.generator.records.finance import SERVICE_REVENUE
from consortium.finance.selectors import member_categories
from consortium.mandates.models import Mandate
from consortium.members.models import Organisation
from consortium.timesheets.models import TimeEntry

DIVERSIFICATION = 50  # organisations billed in 2020-2021 less those billed in 2019-2020
USER_POOL = {"user", "support", "fully_managed", "non_member"}  # billed at the user rate


def delete() -> None:
    """Every billing row (the demo's reset, in maintenance: issued documents are frozen)."""
    Payment.objects.all().delete()
    Ristourne.objects.all().delete()  # and its allocations, which name credit notes
    InvoiceEntry.objects.all().delete()
    InvoiceLine.objects.exclude(credited_line=None).delete()
    InvoiceLine.objects.all().delete()
    Invoice.objects.exclude(credited_invoice=None).delete()
    Invoice.objects.all().delete()
    InvoiceCounter.objects.all().delete()
    ProgrammeEligibility.objects.all().delete()
    Programme.objects.all().delete()
    Rate.objects.all().delete()
    BillingSettings.objects.all().delete()
    Mandate.objects.exclude(billed_organisation=None).update(billed_organisation=None)


def _years(first: dt.date, last: dt.date) -> dict[str, FiscalYear]:
    names = []
    day = first
    while day <= last:
        names.append(fiscal_year_name_for(day))
        day = fiscal_year_bounds(names[-1])[1] + dt.timedelta(days=1)
    existing = {year.name: year for year in FiscalYear.objects.filter(name__in=names)}
    for name in names:
        if name not in existing:
            start, end = fiscal_year_bounds(name)
            year = FiscalYear(name=name, start_date=start, end_date=end)
            year.full_clean()
            year.save()
            existing[name] = year
    return existing


def _registry(years: dict[str, FiscalYear]) -> Registry:
    federation = dict(Organisation.objects.values_list("pk", "federation_id"))
    code = dict(Organisation.objects.values_list("pk", "code"))
    return Registry(
        federation=federation,
        code=code,
        categories={name: member_categories(year) for name, year in years.items()},
        by_code={value: pk for pk, value in code.items()},
        has_affiliates={pk for pk in federation.values() if pk},
    )


def _table_rate(category: str, entry: plan.Entry) -> Decimal:
    raised = entry.date >= reference.RAISE_START
    best, best_rank = None, -1
    for rate_category, type_code, role, rate in reference.TABLE:
        if rate_category != category:
            continue
        if (type_code and type_code != entry.mandate_type) or (role and role != entry.role):
            continue
        rank = 2 * bool(type_code) + bool(role)
        if rank > best_rank:
            best, best_rank = rate, rank
    best = best if best is not None else Decimal("48.00")
    return (best * reference.RAISE).quantize(Decimal("1")) if raised else best


def _rate_of(category: str, entry: plan.Entry, year: str):
    if year in plan.REPORT_YEARS:
        # Priced once the year's hours are known (plan.report_rates).
        return ("report", year, "auxiliary" if category == "auxiliary" else "user")
    return _table_rate(category, entry)


def write(*, today: dt.date, scale: float, rng: random.Random, issued_by=None) -> dict[str, int]:
    end = plan.billing_end(today)
    settings = reference.write_settings()
    internal = reference.write_internal_types()
    funder = reference.montreal_funder()
    entries = [
        plan.Entry(*row)
        for row in TimeEntry.objects.filter(date__lte=end, mandate__mandate_type__billable=True)
        .order_by("date", "pk")
        .values_list(
            "pk",
            "mandate_id",
            "mandate__organisation_id",
            "mandate__mandate_type__code",
            "expert__role",
            "date",
            "hours",
        )
    ]
    if not entries:
        return {"invoices": 0, "credit_notes": 0, "payments": 0, "rates": 0}
    years = _years(entries[0].date, end)
    registry = _registry(years)
    organisations = Organisation.objects.in_bulk()
    names = {pk: organisation.name for pk, organisation in organisations.items()}

    # The programmes: an enterprise with subsidised mandates draws from Montreal's programme
    # when it is in Montreal, from the relaunch programme elsewhere.
    subsidised = sorted(
        {entry.organisation for entry in entries if entry.mandate_type == plan.SUBSIDISED_TYPE}
    )
    programme_of = {
        pk: "SOUTIEN-25H" if organisations[pk].region == reference.FUNDER_REGION else "RELANCE-360"
        for pk in subsidised
    }
    eligible = {"RELANCE-360": [pk for pk in subsidised if programme_of[pk] == "RELANCE-360"]}
    programmes = reference.write_programmes(funder, eligible)
    funders = {code: programme.funder_id for code, programme in programmes.items()}
    banks = {
        (programme_of[pk], pk): programmes[programme_of[pk]].hours_per_organisation
        for pk in subsidised
    }

    served: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    funded_years: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        year = fiscal_year_name_for(entry.date)
        if entry.mandate_type == plan.SUBSIDISED_TYPE and entry.organisation in programme_of:
            funded_years[year].add(funders[programme_of[entry.organisation]])
        else:
            served[(entry.organisation, year)] += entry.hours
    target = round(DIVERSIFICATION * scale) if scale == 1 else None
    payers = plan.plan_payers(registry, served, target, funded_years)
    for entry in entries:  # the subsidised hours beyond a bank, too
        key = (entry.organisation, fiscal_year_name_for(entry.date))
        if key not in payers:
            payers[key] = plan.payer(registry, *key)

    planner = plan.Planner(registry, payers, programme_of, funders, _rate_of, banks)
    for entry in entries:
        planner.add(entry, names)
    invoices = list(planner.invoices.values())
    rates = _price(invoices, planner)
    written = writing.write_documents(
        invoices,
        settings=settings,
        organisations=organisations,
        years=years,
        programmes=programmes,
        today=today,
        rng=rng,
        issued_by=issued_by,
    )
    rate_rows = reference.write_rates(
        {
            (year, category): rates[(year, "auxiliary" if category == "auxiliary" else "user")]
            for year in plan.REPORT_YEARS
            for category in (*USER_POOL, "auxiliary")
            if (year, "auxiliary" if category == "auxiliary" else "user") in rates
        },
        {year: (years[year].start_date, years[year].end_date) for year in plan.REPORT_YEARS},
    )
    _name_payers(payers, planner)
    return {**written, "rates": rate_rows, "internal_mandate_types": internal}


def _price(invoices: list[plan.InvoicePlan], planner: plan.Planner) -> dict:
    """Rates and amounts: the report years' rates from their hours, then each report year's
    totals made exact; returns the report years' rates by (year, pool)."""
    hours: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for invoice in invoices:
        for line in invoice.lines.values():
            if isinstance(line.rate, tuple) and line.category != "fully_managed":
                hours[(line.rate[1], line.rate[2])] += line.hours
    targets = {}
    for year in plan.REPORT_YEARS:
        revenue = SERVICE_REVENUE[year]
        targets[(year, "user")] = Decimal(revenue["user"])
        targets[(year, "auxiliary")] = Decimal(revenue["auxiliary"])
    rates = plan.report_rates(hours, targets)
    for invoice in invoices:
        for line in invoice.lines.values():
            if isinstance(line.rate, tuple):
                line.rate = rates.get((line.rate[1], line.rate[2]), Decimal("48"))
    plan.price_hourly_lines(invoices)
    for year in plan.REPORT_YEARS:
        _adjust(invoices, year, "user", targets[(year, "user")], {"user", "support"})
        _adjust(invoices, year, "auxiliary", targets[(year, "auxiliary")], {"auxiliary"})
        _flat_fees(invoices, year, Decimal(SERVICE_REVENUE[year]["fully_managed"]))
    _later_flat_fees(invoices, planner)
    return rates


def _adjust(invoices, year: str, pool: str, target: Decimal, categories: set[str]) -> None:
    billed, by_payer = Decimal("0"), defaultdict(Decimal)
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.year == year and line.category in categories:
                billed += line.amount
                if line.category == pool and line.kind in ("hours", "funded"):
                    by_payer[invoice.organisation] += line.hours
    if not by_payer:
        return
    largest = max(sorted(by_payer), key=lambda pk: by_payer[pk])
    march = (int(year[5:]), 3)
    invoice = next(
        (i for i in invoices if i.organisation == largest and i.month == march and not i.programme),
        None,
    )
    if invoice is None:
        invoice = plan.InvoicePlan(largest, march)
        invoices.append(invoice)
    invoice.lines[("adjustment", year)] = plan.LinePlan(
        kind="fixed_fee",
        description="Ajustement annuel selon l'entente de services",
        amount=target - billed,
        category=pool,
        year=year,
    )


def _flat_fees(invoices, year: str, target: Decimal) -> None:
    fees, hourly = [], Decimal("0")
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.year == year and line.category == "fully_managed":
                if line.kind == "fixed_fee":
                    fees.append(line)
                else:
                    hourly += line.amount
    if not fees:
        return
    for line, amount in zip(
        fees, plan.split_cents(target - hourly, [line.hours for line in fees]), strict=True
    ):
        line.amount = amount


def _later_flat_fees(invoices, planner: plan.Planner) -> None:
    """After the report years, each mandate's monthly fee: 2020-2021's average, raised."""
    year = plan.REPORT_YEARS[-1]
    totals, months = defaultdict(Decimal), defaultdict(int)
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.kind == "fixed_fee" and line.mandate and line.year == year:
                totals[line.mandate] += line.amount
                months[line.mandate] += 1
    average = sum(totals.values(), Decimal("0")) / max(1, sum(months.values()))
    planner.monthly_fee = {
        mandate: (totals[mandate] / months[mandate] * plan.FLAT_FEE_RAISE).quantize(Decimal("1"))
        for mandate in totals
    }
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.kind == "fixed_fee" and line.mandate and line.year not in plan.REPORT_YEARS:
                fee = planner.monthly_fee.get(line.mandate)
                line.amount = fee or (average * plan.FLAT_FEE_RAISE).quantize(Decimal("1"))


def _name_payers(payers: dict, planner: plan.Planner) -> None:
    """Each mandate names its payer of now (its latest year) when it is not the organisation
    served, and a fully managed member's delegated management carries its flat fee."""
    latest: dict[int, tuple[str, int]] = {}
    for invoice in planner.invoices.values():
        for line in invoice.lines.values():
            if (
                line.mandate
                and line.kind in ("hours", "fixed_fee")
                and (line.mandate not in latest or latest[line.mandate][0] < line.year)
            ):
                latest[line.mandate] = (line.year, invoice.organisation)
    mandates = list(Mandate.objects.filter(pk__in=latest))
    changed = []
    for mandate in mandates:
        paid_by = latest[mandate.pk][1]
        fee = getattr(planner, "monthly_fee", {}).get(mandate.pk)
        if paid_by != mandate.organisation_id or fee:
            mandate.billed_organisation_id = None if paid_by == mandate.organisation_id else paid_by
            mandate.fixed_fee = fee
            changed.append(mandate)
    Mandate.objects.bulk_update(changed, ["billed_organisation", "fixed_fee"], batch_size=500)


__all__ = ["delete", "write"]
