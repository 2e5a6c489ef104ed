"""Every read of billing, one module per topic: revenue.py (service revenue from invoices)."""
