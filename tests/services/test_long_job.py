"""Long jobs on the pool: progress reaches the GUI thread, a cancel stops the job, errors come back in words."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from surveydesk.core.progress import Cancelled, Progress
from surveydesk.services.long_job import LongJob


@pytest.fixture
def job(qtbot, pool: QThreadPool) -> LongJob:
    return LongJob(pool)


def test_a_job_reports_its_count_and_result(qtbot, job: LongJob) -> None:
    seen: list[tuple[int, int]] = []
    job.progressed.connect(lambda done, total: seen.append((done, total)))

    def work(progress: Progress) -> str:
        progress.start(3)
        for _ in range(3):
            progress.advance()
        return "all three"

    with qtbot.waitSignal(job.finished, timeout=5000) as finished:
        job.start(work)
    assert finished.args == ["all three"]
    assert seen[-1] == (3, 3)
    assert not job.running


def test_a_cancel_stops_the_job_where_it_checks(qtbot, job: LongJob) -> None:
    started = threading.Event()
    reached_the_end = []

    def work(progress: Progress) -> None:
        progress.start(None)
        started.set()
        for _ in range(10**8):
            progress.advance()
        reached_the_end.append(True)

    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.start(work)
        assert started.wait(5)
        job.cancel()
    assert not reached_the_end
    assert not job.running


def test_the_world_s_fault_is_told_in_its_own_words(qtbot, job: LongJob) -> None:
    def work(_progress: Progress) -> None:
        raise ValueError("row 3: the reward “abc” is not an amount")

    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start(work)
    assert failed.args == ["row 3: the reward “abc” is not an amount"]


def test_a_bug_is_logged_and_said_calmly(qtbot, job: LongJob, caplog: pytest.LogCaptureFixture) -> None:
    def work(_progress: Progress) -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start(work)
    assert "see the log file" in failed.args[0]
    assert "KeyError" in caplog.text


def test_one_job_at_a_time(qtbot, job: LongJob) -> None:
    release = threading.Event()

    def work(progress: Progress) -> None:
        release.wait(5)
        progress.check()

    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start(work)
        with pytest.raises(RuntimeError):
            job.start(work)
        release.set()


def test_progress_counts_and_cancels_across_threads() -> None:
    progress = Progress(10, "import")
    progress.advance(4)
    assert progress.state().done == 4
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.advance()
    with pytest.raises(Cancelled):
        progress.check()
    assert progress.state().cancelled
