"""Consortium: the operating system of a cooperative shared-services centre."""
