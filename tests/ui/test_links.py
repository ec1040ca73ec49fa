"""Task links are untrusted text: only an address that visits what it shows is opened, and its host is shown."""

from __future__ import annotations

import pytest

from surveydesk.core.links import host_of, openable
from surveydesk.core.sanitize import checked_tasks
from tests.factories import make_task

REFUSED = [
    "https://app.prolific.com@evil.example/studies/1",  # user-info: the browser visits evil.example
    "https://user:pass@app.prolific.com/",
    " https://app.prolific.com/studies/1",  # padded with spaces
    "https://app.prolific.com/studies/1 ",
    "https://app.prolific.com/studies /1",
    "https://app.prolific.com\\@evil.example/",  # a backslash, read as a slash by browsers
    "http://app.prolific.com/studies/1",  # plain http off this computer
    "javascript:alert(1)",
    "file:///etc/passwd",
    "https:///no-host",
    "https://[not-an-ip/",
    "//app.prolific.com/studies/1",
    "",
]
OPENED = [
    "https://app.prolific.com/studies/1?a=b#c",
    "HTTPS://web.bitlabs.ai/click/9",
    "http://127.0.0.1:8123/studies/1",  # the demo exchange
    "http://localhost:8123/s",
    "http://[::1]:8123/s",
]


@pytest.mark.parametrize("url", REFUSED)
def test_a_link_that_hides_where_it_leads_is_not_opened_nor_kept(url: str):
    assert not openable(url)
    (task,) = checked_tasks("bitlabs", [make_task("a", url=url)])
    assert task.url == ""


@pytest.mark.parametrize("url", OPENED)
def test_a_plain_https_link_is_kept(url: str):
    assert openable(url)
    (task,) = checked_tasks("bitlabs", [make_task("a", url=url)])
    assert task.url == url


def test_the_host_shown_is_the_one_the_browser_visits():
    assert host_of("https://web.bitlabs.ai/click/9") == "web.bitlabs.ai"
    assert host_of("http://[::1]:8123/s") == "::1"


def test_the_details_pane_names_the_host_it_opens_and_refuses_a_disguised_link(qtbot):
    from surveydesk.ui.task_details import TaskDetails

    details = TaskDetails()
    qtbot.addWidget(details)
    details.show_task(make_task("a", url="https://web.bitlabs.ai/click/9"))
    assert details.open_button.isEnabled()
    assert details.open_button.text() == "Open task page on web.bitlabs.ai"
    details.show_task(make_task("b", url="https://app.prolific.com@evil.example/studies/1"))
    assert not details.open_button.isEnabled() and details.open_button.text() == "Open task page"
    details.show_task(make_task("c", url="https://" + "a" * 60 + ".survey.example/s"))
    assert details.open_button.text() == "Open task page on …" + ("a" * 60 + ".survey.example")[-39:]


def test_the_open_button_with_the_longest_host_shown_fits_a_small_laptop_in_french(qtbot, french):
    from surveydesk.ui.task_details import TaskDetails

    details = TaskDetails(can_time=True)
    qtbot.addWidget(details)
    details.show_task(make_task("c", url="https://" + "a" * 60 + ".survey.example/s"))
    assert details.minimumSizeHint().width() <= 1366 - 40  # the window's frame and margins
