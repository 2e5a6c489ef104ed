"""The invoice run: approved, billable, not yet invoiced hours become draft invoices.

What is billed: the time entries dated up to `through` whose expert's week is APPROVED, whose
mandate and mandate type are billable, and that no InvoiceEntry holds yet. Hours of draft,
submitted or returned weeks wait for a later run.

One draft per paying organisation (`Mandate.payer_id`), reusing its draft if it has one; on it,
a line per mandate and rate (hours × rate, the rate shown) and the entries as InvoiceEntry rows
(the backup detail). The rate: the mandate's own `hourly_rate`, else the rate table's for the
payer's member category on the entry's date (billing.rates). Entries without a rate are left
out and reported in `DraftRun.problems`, naming the mandate, the category and the dates.

Fixed fees: the first run that finds hours of a fixed-fee mandate bills the fee once, as a
FIXED_FEE line that holds those hours as detail. Later runs attach the mandate's new hours to a
FIXED_FEE line at 0 $ (« forfait déjà facturé »), so that they are invoiced and shown, never
billed twice. A fee whose invoice was cancelled is billed again. Fixed-fee hours never draw from
a programme's bank.

Programmes: an eligible organisation's (the one SERVED) hours on a covered mandate type, dated
inside the programme, draw from its bank oldest first (the oldest programme first when it has
several) until the bank is empty; the programme's end is the bank's expiry. Drawn hours go on
the funder's draft (one per funder and programme, reused like the others) as a FUNDED line per
enterprise and rate (hours × the rate the payer would have paid), and on the payer's draft as a
COVERED line at 0 $ « pris en charge par <funder> ». An entry split between the bank and the
payer has two InvoiceEntry rows.

`organisation_ids` narrows the run to the mandates those organisations pay for (their drawn
hours still go on the funders' drafts). The queries do not grow with the number of
organisations: every read is one query for the whole run, and every write is a bulk one.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.billing.models import (
    Invoice,
    InvoiceEntry,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    LineKind,
    Programme,
    RateCategory,
)
from consortium.billing.rates import RateBook
from consortium.billing.selectors.programmes import eligibility_by_programme, hours_used
from consortium.billing.services.permissions import check_may_bill
from consortium.billing.services.totals import TOTAL_FIELDS
from consortium.billing.taxes import Line as TaxLine
from consortium.billing.taxes import invoice_totals
from consortium.core.money import ZERO, cents
from consortium.core.weeks import week_start_of
from consortium.members.models import Organisation
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus

# Two runs at once would bill the same hours twice: PostgreSQL serialises them on this advisory
# lock; SQLite's write lock (BEGIN IMMEDIATE) already does.
_RUN_LOCK = 7_310_001

# Line texts, in the language of the invoice they are on.
FEE = gettext_lazy("%(mandate)s – %(title)s : forfait")
FEE_ALREADY_BILLED = gettext_lazy("%(mandate)s – %(title)s : forfait déjà facturé")
FUNDED = gettext_lazy("%(organisation)s – %(programme)s")
COVERED = gettext_lazy("%(mandate)s – %(title)s : pris en charge par %(funder)s")


@dataclass(frozen=True)
class DraftRun:
    """What one run did: the drafts it created and extended, the hours and amount it billed
    (before taxes), and the entries it left out, in words."""

    created: int = 0
    extended: int = 0
    hours: Decimal = ZERO
    amount: Decimal = ZERO
    problems: tuple[str, ...] = ()
    invoice_ids: tuple[int, ...] = field(default=())

    @property
    def invoices(self) -> int:
        return self.created + self.extended


@dataclass
class _Entry:
    id: int
    date: dt.date
    hours: Decimal
    role: str
    mandate_id: int
    mandate_code: str
    mandate_title: str
    mandate_type_id: int
    served_id: int
    payer_id: int
    hourly_rate: Decimal | None
    fixed_fee: Decimal | None


@dataclass
class _Line:
    """A line being built: its key decides which draft and line the hours go to."""

    invoice_key: tuple[int, int | None]  # (organisation billed, programme or None)
    kind: str
    mandate_id: int | None
    served_id: int | None
    programme_id: int | None
    rate: Decimal | None
    description: str
    hours: Decimal = ZERO
    amount: Decimal = ZERO
    entries: list[tuple[int, Decimal]] = field(default_factory=list)
    row: InvoiceLine | None = None


def invoices_draft(*, through: dt.date, user=None, organisation_ids=None) -> DraftRun:
    """Draft the invoices of every approved, billable, not yet invoiced hour up to `through`."""
    check_may_bill(user)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_RUN_LOCK])
        return _Run(through, organisation_ids).run()


class _Run:
    def __init__(self, through: dt.date, organisation_ids) -> None:
        self.through = through
        self.organisation_ids = None if organisation_ids is None else set(organisation_ids)
        self.lines: dict[tuple, _Line] = {}
        self.problems: dict[tuple[str, str], list[dt.date]] = defaultdict(list)

    # Reading ----------------------------------------------------------------------------------

    def _entries(self) -> list[_Entry]:
        invoiced = InvoiceEntry.objects.filter(time_entry=OuterRef("pk"))
        entries = TimeEntry.objects.filter(
            date__lte=self.through,
            mandate__billable=True,
            mandate__mandate_type__billable=True,
        ).filter(~Exists(invoiced))
        if self.organisation_ids is not None:
            entries = entries.filter(
                Q(mandate__billed_organisation_id__in=self.organisation_ids)
                | Q(
                    mandate__billed_organisation__isnull=True,
                    mandate__organisation_id__in=self.organisation_ids,
                )
            )
        rows = entries.order_by("date", "id").values_list(
            "id",
            "date",
            "hours",
            "expert_id",
            "expert__role",
            "mandate_id",
            "mandate__code",
            "mandate__title",
            "mandate__mandate_type_id",
            "mandate__organisation_id",
            "mandate__billed_organisation_id",
            "mandate__hourly_rate",
            "mandate__fixed_fee",
        )
        rows = list(rows)
        if not rows:
            return []
        approved = set(
            TimesheetWeek.objects.filter(
                status=WeekStatus.APPROVED,
                week_start__gte=week_start_of(rows[0][1]),
                week_start__lte=self.through,
                expert_id__in={row[3] for row in rows},
            ).values_list("expert_id", "week_start")
        )
        return [
            _Entry(
                id=row[0],
                date=row[1],
                hours=row[2],
                role=row[4],
                mandate_id=row[5],
                mandate_code=row[6],
                mandate_title=row[7],
                mandate_type_id=row[8],
                served_id=row[9],
                payer_id=row[10] or row[9],
                hourly_rate=row[11],
                fixed_fee=row[12],
            )
            for row in rows
            if (row[3], week_start_of(row[1])) in approved
        ]

    def _fees_billed(self, mandate_ids: set[int]) -> set[int]:
        """The fixed-fee mandates whose fee is on an invoice that is not cancelled."""
        if not mandate_ids:
            return set()
        return set(
            InvoiceLine.objects.filter(
                kind=LineKind.FIXED_FEE, mandate_id__in=mandate_ids, amount__gt=0
            )
            .exclude(invoice__status=InvoiceStatus.CANCELLED)
            .values_list("mandate_id", flat=True)
        )

    def _banks(self, entries: list[_Entry]):
        """Programmes that may cover these entries, with each (programme, organisation)'s bank
        balance and the programmes each organisation is eligible to, oldest first."""
        programmes = list(
            Programme.objects.filter(start__lte=self.through, end__gte=entries[0].date)
            .select_related("funder")
            .prefetch_related("mandate_types")
            .order_by("start", "end", "id")
        )
        if not programmes:
            return [], {}, {}
        eligible = eligibility_by_programme(programmes)
        used = hours_used(programmes)
        balances = {}
        for programme in programmes:
            for organisation_id in eligible[programme.pk]:
                spent = used.get((programme.pk, organisation_id), ZERO)
                balances[(programme.pk, organisation_id)] = max(
                    programme.hours_per_organisation - spent, ZERO
                )
        return programmes, eligible, balances

    # Building ---------------------------------------------------------------------------------

    def run(self) -> DraftRun:
        entries = self._entries()
        if not entries:
            return DraftRun()
        fixed = {entry.mandate_id for entry in entries if entry.fixed_fee is not None}
        fees_billed = self._fees_billed(fixed)
        self.programmes, self.eligible, self.balances = self._banks(entries)
        self.covered_types = {
            programme.pk: {kind.pk for kind in programme.mandate_types.all()}
            for programme in self.programmes
        }
        organisations = {entry.payer_id for entry in entries} | {
            programme.funder_id for programme in self.programmes
        }
        rows = Organisation.objects.filter(
            pk__in=organisations | {entry.served_id for entry in entries}
        ).values_list("pk", "name", "language")
        self.names, self.languages = {}, {}
        for pk, name, language in rows:
            self.names[pk], self.languages[pk] = name, language
        book = RateBook({entry.payer_id for entry in entries}, entries[0].date, self.through)
        hours = ZERO
        for entry in entries:
            if entry.fixed_fee is not None:
                self._fixed_fee(entry, fees_billed)
                hours += entry.hours
                continue
            rate = book.hourly_rate(
                payer_id=entry.payer_id,
                mandate_type_id=entry.mandate_type_id,
                role=entry.role,
                day=entry.date,
                mandate_rate=entry.hourly_rate,
            )
            if rate is None:
                category = book.category(entry.payer_id, entry.date)
                self.problems[(entry.mandate_code, category)].append(entry.date)
                continue
            left = self._draw_banks(entry, rate)
            if left > 0:
                self._add(self._hours_line(entry, rate), entry.id, left)
            hours += entry.hours
        return self._write(hours)

    def _draw_banks(self, entry: _Entry, rate: Decimal) -> Decimal:
        """Draw the entry's hours from the banks that cover it, oldest programme first; the
        hours left for the payer. Only eligible organisations have a balance."""
        left = entry.hours
        for programme in self.programmes:
            key = (programme.pk, entry.served_id)
            if (
                left <= 0
                or self.balances.get(key, ZERO) <= 0
                or not programme.start <= entry.date <= programme.end
                or entry.mandate_type_id not in self.covered_types[programme.pk]
            ):
                continue
            drawn = min(left, self.balances[key])
            self.balances[key] -= drawn
            left -= drawn
            self._draw(entry, programme, rate, drawn)
        return left

    def _text(self, organisation_id: int, message, **values) -> str:
        """`message` (lazy) in the language of the organisation's invoices."""
        with translation.override(self.languages.get(organisation_id, "fr")):
            return str(message) % values

    def _line(self, key: tuple, **values) -> _Line:
        if key not in self.lines:
            self.lines[key] = _Line(**values)
        return self.lines[key]

    def _add(self, line: _Line, entry_id: int, hours: Decimal) -> None:
        """Hours on a line billed by the hour: its amount is its hours × its rate, rounded
        once (billing.services.drafting._lines_plan), not the sum of each entry's rounding."""
        line.hours += hours
        line.entries.append((entry_id, hours))

    def _hours_line(self, entry: _Entry, rate: Decimal) -> _Line:
        invoice_key = (entry.payer_id, None)
        return self._line(
            (invoice_key, LineKind.HOURS, entry.mandate_id, rate),
            invoice_key=invoice_key,
            kind=LineKind.HOURS,
            mandate_id=entry.mandate_id,
            served_id=entry.served_id,
            programme_id=None,
            rate=rate,
            description=f"{entry.mandate_code} – {entry.mandate_title}",
        )

    def _fixed_fee(self, entry: _Entry, fees_billed: set[int]) -> None:
        invoice_key = (entry.payer_id, None)
        already = entry.mandate_id in fees_billed
        line = self._line(
            (invoice_key, LineKind.FIXED_FEE, entry.mandate_id, already),
            invoice_key=invoice_key,
            kind=LineKind.FIXED_FEE,
            mandate_id=entry.mandate_id,
            served_id=entry.served_id,
            programme_id=None,
            rate=None,
            description=(
                self._text(
                    entry.payer_id,
                    FEE_ALREADY_BILLED,
                    mandate=entry.mandate_code,
                    title=entry.mandate_title,
                )
                if already
                else self._text(
                    entry.payer_id,
                    FEE,
                    mandate=entry.mandate_code,
                    title=entry.mandate_title,
                )
            ),
        )
        if not already and not line.entries:
            line.amount = entry.fixed_fee
        line.hours += entry.hours
        line.entries.append((entry.id, entry.hours))

    def _draw(self, entry: _Entry, programme: Programme, rate: Decimal, hours: Decimal) -> None:
        funder_key = (programme.funder_id, programme.pk)
        funded = self._line(
            (funder_key, LineKind.FUNDED, entry.served_id, rate),
            invoice_key=funder_key,
            kind=LineKind.FUNDED,
            mandate_id=None,
            served_id=entry.served_id,
            programme_id=programme.pk,
            rate=rate,
            description=self._text(
                programme.funder_id,
                FUNDED,
                organisation=self.names[entry.served_id],
                programme=programme.code,
            ),
        )
        self._add(funded, entry.id, hours)
        payer_key = (entry.payer_id, None)
        covered = self._line(
            (payer_key, LineKind.COVERED, entry.mandate_id, programme.pk),
            invoice_key=payer_key,
            kind=LineKind.COVERED,
            mandate_id=entry.mandate_id,
            served_id=entry.served_id,
            programme_id=programme.pk,
            rate=None,
            description=self._text(
                entry.payer_id,
                COVERED,
                mandate=entry.mandate_code,
                title=entry.mandate_title,
                funder=self.names[programme.funder_id],
            ),
        )
        # The organisation sees its hours; the funder's line holds them as backup detail.
        covered.hours += hours

    # Writing ----------------------------------------------------------------------------------

    def _write(self, hours: Decimal) -> DraftRun:
        wanted = {line.invoice_key for line in self.lines.values()}
        drafts = self._drafts(wanted)
        created_keys = wanted - set(drafts)
        for organisation_id, programme_id in sorted(created_keys, key=_sort_key):
            drafts[(organisation_id, programme_id)] = Invoice(
                kind=InvoiceKind.INVOICE,
                status=InvoiceStatus.DRAFT,
                organisation_id=organisation_id,
                programme_id=programme_id,
                language=self.languages.get(organisation_id, "fr"),
                period_end=self.through,
            )
        new_lines, changed_lines, every_line = self._lines_plan(drafts)
        # Each draft's amounts from all its lines, known here: no query to read them back.
        for key, invoice in drafts.items():
            totals = invoice_totals(every_line[key], invoice.discount_percent)
            for name in TOTAL_FIELDS:
                setattr(invoice, name, getattr(totals, name))
        new = [drafts[key] for key in sorted(created_keys, key=_sort_key)]
        extended = [drafts[key] for key in wanted - created_keys]
        for invoice in extended:
            invoice.period_end = max(invoice.period_end or self.through, self.through)
        # Built here from rows the database holds, checked by its constraints: a full_clean()
        # each would cost a query per organisation.
        Invoice.objects.bulk_create(new)
        Invoice.objects.bulk_update(extended, ["period_end", *TOTAL_FIELDS])
        InvoiceLine.objects.bulk_create(new_lines)
        InvoiceLine.objects.bulk_update(changed_lines, ["hours", "amount"])
        self._entries_write()
        return DraftRun(
            created=len(new),
            extended=len(extended),
            hours=hours,
            amount=sum((line.amount for line in self.lines.values()), ZERO),
            problems=tuple(self._problem_texts()),
            invoice_ids=tuple(sorted(invoice.pk for invoice in drafts.values())),
        )

    def _drafts(self, wanted: set[tuple]) -> dict[tuple, Invoice]:
        """The existing drafts of the organisations (and funders) of this run, by key."""
        organisations = {organisation_id for organisation_id, _programme in wanted}
        drafts: dict[tuple, Invoice] = {}
        for invoice in Invoice.objects.filter(
            kind=InvoiceKind.INVOICE, status=InvoiceStatus.DRAFT, organisation_id__in=organisations
        ).order_by("id"):
            key = (invoice.organisation_id, invoice.programme_id)
            if key in wanted:
                drafts.setdefault(key, invoice)
        return drafts

    def _lines_plan(self, drafts: dict[tuple, Invoice]):
        """The lines to create, those of existing drafts to extend, and every line (as tax
        lines) of each draft once written."""
        key_of = {invoice.pk: key for key, invoice in drafts.items() if invoice.pk}
        existing = {}
        last_position: dict[tuple, int] = defaultdict(int)
        for row in InvoiceLine.objects.filter(invoice_id__in=list(key_of)):
            invoice_key = key_of[row.invoice_id]
            last_position[invoice_key] = max(last_position[invoice_key], row.position)
            key = (
                invoice_key,
                row.kind,
                row.mandate_id,
                row.served_organisation_id,
                row.rate,
                row.programme_id,
                row.description,
            )
            existing.setdefault(key, row)
        new, changed = [], []
        for line in sorted(self.lines.values(), key=_line_order):
            if line.rate is not None:
                line.amount = cents(line.hours * line.rate)
            key = (
                line.invoice_key,
                line.kind,
                line.mandate_id,
                line.served_id,
                line.rate,
                line.programme_id,
                line.description,
            )
            row = existing.get(key)
            if row is not None:
                row.hours = (row.hours or ZERO) + line.hours
                if row.rate is not None:
                    row.amount = cents(row.hours * row.rate)
                else:
                    row.amount += line.amount
                changed.append(row)
            else:
                last_position[line.invoice_key] += 1
                row = InvoiceLine(
                    invoice=drafts[line.invoice_key],
                    position=last_position[line.invoice_key],
                    kind=line.kind,
                    mandate_id=line.mandate_id,
                    served_organisation_id=line.served_id,
                    programme_id=line.programme_id,
                    description=line.description[:500],
                    hours=line.hours,
                    rate=line.rate,
                    amount=cents(line.amount),
                )
                existing[key] = row
                new.append(row)
            line.row = row
        every_line: dict[tuple, list[TaxLine]] = defaultdict(list)
        for key, row in existing.items():
            every_line[key[0]].append(TaxLine(row.amount, row.tax_code))
        return new, changed, every_line

    def _entries_write(self) -> None:
        """The backup detail: thousands of rows of three numbers, written by the driver's
        executemany (Django's bulk_create spends longer building them than the database)."""
        rows = [
            (line.row.pk, entry_id, hours)
            for line in self.lines.values()
            for entry_id, hours in line.entries
        ]
        table = InvoiceEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (line_id, time_entry_id, hours) VALUES (%s, %s, %s)", rows
            )

    def _problem_texts(self) -> list[str]:
        labels = dict(RateCategory.choices)
        texts = []
        for (mandate, category), days in sorted(self.problems.items()):
            texts.append(
                _(
                    "Mandat %(mandate)s, catégorie « %(category)s » : aucun tarif pour "
                    "%(count)s entrée(s) du %(first)s au %(last)s; elles attendent un tarif."
                )
                % {
                    "mandate": mandate,
                    "category": labels.get(category, category),
                    "count": len(days),
                    "first": min(days).isoformat(),
                    "last": max(days).isoformat(),
                }
            )
        return texts


def _sort_key(key: tuple) -> tuple:
    organisation_id, programme_id = key
    return (organisation_id, programme_id or 0)


_LINE_KINDS = [LineKind.FIXED_FEE, LineKind.HOURS, LineKind.COVERED, LineKind.FUNDED]


def _line_order(line: _Line) -> tuple:
    return (line.description, _LINE_KINDS.index(line.kind), line.rate or ZERO)
