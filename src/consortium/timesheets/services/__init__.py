"""Writes to the service ledger, one module per topic: `entries` (time entries, one by one or
in bulk), `weeks` (submit, approve, return, reopen, copy the previous week), `locks` (period
locks). Every write runs in a transaction and says why it refuses."""
