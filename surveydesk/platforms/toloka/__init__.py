"""Toloka: everything SurveyDesk knows about it."""
