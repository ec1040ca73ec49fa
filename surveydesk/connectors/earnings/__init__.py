"""Reconciliation readers: each platform's record of the worker's submissions and earnings, as ledger reports."""
