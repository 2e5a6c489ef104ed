"""Organisations (with their memberships and affiliates) and memberships."""

from django.contrib import admin
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consortium.core.admin import ServiceAdmin, ServiceInline, Writes, YesNoFilter
from consortium.members.models import MemberCategory, Membership, Organisation
from consortium.members.services import (
    membership_create,
    membership_delete,
    membership_update,
    organisation_create,
    organisation_delete,
    organisation_update,
)

MEMBERSHIP_WRITES = Writes(
    row="membership",
    create=membership_create,
    update=membership_update,
    delete=membership_delete,
)


def _memberships_in_force() -> QuerySet[Membership]:
    today = timezone.localdate()
    return Membership.objects.filter(start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )


class IsFederationFilter(YesNoFilter):
    title = _("regroupement sectoriel")
    parameter_name = "is_federation"

    def condition(self) -> Q:
        return Q(Exists(Organisation.objects.filter(federation=OuterRef("pk"))))


class IsAffiliatedFilter(YesNoFilter):
    title = _("membre d'un regroupement")
    parameter_name = "is_affiliated"

    def condition(self) -> Q:
        return Q(federation__isnull=False)


class CurrentCategoryFilter(admin.SimpleListFilter):
    title = _("catégorie de membre (aujourd'hui)")
    parameter_name = "member_category"
    NOT_A_MEMBER = "none"

    def lookups(self, request, model_admin):
        return [*MemberCategory.choices, (self.NOT_A_MEMBER, _("non membre"))]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        in_force = _memberships_in_force().filter(organisation=OuterRef("pk"))
        if value == self.NOT_A_MEMBER:
            return queryset.exclude(Exists(in_force))
        return queryset.filter(Exists(in_force.filter(category=value)))


class IsInForceFilter(YesNoFilter):
    title = _("en vigueur aujourd'hui")
    parameter_name = "in_force"

    def condition(self) -> Q:
        return Q(pk__in=_memberships_in_force().values("pk"))


class MembershipInline(ServiceInline, admin.TabularInline):
    model = Membership
    writes = MEMBERSHIP_WRITES
    fields = ("category", "start", "end")
    ordering = ("start",)
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(ServiceAdmin):
    writes = Writes(
        row="organisation",
        create=organisation_create,
        update=organisation_update,
        delete=organisation_delete,
    )
    list_display = (
        "code",
        "name",
        "legal_form",
        "region",
        "federation",
        "current_category",
        "affiliate_count",
    )
    list_filter = (
        "legal_form",
        "province",
        "region",
        IsFederationFilter,
        IsAffiliatedFilter,
        CurrentCategoryFilter,
    )
    search_fields = ("code", "name", "neq")
    list_select_related = ("federation",)
    autocomplete_fields = ("federation",)
    fields = (
        "code",
        "name",
        "legal_form",
        "neq",
        "region",
        "federation",
        "affiliates",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("affiliates", "created_at", "updated_at")
    inlines = (MembershipInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        # Subqueries rather than joins: the changelist stays one query whatever the filters.
        affiliates = (
            Organisation.objects.filter(federation=OuterRef("pk"))
            .order_by()
            .values("federation")
            .annotate(count=Count("pk"))
            .values("count")
        )
        category = (
            _memberships_in_force()
            .filter(organisation=OuterRef("pk"))
            .order_by("-start")
            .values("category")[:1]
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                affiliate_count=Coalesce(Subquery(affiliates, output_field=IntegerField()), 0),
                current_category_code=Subquery(category),
            )
        )

    @admin.display(description=_("catégorie de membre"), ordering="current_category_code")
    def current_category(self, organisation: Organisation) -> str:
        code = getattr(organisation, "current_category_code", None)
        return MemberCategory(code).label if code else "—"

    @admin.display(description=_("entreprises affiliées"), ordering="affiliate_count")
    def affiliate_count(self, organisation: Organisation) -> int:
        return organisation.affiliate_count

    @admin.display(description=_("entreprises affiliées"))
    def affiliates(self, organisation: Organisation) -> str:
        count = getattr(organisation, "affiliate_count", 0)
        if organisation.pk is None or not count:
            return "0"
        url = reverse("admin:members_organisation_changelist")
        return format_html(
            '<a href="{}?federation__id__exact={}">{}</a>',
            url,
            organisation.pk,
            ngettext("%(count)d entreprise affiliée", "%(count)d entreprises affiliées", count)
            % {"count": count},
        )


@admin.register(Membership)
class MembershipAdmin(ServiceAdmin):
    writes = MEMBERSHIP_WRITES
    list_display = ("organisation", "category", "start", "end")
    list_filter = ("category", IsInForceFilter, "start")
    search_fields = ("organisation__code", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    date_hierarchy = "start"
