"""One SurveyDesk per data folder: the second start asks the first to come forward, then leaves."""

from __future__ import annotations

import os
import time
from pathlib import Path

from surveydesk.services.single_instance import LOCK_FILE_NAME, Claim, SingleInstance, server_name


def test_a_second_start_brings_the_first_forward(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path)
    assert first.claim() is Claim.TAKEN
    first.listen()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.activation_requested, timeout=5_000):
        assert second.claim() is Claim.SHOWN
    first.release()


def test_a_start_while_the_first_is_still_starting_leaves_without_running_twice(tmp_path: Path):
    """The first has the folder but is not listening yet (its window's frame is being painted): a second start at
    the same moment (a double click) does not run beside it."""
    first = SingleInstance(tmp_path)
    assert first.claim() is Claim.TAKEN
    assert SingleInstance(tmp_path).claim() is Claim.STARTING  # not "brought forward": it was not asked
    first.release()
    assert SingleInstance(tmp_path).claim() is Claim.TAKEN  # once it has ended, the folder is free


def test_the_lock_of_a_surveydesk_that_died_is_taken_over(tmp_path: Path):
    (tmp_path / LOCK_FILE_NAME).write_text("999999999\nsurveydesk\n\n", encoding="utf-8")  # no such process
    assert SingleInstance(tmp_path).claim() is Claim.TAKEN


def test_a_lock_held_long_by_a_surveydesk_that_never_answers_is_taken_over(tmp_path: Path):
    """Its process number was reused by a program of the same name after it died (here: this test's own process,
    which never listens): nobody answers, and no SurveyDesk takes a minute to start listening."""
    this_program = Path("/proc/self/exe").readlink().name
    lock = tmp_path / LOCK_FILE_NAME
    lock.write_text(f"{os.getpid()}\n{this_program}\n\n", encoding="utf-8")
    assert SingleInstance(tmp_path).claim() is Claim.STARTING  # a live holder of that name, maybe starting
    long_ago = time.time() - 3600
    os.utime(lock, (long_ago, long_ago))
    assert SingleInstance(tmp_path).claim() is Claim.TAKEN


def test_each_data_folder_has_its_own_instance(tmp_path: Path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    assert len(server_name(tmp_path / "a")) < 90
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = SingleInstance(tmp_path / "a")
    assert first.claim() is Claim.TAKEN
    assert SingleInstance(tmp_path / "b").claim() is Claim.TAKEN
