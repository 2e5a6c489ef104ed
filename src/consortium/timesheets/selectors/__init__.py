"""Reads of the service ledger, one module per topic: `ledger` (locked periods, closed weeks,
years with hours), `review` (weeks to approve, their grid and changes, the audit trail),
`sheet` (the expert's editable week), `overview` (a fiscal year month by month), and `grid`
(the week grid both the sheet and the review page draw)."""
