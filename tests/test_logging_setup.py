"""A log file SurveyDesk cannot write stops nothing and is said once, in words, never only on stderr."""

from __future__ import annotations

import logging
from pathlib import Path

from surveydesk.app import build_core, parse_args
from surveydesk.logging_setup import LOG_FILE_NAME, configure_logging
from surveydesk.paths import why


def test_an_unwritable_log_file_is_said_once_and_nothing_reaches_stderr(tmp_path: Path, capfd):
    (tmp_path / LOG_FILE_NAME).mkdir()  # a folder where the file should be: it cannot be opened
    handler = configure_logging(tmp_path, why)
    heard: list[str] = []
    try:
        handler.when_unwritable(heard.append)
        logging.getLogger("surveydesk.test").info("one")
        logging.getLogger("surveydesk.test").info("two")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert heard == [
        f"SurveyDesk cannot write its log file {tmp_path / LOG_FILE_NAME}: a folder stands where SurveyDesk's "
        "file should be. It goes on without it and writes it again once it can: free some space on that disk, or "
        "check that the folder is yours."
    ]
    assert "Logging error" not in capfd.readouterr().err


def test_the_app_starts_without_its_log_and_says_so_in_its_window(tmp_path: Path, qapp, capfd):
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / LOG_FILE_NAME).mkdir()
    with build_core(parse_args(["--data-dir", str(tmp_path)])) as core:
        assert core.log_file.problem is not None
        assert core.log_file.problem in core.notices
        assert f"cannot write its log file {tmp_path / 'log' / LOG_FILE_NAME}" in core.notices[0]
    assert "Logging error" not in capfd.readouterr().err
