"""The finance workspace's invoice pages, one module per topic: invoices.py (the list, one
document, its PDF), drafts.py (the invoice run, editing and issuing a draft), settlement.py
(payments and credit notes), receivables.py (aged balance, statement, programme banks).

Access comes from `accounts.access` (invoices.py there): finance and administrators do
everything, a director reads their departments' invoices, other roles get 403.
"""
