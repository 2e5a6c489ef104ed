"""Database triggers that keep issued documents, and the hours they bill, as they were issued.

For every writer (raw SQL, bulk writes, the admin), outside a session in maintenance (the demo's
reset, `flush`: core/triggers.py):

- a document is inserted as a draft only; a draft, its lines and their InvoiceEntry rows change
  freely, and a draft may be updated to issued (the issuing service, the demo's writer);
- an issued document (any status but draft) never changes its number, dates, organisation,
  amounts or copied names (`FROZEN`); its status never goes back to draft nor leaves cancelled,
  `paid` and `credited` never decrease; it is never deleted;
- the lines and InvoiceEntry rows of an issued document can be neither inserted, changed nor
  deleted;
- a time entry billed by an issued document can be neither changed nor deleted (PostgreSQL's
  message names the invoice; SQLite's cannot: the services name it first,
  timesheets.services.entries).

On PostgreSQL the triggers are ENABLE ALWAYS, so that the replica role does not silence them.
"""

from consortium.core.triggers import NOT_IN_MAINTENANCE, DatabaseTriggers

ISSUED_MESSAGE = "document émis : non modifiable / issued document cannot change"
INSERT_MESSAGE = "un document est créé comme brouillon / documents are inserted as drafts"
BILLED_MESSAGE = "heures facturées : non modifiables / billed hours cannot change"
BILLED_BY_MESSAGE = "heures facturées par la facture % : non modifiables / billed by invoice %"

INVOICE = "billing_invoice"
LINE = "billing_invoiceline"
ENTRY = "billing_invoiceentry"
TIME_ENTRY = "timesheets_timeentry"

# What an issued document keeps for good.
FROZEN = [
    "kind",
    "organisation_id",
    "language",
    "programme_id",
    "period_end",
    "fiscal_year_id",
    "sequence",
    "number",
    "issued_on",
    "due_on",
    "issued_by_id",
    "credited_invoice_id",
    "credit_reason",
    "note",
    "discount_percent",
    "subtotal",
    "discount",
    "taxable",
    "gst",
    "qst",
    "total",
    "supplier_name",
    "supplier_address",
    "supplier_gst_number",
    "supplier_qst_number",
    "customer_name",
    "created_at",
]


def _changed(distinct: str) -> str:
    """True when an issued document's update breaks the rule (`distinct`: the vendor's null-safe
    inequality)."""
    frozen = " OR ".join(f"NEW.{column} {distinct} OLD.{column}" for column in FROZEN)
    return (
        f"({frozen} OR NEW.status = 'draft' "
        "OR (OLD.status = 'cancelled' AND NEW.status <> 'cancelled') "
        "OR NEW.paid < OLD.paid OR NEW.credited < OLD.credited)"
    )


def _issued(invoice_id: str) -> str:
    return f"EXISTS (SELECT 1 FROM {INVOICE} i WHERE i.id = {invoice_id} AND i.status <> 'draft')"


def _line_issued(line_id: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM {LINE} l JOIN {INVOICE} i ON i.id = l.invoice_id "
        f"WHERE l.id = {line_id} AND i.status <> 'draft')"
    )


def _billed(entry_id: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM {ENTRY} e JOIN {LINE} l ON l.id = e.line_id "
        f"JOIN {INVOICE} i ON i.id = l.invoice_id "
        f"WHERE e.time_entry_id = {entry_id} AND i.status <> 'draft')"
    )


