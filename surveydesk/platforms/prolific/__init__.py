"""Prolific: everything SurveyDesk knows about it."""
