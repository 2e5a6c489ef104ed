"""The diagnostic's pages: the member's (`portal.py`, under /portail/<code>/diagnostic/) and the
staff's (`staff.py`, under /diagnostics/)."""
