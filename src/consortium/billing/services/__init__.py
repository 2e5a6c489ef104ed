"""Every write to billing, one module per topic: totals.py (a document's amounts), and the
drafting, issuing, credit notes, payments, rates and programmes modules beside it."""
