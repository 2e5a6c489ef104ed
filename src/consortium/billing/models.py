"""Billing: the rate table, subsidised hour programmes, invoices and credit notes, payments.

An invoice is drafted from approved, billable, not yet invoiced hours (billing.services), then
issued: it takes the next number of its fiscal year's series and never changes again (database
triggers, billing/triggers_sql.py), and neither do the hours it bills. A mistake is corrected by
a credit note, a document of its own series that references the invoice. Money is `Decimal`
everywhere, taxes are rounded half up to the cent (billing.taxes).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.models import TimeStampedModel
from consortium.core.money import MONEY
from consortium.members.models import LegalForm, MemberCategory, Region
from consortium.staff.models import Role

HOURS = {"max_digits": 9, "decimal_places": 2}
NON_MEMBER = "non_member"


class RateCategory(models.TextChoices):
    """The member categories, and organisations that are not members on the entry's date."""

    FULLY_MANAGED = MemberCategory.FULLY_MANAGED.value, MemberCategory.FULLY_MANAGED.label
    USER = MemberCategory.USER.value, MemberCategory.USER.label
    AUXILIARY = MemberCategory.AUXILIARY.value, MemberCategory.AUXILIARY.label
    SUPPORT = MemberCategory.SUPPORT.value, MemberCategory.SUPPORT.label
    NON_MEMBER = NON_MEMBER, _("non-membre")


