"""The pure-Python core: domain model, errors and the connector protocol; no Qt, no display."""
