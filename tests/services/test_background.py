"""Background work: the callable runs on the pool, its continuation on the GUI thread, a bug reaches `failed`."""

from __future__ import annotations

import threading

from surveydesk.services.background import Background


def test_work_runs_on_the_pool_and_the_result_comes_back_on_the_gui_thread(qtbot, pool):
    runner = Background(pool)
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def then(result: int) -> None:
        seen["then"] = threading.get_ident()
        seen["result"] = result

    runner.run(work, then, lambda error: None)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["work"] != gui_thread and seen["then"] == gui_thread


def test_an_exception_in_the_work_goes_to_failed_and_the_log(qtbot, pool, caplog):
    runner = Background(pool)
    errors: list[Exception] = []

    def broken() -> int:
        raise RuntimeError("a bug of ours")

    runner.run(broken, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "a bug of ours"
    assert "background work failed" in caplog.text