class Rate(TimeStampedModel):
    """An hourly rate for one member category, optionally narrowed to a mandate type and/or an
    expert role, valid from `valid_from` to `valid_until` (its last day; empty: still valid).

    The most specific rate valid on an entry's date wins: type and role, then type, then role,
    then the category alone (billing.rates). Two rates of the same category, type and role that
    overlap in time are refused (billing.services.rates, and triggers).
    """

    member_category = models.CharField(
        _("catégorie de membre"), max_length=20, choices=RateCategory.choices
    )
    mandate_type = models.ForeignKey(
        "mandates.MandateType",
        verbose_name=_("type de mandat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rates",
        help_text=_("Vide : tout type de mandat."),
    )
    expert_role = models.CharField(
        _("rôle de l'expert"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_("Vide : tout rôle."),
    )
    hourly_rate = models.DecimalField(_("taux horaire"), **MONEY, validators=[MinValueValidator(0)])
    valid_from = models.DateField(_("en vigueur le"))
    valid_until = models.DateField(
        _("jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Dernier jour; vide si toujours en vigueur."),
    )

    class Meta:
        ordering = ["member_category", "mandate_type", "expert_role", "valid_from"]
        verbose_name = _("tarif")
        verbose_name_plural = _("tarifs")
        constraints = [
            models.CheckConstraint(
                condition=Q(member_category__in=RateCategory.values),
                name="rate_category_is_known",
                violation_error_message=_("Catégorie de membre inconnue."),
            ),
            models.CheckConstraint(
                condition=Q(expert_role="") | Q(expert_role__in=Role.values),
                name="rate_role_is_known",
                violation_error_message=_("Rôle inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(hourly_rate__gte=0),
                name="rate_not_negative",
                violation_error_message=_("Un taux ne peut être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="rate_ends_after_it_starts",
                violation_error_message=_("Un tarif ne peut finir avant d'entrer en vigueur."),
            ),
        ]

    def __str__(self) -> str:
        narrowed = [
            str(part) for part in (self.mandate_type, self.get_expert_role_display()) if part
        ]
        scope = f" ({', '.join(narrowed)})" if narrowed else ""
        return f"{self.get_member_category_display()}{scope} – {self.hourly_rate} $/h"


class BillingSettings(TimeStampedModel):
    """The centre's identity on its invoices, its tax numbers and its accounts; one row (pk 1).

    Issuing is refused until the legal name, the address and both tax numbers are filled
    (billing.services.invoice_issue). Accounts are the accounting system's numbers, as text.
    """

    legal_name = models.CharField(_("raison sociale"), max_length=255, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    email = models.EmailField(_("courriel de facturation"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    gst_number = models.CharField(
        _("numéro de TPS"), max_length=30, blank=True, help_text=_("p. ex. 123456789 RT0001")
    )
    qst_number = models.CharField(
        _("numéro de TVQ"), max_length=30, blank=True, help_text=_("p. ex. 1234567890 TQ0001")
    )
    payment_terms_days = models.PositiveSmallIntegerField(
        _("délai de paiement (jours)"), default=30, validators=[MaxValueValidator(365)]
    )
    ristourne_includes_auxiliary = models.BooleanField(
        _("la ristourne inclut les membres auxiliaires"),
        default=False,
        help_text=_("Selon les règlements de la coopérative."),
    )
    receivable_account = models.CharField(_("compte clients"), max_length=30, default="1100")
    service_revenue_account = models.CharField(
        _("compte de ventes de services"), max_length=30, default="4100"
    )
    discount_account = models.CharField(_("compte d'escomptes"), max_length=30, default="4190")
    gst_account = models.CharField(_("compte de TPS à payer"), max_length=30, default="2310")
    qst_account = models.CharField(_("compte de TVQ à payer"), max_length=30, default="2320")
    cash_account = models.CharField(_("compte d'encaisse"), max_length=30, default="1010")
    ristourne_account = models.CharField(_("compte de ristournes"), max_length=30, default="4195")

    class Meta:
        verbose_name = _("paramètres de facturation")
        verbose_name_plural = _("paramètres de facturation")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="billing_settings_single_row"),
        ]

    def __str__(self) -> str:
        return str(_("Paramètres de facturation"))


class Programme(TimeStampedModel):
    """A subsidised hour programme: a funder pays for hours given to eligible organisations.

    Each eligible organisation has a bank of `hours_per_organisation` hours from `start` to
    `end`; its billable hours on the covered mandate types draw from it, oldest first, until it
    is empty or expires. Eligible organisations are the listed ones (ProgrammeEligibility) and,
    when any rule field is filled, every organisation that meets all of the rule's fields.
    """

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    name_fr = models.CharField(_("nom (français)"), max_length=200)
    name_en = models.CharField(_("nom (anglais)"), max_length=200, blank=True)
    funder = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("bailleur de fonds"),
        on_delete=models.PROTECT,
        related_name="funded_programmes",
    )
    hours_per_organisation = models.DecimalField(
        _("heures accordées par organisation"), **HOURS, validators=[MinValueValidator(0)]
    )
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"), help_text=_("Dernier jour où des heures sont couvertes."))
    mandate_types = models.ManyToManyField(
        "mandates.MandateType",
        verbose_name=_("types de mandat couverts"),
        related_name="programmes",
    )
    rule_region = models.CharField(
        _("règle : région"), max_length=2, choices=Region.choices, blank=True
    )
    rule_legal_form = models.CharField(
        _("règle : forme juridique"), max_length=20, choices=LegalForm.choices, blank=True
    )
    rule_member_category = models.CharField(
        _("règle : catégorie de membre"), max_length=20, choices=RateCategory.choices, blank=True
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme d'heures subventionnées")
        verbose_name_plural = _("programmes d'heures subventionnées")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="programme_ends_after_it_starts",
                violation_error_message=_("Un programme ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(hours_per_organisation__gte=0),
                name="programme_hours_not_negative",
                violation_error_message=_("Les heures accordées ne peuvent être négatives."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def name(self) -> str:
        from consortium.core.languages import in_active_language

        return in_active_language(self.name_fr, self.name_en)

    @property
    def has_rule(self) -> bool:
        return bool(self.rule_region or self.rule_legal_form or self.rule_member_category)


class ProgrammeEligibility(TimeStampedModel):
    """One organisation listed as eligible to a programme."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="eligibilities",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="programme_eligibilities",
    )

    class Meta:
        ordering = ["programme", "organisation"]
        verbose_name = _("admissibilité à un programme")
        verbose_name_plural = _("admissibilités aux programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                name="programme_eligibility_once",
                violation_error_message=_("Cette organisation est déjà admissible au programme."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme.code} – {self.organisation}"


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("facture")
    CREDIT_NOTE = "credit_note", _("note de crédit")


class InvoiceStatus(models.TextChoices):
    """A draft changes freely; from `issued` on, payments move the status, nothing else does."""

    DRAFT = "draft", _("brouillon")
    ISSUED = "issued", _("émise")
    PARTLY_PAID = "partly_paid", _("payée en partie")
    PAID = "paid", _("payée")
    CANCELLED = "cancelled", _("annulée")


class CreditReason(models.TextChoices):
    CORRECTION = "correction", _("correction")
    CANCELLATION = "cancellation", _("annulation")
    RISTOURNE = "ristourne", _("ristourne")


class Language(models.TextChoices):
    FRENCH = "fr", _("français")
    ENGLISH = "en", _("anglais")


class Invoice(TimeStampedModel):
    """An invoice or a credit note to one organisation.

    The amounts are stored (billing.taxes computes them from the lines each time a draft
    changes) so that an issued document keeps the figures it was issued with; so do the
    supplier's and customer's names, addresses and tax numbers, copied when it is issued.
    """

    kind = models.CharField(
        _("type"), max_length=20, choices=InvoiceKind.choices, default=InvoiceKind.INVOICE
    )
    status = models.CharField(
        _("état"), max_length=20, choices=InvoiceStatus.choices, default=InvoiceStatus.DRAFT
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation facturée"),
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    language = models.CharField(
        _("langue"), max_length=2, choices=Language.choices, default=Language.FRENCH
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        help_text=_("Pour la facture d'un bailleur : le programme dont il paie les heures."),
    )
    period_end = models.DateField(
        _("heures jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Dernier jour des heures facturées."),
    )
    # Assigned in the issuing transaction: the year's series has no gap (billing.numbering).
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
    )
    sequence = models.PositiveIntegerField(_("rang dans la série"), null=True, blank=True)
    number = models.CharField(_("numéro"), max_length=30, blank=True)
    issued_on = models.DateField(_("émise le"), null=True, blank=True)
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("émise par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A credit note: the invoice it corrects, why, and its reason in words.
    credited_invoice = models.ForeignKey(
        "self",
        verbose_name=_("facture créditée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
    )
    credit_reason = models.CharField(
        _("motif du crédit"), max_length=20, choices=CreditReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Imprimée sur le document."))
    discount_percent = models.DecimalField(
        _("escompte (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    subtotal = models.DecimalField(_("sous-total"), **MONEY, default=0)
    discount = models.DecimalField(_("escompte"), **MONEY, default=0)
    taxable = models.DecimalField(_("montant taxable"), **MONEY, default=0)
    gst = models.DecimalField(_("TPS"), **MONEY, default=0)
    qst = models.DecimalField(_("TVQ"), **MONEY, default=0)
    total = models.DecimalField(_("total"), **MONEY, default=0)
    paid = models.DecimalField(_("payé"), **MONEY, default=0)
    # What issued credit notes took off this invoice (their totals): the balance is
    # total − paid − credited (billing.services.credits).
    credited = models.DecimalField(_("crédité"), **MONEY, default=0)
    # Copied when issued: the document keeps them whatever the settings or registry become.
    supplier_name = models.CharField(_("fournisseur"), max_length=255, blank=True)
    supplier_address = models.TextField(_("adresse du fournisseur"), blank=True)
    supplier_gst_number = models.CharField(_("numéro de TPS"), max_length=30, blank=True)
    supplier_qst_number = models.CharField(_("numéro de TVQ"), max_length=30, blank=True)
    customer_name = models.CharField(_("client"), max_length=255, blank=True)

    class Meta:
        ordering = ["-issued_on", "-sequence", "-id"]
        verbose_name = _("facture")
        verbose_name_plural = _("factures")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InvoiceKind.values),
                name="invoice_kind_is_known",
                violation_error_message=_("Type de document inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=InvoiceStatus.values),
                name="invoice_status_is_known",
                violation_error_message=_("État de facture inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(status=InvoiceStatus.DRAFT)
                | Q(
                    fiscal_year__isnull=False,
                    sequence__isnull=False,
                    issued_on__isnull=False,
                    due_on__isnull=False,
                )
                & ~Q(number=""),
                name="invoice_issued_has_a_number",
                violation_error_message=_("Un document émis a un numéro et une date."),
            ),
            models.CheckConstraint(
                condition=Q(kind=InvoiceKind.INVOICE, credited_invoice__isnull=True)
                | Q(kind=InvoiceKind.CREDIT_NOTE, credited_invoice__isnull=False)
                & ~Q(credit_reason="")
                # A ristourne is the year's business, not one invoice's.
                | Q(kind=InvoiceKind.CREDIT_NOTE, credit_reason=CreditReason.RISTOURNE),
                name="invoice_credit_note_references_an_invoice",
                violation_error_message=_(
                    "Une note de crédit indique la facture qu'elle crédite et pourquoi."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=InvoiceKind.INVOICE)
                | Q(status__in=[InvoiceStatus.DRAFT, InvoiceStatus.ISSUED]),
                name="invoice_credit_note_is_never_paid",
                violation_error_message=_("Une note de crédit n'est ni payée ni annulée."),
            ),
            models.UniqueConstraint(
                fields=["kind", "fiscal_year", "sequence"],
                name="invoice_number_once_per_series",
                violation_error_message=_("Ce numéro est déjà pris dans la série de l'exercice."),
            ),
            models.UniqueConstraint(
                fields=["number"],
                condition=~Q(number=""),
                name="invoice_number_is_unique",
                violation_error_message=_("Ce numéro de facture existe déjà."),
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="invoice_organisation_idx"),
            models.Index(fields=["status", "due_on"], name="invoice_status_due_idx"),
            models.Index(fields=["fiscal_year", "kind"], name="invoice_year_idx"),
        ]

    def __str__(self) -> str:
        label = self.number or _("brouillon n° %(id)s") % {"id": self.pk}
        return f"{self.get_kind_display()} {label} – {self.organisation}"

    @property
    def is_draft(self) -> bool:
        return self.status == InvoiceStatus.DRAFT

    @property
    def balance(self):
        """What the organisation still owes: the total less payments and credit notes."""
        return self.total - self.paid - self.credited


class TaxCode(models.TextChoices):
    TAXABLE = "taxable", _("taxable")
    ZERO_RATED = "zero_rated", _("détaxé")
    EXEMPT = "exempt", _("exonéré")


class LineKind(models.TextChoices):
    HOURS = "hours", _("heures")
    FIXED_FEE = "fixed_fee", _("forfait")
    EXPENSE = "expense", _("débours")
    COVERED = "covered", _("heures prises en charge")
    FUNDED = "funded", _("heures d'un programme")
    CREDIT = "credit", _("crédit")


class InvoiceLine(models.Model):
    """One line of an invoice: hours of a mandate × its rate, a fixed fee, an expense…

    A `covered` line shows an organisation the hours a programme's funder pays for, at 0 $; the
    funder's invoice has a `funded` line per enterprise, with the hours and their amount.
    """

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("facture"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveSmallIntegerField(_("rang"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=LineKind.choices)
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice_lines",
    )
    served_organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation servie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
    )
    description = models.CharField(_("description"), max_length=500)
    hours = models.DecimalField(_("heures"), **HOURS, null=True, blank=True)
    rate = models.DecimalField(_("taux"), **MONEY, null=True, blank=True)
    amount = models.DecimalField(_("montant"), **MONEY)
    tax_code = models.CharField(
        _("code de taxe"), max_length=20, choices=TaxCode.choices, default=TaxCode.TAXABLE
    )
    # A credit note's line: the invoice line it credits (what is left to credit on it).
    credited_line = models.ForeignKey(
        "self",
        verbose_name=_("ligne créditée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credits",
    )

    class Meta:
        ordering = ["invoice", "position", "id"]
        verbose_name = _("ligne de facture")
        verbose_name_plural = _("lignes de facture")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=LineKind.values),
                name="invoice_line_kind_is_known",
                violation_error_message=_("Type de ligne inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(tax_code__in=TaxCode.values),
                name="invoice_line_tax_code_is_known",
                violation_error_message=_("Code de taxe inconnu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description} – {self.amount} $"


class InvoiceEntry(models.Model):
    """Hours of one time entry billed by one line: the invoice's backup detail.

    An entry is invoiced once it has a row here; deleting a draft frees its entries. A bank's
    draw splits an entry in two rows: the hours the funder pays and those the organisation pays.
    """

    line = models.ForeignKey(
        InvoiceLine, verbose_name=_("ligne"), on_delete=models.CASCADE, related_name="entries"
    )
    time_entry = models.ForeignKey(
        "timesheets.TimeEntry",
        verbose_name=_("entrée de temps"),
        on_delete=models.PROTECT,
        related_name="invoice_entries",
    )
    hours = models.DecimalField(_("heures"), **HOURS)

    class Meta:
        ordering = ["line", "time_entry"]
        verbose_name = _("heures facturées")
        verbose_name_plural = _("heures facturées")
        constraints = [
            models.UniqueConstraint(
                fields=["time_entry", "line"],
                name="invoice_entry_once_per_line",
                violation_error_message=_("Ces heures sont déjà sur cette ligne."),
            ),
        ]
        indexes = [models.Index(fields=["time_entry"], name="invoice_entry_time_entry_idx")]

    def __str__(self) -> str:
        return f"{self.time_entry_id} – {self.hours} h"


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", _("virement")
    CHEQUE = "cheque", _("chèque")
    CARD = "card", _("carte")
    CASH = "cash", _("comptant")
    OTHER = "other", _("autre")


class Payment(TimeStampedModel):
    """Money received against one issued invoice."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("facture"), on_delete=models.PROTECT, related_name="payments"
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("montant"), **MONEY)
    method = models.CharField(_("mode"), max_length=20, choices=PaymentMethod.choices)
    reference = models.CharField(_("référence"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisi par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("paiement")
        verbose_name_plural = _("paiements")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="payment_is_positive",
                violation_error_message=_("Un paiement est un montant positif."),
            ),
            models.CheckConstraint(
                condition=Q(method__in=PaymentMethod.values),
                name="payment_method_is_known",
                violation_error_message=_("Mode de paiement inconnu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invoice.number} – {self.date} – {self.amount} $"


class InvoiceCounter(models.Model):
    """The last number taken in one series (invoices or credit notes) of one fiscal year.

    Locked with SELECT … FOR UPDATE (or SQLite's write lock) in the issuing transaction, so two
    issuers never take the same number and a rolled-back issue leaves no gap.
    """

    fiscal_year = models.ForeignKey(
        "core.FiscalYear", verbose_name=_("exercice financier"), on_delete=models.PROTECT
    )
    kind = models.CharField(_("série"), max_length=20, choices=InvoiceKind.choices)
    last = models.PositiveIntegerField(_("dernier numéro"), default=0)

    class Meta:
        verbose_name = _("compteur de factures")
        verbose_name_plural = _("compteurs de factures")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "kind"], name="invoice_counter_once_per_series"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} – {self.kind} – {self.last}"


class RistourneStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposée")
    ADOPTED = "adopted", _("adoptée")


class Ristourne(TimeStampedModel):
    """The patronage dividend of one fiscal year: the amount the board decides, shared among
    the members in proportion to the business each did with the co-op that year.

    Proposed, its allocation may be computed again (another amount, corrected invoices);
    adopted, it never changes and each allocation has its credit note of the ristourne kind.
    """

    fiscal_year = models.OneToOneField(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        on_delete=models.PROTECT,
        related_name="ristourne",
    )
    amount = models.DecimalField(_("montant"), **MONEY)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=RistourneStatus.choices,
        default=RistourneStatus.PROPOSED,
    )
    # Copied from BillingSettings when proposed: the by-laws of that day decide who shares.
    includes_auxiliary = models.BooleanField(_("inclut les membres auxiliaires"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposée par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adoptée par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-fiscal_year__start_date"]
        verbose_name = _("ristourne")
        verbose_name_plural = _("ristournes")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="ristourne_is_positive",
                violation_error_message=_("Le montant de la ristourne doit être positif."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=RistourneStatus.values),
                name="ristourne_status_is_known",
                violation_error_message=_("État de ristourne inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(status=RistourneStatus.PROPOSED) | Q(adopted_on__isnull=False),
                name="ristourne_adopted_has_a_date",
                violation_error_message=_("Une ristourne adoptée a une date d'adoption."),
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Ristourne')} {self.fiscal_year} – {self.amount} $"

    @property
    def is_adopted(self) -> bool:
        return self.status == RistourneStatus.ADOPTED


class RistourneAllocation(models.Model):
    """One member's part of a ristourne: the business it did that year, its share, its amount."""

    ristourne = models.ForeignKey(
        Ristourne,
        verbose_name=_("ristourne"),
        on_delete=models.CASCADE,
        related_name="allocations",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="ristourne_allocations",
    )
    member_category = models.CharField(
        _("catégorie de membre"), max_length=20, choices=MemberCategory.choices
    )
    business = models.DecimalField(_("affaires de l'exercice"), **MONEY)
    share = models.DecimalField(_("part"), max_digits=11, decimal_places=10)
    amount = models.DecimalField(_("montant"), **MONEY)
    credit_note = models.OneToOneField(
        Invoice,
        verbose_name=_("note de crédit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ristourne_allocation",
    )

    class Meta:
        ordering = ["ristourne", "-business", "organisation__code"]
        verbose_name = _("part de ristourne")
        verbose_name_plural = _("parts de ristourne")
        constraints = [
            models.UniqueConstraint(
                fields=["ristourne", "organisation"],
                name="ristourne_allocation_once_per_organisation",
                violation_error_message=_("Cette organisation a déjà sa part de la ristourne."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(business__gt=0),
                name="ristourne_allocation_not_negative",
                violation_error_message=_(
                    "Une part de ristourne suppose des affaires et un montant positifs."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ristourne} – {self.organisation} – {self.amount} $"
