"""The billing tables in the administration: one module per topic, registered on import.

rates_admin.py: the rate table and the programmes (with their eligible organisations); the
invoices are listed read-only there too (every write to them goes through the workspace).
settings_admin.py: the centre's billing settings (identity, tax numbers, accounts) and the
ristournes (read only).
"""

from consortium.billing import rates_admin, settings_admin  # noqa: F401
