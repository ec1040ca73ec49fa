"""The embedded demo exchange: live, fake platform APIs on loopback, for demo mode and for tests."""

from surveydesk.demo.exchange import DemoExchange, ManualClock

__all__ = ["DemoExchange", "ManualClock"]
