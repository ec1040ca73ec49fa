"""Alerts on the phone: an ntfy topic nobody can guess, shown as a code the ntfy app scans; alerts and test
alerts reaching a local ntfy server with their title, priority and tags; a server's access key; any other
Apprise address (Apprise's own json:// target); "only when I am away"; the phone_secrets in the keyring only."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import zxingcpp

from surveydesk.feed.phone import (
    NTFY_CLOUD,
    OTHER_SERVICES_KEY,
    TOKEN_KEY,
    TOPIC_KEY,
    PhoneAddressError,
    PhoneMessage,
    PhoneSettings,
    load_phone_settings,
    new_topic,
    ntfy_server,
)
from surveydesk.services.phone_alerts import NTFY, OTHER, PhoneAlerts, PhoneTargets
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.alerts_dialog import AlertsDialog
from surveydesk.ui.phone_alerts_section import PhoneAlertsSection
from tests.ntfy_server import NtfyServer


def test_a_new_topic_is_one_nobody_can_guess_and_ntfy_accepts():
    topics = {new_topic() for _ in range(1000)}
    assert len(topics) == 1000
    assert all(re.fullmatch(r"[-_A-Za-z0-9]{32,64}", topic) for topic in topics)


def test_a_server_address_is_read_the_way_she_writes_it():
    assert ntfy_server("").address == NTFY_CLOUD
    assert ntfy_server(" ntfy.example.org:8443 ").address == "https://ntfy.example.org:8443"
    assert ntfy_server("http://192.168.1.5").subscription_link("t") == "ntfy://192.168.1.5/t?secure=false"
    assert ntfy_server("https://ntfy.sh/").subscription_link("t") == "ntfy://ntfy.sh/t"
    for wrong in ("ftp://ntfy.example.org", "ntfy.example.org/some/page", "https://host:port"):
        with pytest.raises(PhoneAddressError, match="not the address of a server"):
            ntfy_server(wrong)


def test_only_when_away_waits_for_minutes_without_input_and_an_unknown_idle_counts_as_present():
    away = PhoneSettings(enabled=True, only_when_away=True, away_minutes=5)
    assert not away.wants(timedelta(minutes=4))
    assert away.wants(timedelta(minutes=5))
    assert not away.wants(None)
    assert PhoneSettings(enabled=True, only_when_away=False).wants(None)
    assert not PhoneSettings(enabled=False, only_when_away=False).wants(timedelta(hours=1))


def _test(qtbot, phone: PhoneAlerts, targets: PhoneTargets) -> list:
    with qtbot.waitSignal(phone.tested, timeout=10_000) as tested:
        phone.send_test(PhoneMessage("SurveyDesk", "A test alert"), targets)
    return tested.args[0]


def test_a_test_alert_reaches_the_ntfy_topic_with_its_title_priority_and_tags(qtbot, phone, ntfy):
    topic = new_topic()
    (delivery,) = _test(qtbot, phone, PhoneTargets(ntfy_server(ntfy.address), topic))
    assert delivery.channel == NTFY and delivery.problem is None
    (published,) = ntfy.on_topic(topic)
    assert (published.title, published.message) == ("SurveyDesk", "A test alert")
    assert published.priority == 4 and published.tags == ("bell",)


def test_a_server_with_an_access_key_refuses_the_alert_without_it_and_she_is_told(qtbot, phone):
    with NtfyServer(access_key="tk_right") as ntfy:
        server, topic = ntfy_server(ntfy.address), new_topic()
        (refused,) = _test(qtbot, phone, PhoneTargets(server, topic, access_key="tk_wrong"))
        assert refused.problem is not None and "did not reach the ntfy server" in refused.problem
        assert "tk_wrong" not in refused.problem
        (accepted,) = _test(qtbot, phone, PhoneTargets(server, topic, access_key="tk_right"))
        assert accepted.problem is None and len(ntfy.on_topic(topic)) == 1


def test_another_service_gets_the_same_text_through_apprise(qtbot, phone, ntfy):
    hook = f"json://127.0.0.1:{ntfy.port}/hooks/other"
    (delivery,) = _test(qtbot, phone, PhoneTargets(ntfy_server(ntfy.address), others=(hook,)))
    assert delivery.channel == OTHER and delivery.problem is None
    ((path, body),) = ntfy.hooks
    assert path == "/hooks/other" and (body["title"], body["message"]) == ("SurveyDesk", "A test alert")


def test_a_service_that_does_not_answer_is_named_in_the_failure(qtbot, phone, ntfy):
    port = ntfy.port
    ntfy.stop()
    (delivery,) = _test(
        qtbot, phone, PhoneTargets(ntfy_server(ntfy.address), others=(f"json://127.0.0.1:{port}/x",))
    )
    assert delivery.problem is not None and "did not reach JSON" in delivery.problem


@pytest.fixture
def section(qtbot, database, phone_secrets, phone) -> PhoneAlertsSection:
    shown = PhoneAlertsSection(SettingsStore(database), PhoneSettings(), phone_secrets, phone)
    qtbot.addWidget(shown)
    qtbot.waitUntil(shown.isEnabled)  # the saved phone_secrets were read
    return shown


def test_the_code_on_screen_decodes_to_the_subscription_of_a_fresh_topic(qtbot, section):
    assert section.subscription_link() is None and section.code.pixmap().isNull()
    section.show_code.click()
    link = section.subscription_link()
    assert link is not None and link.startswith("ntfy://ntfy.sh/sd-")
    (code,) = zxingcpp.read_barcodes(section.code.pixmap().toImage())
    assert code.text == link
    section.server.setText("http://127.0.0.1:8080")
    section.server.editingFinished.emit()
    (code,) = zxingcpp.read_barcodes(section.code.pixmap().toImage())
    assert code.text == section.subscription_link() == link.replace("ntfy.sh", "127.0.0.1:8080") + "?secure=false"


def test_saving_keeps_the_topic_key_and_addresses_in_the_keyring_and_none_in_the_settings(
    qtbot, section, phone_secrets, database
):
    section.enabled.setChecked(True)
    section.show_code.click()
    section.server.setText("ntfy.example.org")
    section.access_key.setText("tk_secret")
    section.others.setPlainText("json://127.0.0.1:9/hook\n\n")
    assert section.save()
    topic = section.subscription_link().rsplit("/", 1)[1]
    assert phone_secrets.get(TOPIC_KEY) == topic and phone_secrets.get(TOKEN_KEY) == "tk_secret"
    assert phone_secrets.get(OTHER_SERVICES_KEY) == "json://127.0.0.1:9/hook"
    stored = " ".join(value for (value,) in database.connection().execute("SELECT value FROM settings"))
    assert topic not in stored and "tk_secret" not in stored and "hook" not in stored
    assert load_phone_settings(SettingsStore(database)) == PhoneSettings(
        enabled=True, server="https://ntfy.example.org"
    )

    section.access_key.clear()
    assert section.save()  # cleared: forgotten
    assert phone_secrets.get(TOKEN_KEY) is None


def test_an_address_no_service_reads_is_refused_in_words_and_kept_on_screen(qtbot, database, phone_secrets, phone):
    section = PhoneAlertsSection(SettingsStore(database), PhoneSettings(), phone_secrets, phone)
    dialog = AlertsDialog(SettingsStore(database), load_alerts(database), phone=section)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(section.isEnabled)
    section.others.setPlainText("tgram://\nmy phone")
    dialog.save()
    assert dialog.isVisible() is False and dialog.result() == 0  # not accepted
    assert dialog.tabs.currentWidget() is section
    assert "does not know this address" in section.said.text()
    assert section.others.toPlainText() == "tgram://\nmy phone" and phone_secrets.get(OTHER_SERVICES_KEY) is None


def load_alerts(database):
    from surveydesk.ui.feed_controller import alert_settings

    return alert_settings(SettingsStore(database))


def test_a_poll_s_alert_reaches_the_phone_when_she_is_away(qtbot, desk, ntfy, poller, phone):
    desk.idle_for = timedelta(minutes=6)
    with qtbot.waitSignal(phone.delivered, timeout=15_000):
        poller.start()
    (published,) = ntfy.on_topic(desk.topic)
    status = desk.window.statusBar().currentMessage()
    assert "new task" in status  # the desktop's alert: the same one
    assert published.title in status and published.message


def test_a_poll_s_alert_stays_on_the_desktop_while_she_is_at_it(qtbot, desk, poller, phone):
    sent = []
    phone.send = sent.append  # what the feed hands over, once it decided
    poller.start()
    alerted = lambda: desk.asked > 0 and "new task" in desk.window.statusBar().currentMessage()  # noqa: E731
    qtbot.waitUntil(alerted, timeout=15_000)
    assert sent == []
