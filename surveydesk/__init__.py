"""SurveyDesk: one desk for a click worker's tasks, time and earnings across platforms."""

APP_NAME = "SurveyDesk"
APP_ID = "surveydesk"
__version__ = "0.1.0"
