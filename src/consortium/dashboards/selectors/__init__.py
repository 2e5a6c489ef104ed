"""The dashboards' figures, by topic: `centre` (the centre's dashboard: hours against the prior
year, organisations served most), `utilisation` (hours entered over hours available, for the
centre and an expert) and `expert` (an expert's own week and month).

Every figure is aggregated in SQL; each selector makes a fixed number of queries whatever the
size of the ledger (counted in the docstrings, asserted in the tests). Each returns frozen
dataclasses: data, never a CSS class (the templates choose those).
"""
