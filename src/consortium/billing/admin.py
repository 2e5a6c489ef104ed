"""The billing tables in the administration: one module per topic, registered on import.

settings_admin.py: the centre's billing settings (identity, tax numbers, accounts) and the
ristournes (read only).
"""

from consortium.billing import settings_admin  # noqa: F401