_SQLITE_RULES = {
    # (table, trigger, event, condition, message)
    "invoice_insert": (INVOICE, "INSERT", "NEW.status <> 'draft'", INSERT_MESSAGE),
    "invoice_update": (INVOICE, "UPDATE", f"OLD.status <> 'draft' AND {_changed('IS NOT')}", None),
    "invoice_delete": (INVOICE, "DELETE", "OLD.status <> 'draft'", None),
    "line_insert": (LINE, "INSERT", _issued("NEW.invoice_id"), None),
    "line_update": (
        LINE,
        "UPDATE",
        f"{_issued('OLD.invoice_id')} OR {_issued('NEW.invoice_id')}",
        None,
    ),
    "line_delete": (LINE, "DELETE", _issued("OLD.invoice_id"), None),
    "entry_insert": (ENTRY, "INSERT", _line_issued("NEW.line_id"), None),
    "entry_update": (
        ENTRY,
        "UPDATE",
        f"{_line_issued('OLD.line_id')} OR {_line_issued('NEW.line_id')}",
        None,
    ),
    "entry_delete": (ENTRY, "DELETE", _line_issued("OLD.line_id"), None),
    "billed_update": (TIME_ENTRY, "UPDATE", _billed("OLD.id"), BILLED_MESSAGE),
    "billed_delete": (TIME_ENTRY, "DELETE", _billed("OLD.id"), BILLED_MESSAGE),
}
SQLITE_CREATE = [
    f"""CREATE TRIGGER billing_{name} BEFORE {event} ON {table}
    WHEN {NOT_IN_MAINTENANCE["sqlite"]} AND ({condition})
    BEGIN SELECT RAISE(ABORT, '{message or ISSUED_MESSAGE}'); END"""
    for name, (table, event, condition, message) in _SQLITE_RULES.items()
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS billing_{name}" for name in _SQLITE_RULES]

# Lines and detail rows are written in bulk (an invoice run writes thousands): one check per
# statement, against its transition tables. Transition tables allow one event per trigger.
_PG_DETAIL = {
    # table: SQL that is true when any of `{rows}` belongs to an issued document
    LINE: (
        "line",
        f"EXISTS (SELECT 1 FROM {{rows}} r JOIN {INVOICE} i ON i.id = r.invoice_id "
        "WHERE i.status <> 'draft')",
    ),
    ENTRY: (
        "entry",
        f"EXISTS (SELECT 1 FROM {{rows}} r JOIN {LINE} l ON l.id = r.line_id "
        f"JOIN {INVOICE} i ON i.id = l.invoice_id WHERE i.status <> 'draft')",
    ),
}
_PG_EVENTS = {
    "insert": ("REFERENCING NEW TABLE AS new_rows", ["new_rows"]),
    "update": ("REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows", ["old_rows", "new_rows"]),
    "delete": ("REFERENCING OLD TABLE AS old_rows", ["old_rows"]),
}
_PG_DETAIL_CREATE: list[str] = []
_PG_DETAIL_DROP: list[str] = []
for _table, (_name, _issued_rows) in _PG_DETAIL.items():
    for _event, (_referencing, _tables) in _PG_EVENTS.items():
        _checks = " OR ".join(_issued_rows.format(rows=rows) for rows in _tables)
        _PG_DETAIL_CREATE += [
            f"""CREATE FUNCTION billing_refuse_issued_{_name}_{_event}() RETURNS trigger AS $$
            BEGIN
                IF {NOT_IN_MAINTENANCE["postgresql"]} AND ({_checks}) THEN
                    RAISE EXCEPTION '{ISSUED_MESSAGE}'
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER billing_{_name}_issued_{_event} AFTER {_event.upper()} ON {_table}
            {_referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION billing_refuse_issued_{_name}_{_event}()""",
            f"ALTER TABLE {_table} ENABLE ALWAYS TRIGGER billing_{_name}_issued_{_event}",
        ]
        _PG_DETAIL_DROP += [
            f"DROP TRIGGER IF EXISTS billing_{_name}_issued_{_event} ON {_table}",
            f"DROP FUNCTION IF EXISTS billing_refuse_issued_{_name}_{_event}()",
        ]

_PG_REFUSE = "RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation'"

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION billing_refuse_issued_invoice() RETURNS trigger AS $$
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} THEN
            IF TG_OP = 'INSERT' AND NEW.status <> 'draft' THEN
                {_PG_REFUSE.format(message=INSERT_MESSAGE)};
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' AND {_changed("IS DISTINCT FROM")} THEN
                RAISE EXCEPTION '% (%)', '{ISSUED_MESSAGE}', OLD.number
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'DELETE' AND OLD.status <> 'draft' THEN
                RAISE EXCEPTION '% (%)', '{ISSUED_MESSAGE}', OLD.number
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    # Time entries are written in bulk (imports of 200,000 rows): one check per statement,
    # against its transition table, as the locked-period triggers do.
    f"""CREATE FUNCTION billing_refuse_billed_entry() RETURNS trigger AS $$
    DECLARE
        billed_by text;
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} THEN
            SELECT i.number INTO billed_by FROM old_rows r
                JOIN {ENTRY} e ON e.time_entry_id = r.id
                JOIN {LINE} l ON l.id = e.line_id
                JOIN {INVOICE} i ON i.id = l.invoice_id
                WHERE i.status <> 'draft' LIMIT 1;
            IF billed_by IS NOT NULL THEN
                RAISE EXCEPTION '{BILLED_BY_MESSAGE}', billed_by, billed_by
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER billing_invoice_issued BEFORE INSERT OR UPDATE OR DELETE ON {INVOICE}
    FOR EACH ROW EXECUTE FUNCTION billing_refuse_issued_invoice()""",
    f"""CREATE TRIGGER billing_billed_update AFTER UPDATE ON {TIME_ENTRY}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION billing_refuse_billed_entry()""",
    f"""CREATE TRIGGER billing_billed_delete AFTER DELETE ON {TIME_ENTRY}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION billing_refuse_billed_entry()""",
    f"ALTER TABLE {INVOICE} ENABLE ALWAYS TRIGGER billing_invoice_issued",
    f"ALTER TABLE {TIME_ENTRY} ENABLE ALWAYS TRIGGER billing_billed_update",
    f"ALTER TABLE {TIME_ENTRY} ENABLE ALWAYS TRIGGER billing_billed_delete",
]
POSTGRESQL_CREATE += _PG_DETAIL_CREATE

POSTGRESQL_DROP = [
    *_PG_DETAIL_DROP,
    f"DROP TRIGGER IF EXISTS billing_invoice_issued ON {INVOICE}",
    f"DROP TRIGGER IF EXISTS billing_billed_update ON {TIME_ENTRY}",
    f"DROP TRIGGER IF EXISTS billing_billed_delete ON {TIME_ENTRY}",
    "DROP FUNCTION IF EXISTS billing_refuse_issued_invoice()",
    "DROP FUNCTION IF EXISTS billing_refuse_billed_entry()",
]

ISSUED_DOCUMENT_TRIGGERS = DatabaseTriggers(
    table=INVOICE,
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
