"""Replication of the worker's log between their computers through a CouchDB-compatible server they choose
(pure Python + requests; couch.py speaks the protocol, documents.py maps records, replicator.py runs it)."""
