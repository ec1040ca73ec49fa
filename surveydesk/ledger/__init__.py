"""The earnings ledger: every piece of money a platform owes or paid the worker, and its history."""
