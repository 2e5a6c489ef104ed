"""Reads of billing, one module per topic: programmes.py (eligibility, hour banks),
invoices.py (the listing)."""
