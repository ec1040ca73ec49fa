"""Icons, translations and the desktop file; installed as the `surveydesk.resources` package."""
