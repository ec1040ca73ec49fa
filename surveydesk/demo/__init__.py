"""The embedded demo exchange: live, fake platform APIs on loopback, for demo mode and for tests."""

from surveydesk.demo.exchange import DemoExchange

__all__ = ["DemoExchange"]
