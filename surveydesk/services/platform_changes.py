"""Platforms' changed replies, told on the GUI thread: the readers report them on the pool (`ShapeWatch`,
net/shapes.py), and `told` says once, per change, what each platform's change means for the worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from surveydesk.net.shapes import ShapeWatch


class PlatformChanges(QObject):
    """Listens to the app's `ShapeWatch` (any thread) and emits `told` on the GUI thread."""

    told = Signal(object)  # a Sentence: "BitLabs changed something SurveyDesk reads; its tasks still show…"
    _reported = Signal()

    def __init__(self, watch: ShapeWatch, name_of: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self._name_of = name_of  # a platform's name, as the worker knows it
        self._reported.connect(self._tell, Qt.ConnectionType.QueuedConnection)
        watch.listener = self._reported.emit
        self._reported.emit()  # what an earlier run left to tell (records still set aside), once the loop runs

    @Slot()
    def _tell(self) -> None:
        for sentence in self.watch.news(self._name_of):
            self.told.emit(sentence)
