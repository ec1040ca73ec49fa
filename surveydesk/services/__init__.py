"""Services that run the core in the background: the poller and its politeness rules (QtCore only)."""
