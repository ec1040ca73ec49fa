"""One SurveyDesk per data folder: the second start asks the first to come forward."""

from __future__ import annotations

import uuid
from pathlib import Path

from surveydesk.services.single_instance import SingleInstance, server_name


def test_a_second_start_brings_the_first_forward(qtbot):
    name = f"surveydesk-test-{uuid.uuid4().hex[:12]}"
    first = SingleInstance(name)
    assert first.claim()
    second = SingleInstance(name)
    with qtbot.waitSignal(first.activation_requested, timeout=5_000):
        assert not second.claim()


def test_each_data_folder_has_its_own_instance(tmp_path: Path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    assert len(server_name(tmp_path / "a")) < 90
