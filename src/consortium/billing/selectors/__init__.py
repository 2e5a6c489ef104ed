"""Reads of billing, one module per topic: programmes.py (eligibility, hour banks),
invoices.py (the listing), documents.py (the workspace's list totals and one document's page),
receivables.py (aged balance, statement), revenue.py (service revenue from invoices, for finance
and the report)."""
