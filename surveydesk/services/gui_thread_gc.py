"""Python's collection of reference cycles, done on the GUI thread from a timer, never on a pool thread.

Python collects cycles on whichever thread happens to allocate past a threshold: while a pool thread parses a
reply, that is the pool thread. A cycle often holds a Qt wrapper (a widget whose signal calls a lambda that names
the widget); freed there, its C++ object is destroyed off the thread that owns it, which Qt does not allow and
which can crash the process. So automatic collection is turned off and the same generational collection runs from
a timer on the GUI thread, the remedy Qt applications in Python settled on (pyqtgraph's and Spyder's
GarbageCollector).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000  # how often the young objects are looked at: a cycle just dropped waits about this long


class GuiThreadCollector(QObject):
    """Between `start()` and `stop()`, cycles are collected only here, on the thread this object lives on."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Python collects on its own again (on any thread)."""
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> None:
        """The young objects at every tick; an older generation too once as many younger collections passed as
        Python would wait for (its counts and thresholds). Python's own trigger, allocations minus frees, would
        not do here: what a burst allocates is mostly freed before the next tick, and the cycles among it with it
        would wait for ever."""
        counts = gc.get_count()
        older_due = [generation for generation in (1, 2) if counts[generation] > self._thresholds[generation]]
        gc.collect(older_due[-1] if older_due else 0)
