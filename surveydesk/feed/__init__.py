"""The feed: the worker's rules for which tasks the list shows and which ones notify."""

from surveydesk.feed.rule_store import RuleStore
from surveydesk.feed.rules import Rules

__all__ = ["RuleStore", "Rules"]
