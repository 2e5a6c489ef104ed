"""The addresses of the service ledger: the expert's week, then the reviews (approval of weeks,
period locks, audit trail)."""

from django.urls import path, register_converter

from consortium.timesheets.converters import IsoDateConverter
from consortium.timesheets.views import approval, audit, locks, week, week_entries

register_converter(IsoDateConverter, "week_day")

app_name = "timesheets"

urlpatterns = [
    path("semaine/", week.week, name="week"),
    path("semaine/<week_day:day>/", week.week_of, name="week_of"),
    path("semaine/<week_day:day>/ligne/", week.week_row, name="week_row"),
    path(
        "semaine/<week_day:day>/ligne/<int:mandate_id>/retirer/",
        week.week_row_remove,
        name="week_row_remove",
    ),
    path(
        "semaine/<week_day:day>/ligne/<int:mandate_id>/epingler/",
        week.week_row_pin,
        name="week_row_pin",
    ),
    path("semaine/<week_day:day>/cellule/", week.week_cell, name="week_cell"),
    path("semaine/<week_day:day>/copier/", week.week_copy, name="week_copy_previous"),
    path("semaine/<week_day:day>/soumettre/", week.week_submit_view, name="week_submit"),
    path("semaine/<week_day:day>/retirer/", week.week_withdraw_view, name="week_withdraw"),
    path("semaine/entree/<int:entry_id>/commentaire/", week.week_comment, name="week_comment"),
    path(
        "semaine/<week_day:day>/entrees/<int:mandate_id>/",
        week_entries.week_day_entries,
        name="week_day_entries",
    ),
    path(
        "semaine/entree/<int:entry_id>/modifier/",
        week_entries.week_entry_change,
        name="week_entry_change",
    ),
    path(
        "semaine/entree/<int:entry_id>/supprimer/",
        week_entries.week_entry_delete,
        name="week_entry_delete",
    ),
    path("approbations/", approval.approval_list, name="approval_list"),
    path("approbations/approuver/", approval.week_approve_many, name="week_approve_many"),
    path("approbations/renvoyer/", approval.week_return_many, name="week_return_many"),
    path("approbations/<int:week_id>/", approval.approval_detail, name="approval_detail"),
    path("approbations/<int:week_id>/approuver/", approval.week_approve, name="week_approve"),
    path("approbations/<int:week_id>/renvoyer/", approval.week_return, name="week_return"),
    path("approbations/<int:week_id>/rouvrir/", approval.week_reopen, name="week_reopen"),
    path("periodes/", locks.period_lock_list, name="period_lock_list"),
    path("periodes/verrouiller/", locks.period_lock, name="period_lock"),
    path("periodes/<int:lock_id>/deverrouiller/", locks.period_unlock, name="period_unlock"),
    path("historique/", audit.audit_trail, name="audit_trail"),
    path("historique/csv/", audit.audit_trail_csv, name="audit_trail_csv"),
]
