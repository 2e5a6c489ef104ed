"""The reviews of the service ledger: directors approve weeks (approval), finance locks periods
(locks), directors and finance read the audit trail (audit)."""

from consortium.timesheets.views import approval, audit, locks

urlpatterns = [*approval.urlpatterns, *locks.urlpatterns, *audit.urlpatterns]
