"""The worker's own profile: one set of answers kept on this computer, used where a platform asks for it.

Pure Python. The schema and the platform mappings are data under `surveydesk.resources/profile/`; nothing here
sends anything by itself: the connectors ask for what the worker allowed, and record what they sent.
"""
