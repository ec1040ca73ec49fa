"""Mturk: everything SurveyDesk knows about it."""
