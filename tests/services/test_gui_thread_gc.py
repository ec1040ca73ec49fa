"""Cycles are freed on the GUI thread, never on a pool thread that happened to allocate past Python's threshold."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from surveydesk.services.gui_thread_gc import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp) -> Iterator[GuiThreadCollector]:
    running = GuiThreadCollector(interval_ms=10)
    was_enabled = gc.isenabled()
    gc.enable()  # as a process starts; the suite's own collector is set aside for this test
    running.start()
    yield running
    running.stop()
    if not was_enabled:
        gc.disable()


def _allocate_past_every_threshold() -> None:
    """What parsing a big reply does: many container objects, kept for a while."""
    kept = [[index] for index in range(100_000)]
    assert len(kept) == 100_000


def test_a_cycle_dropped_while_a_pool_thread_allocates_is_freed_on_the_gui_thread(qtbot, collector):
    freed_on: list[threading.Thread] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread()))
    del cycle
    worker = threading.Thread(target=_allocate_past_every_threshold)
    worker.start()
    worker.join()
    assert not freed_on  # the allocating thread did not collect
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert freed_on == [threading.main_thread()]


def test_stopped_python_collects_on_its_own_again(collector):
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
