"""The file dialogs of imports and exports, one way for every screen: they open in her documents folder (not in
whatever folder SurveyDesk was started from), and Qt's own dialog, used where the desktop offers none, fits her
screen with its columns whole (its "Date Modified" column cut its own title and the dates in it) and all its
words in her language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QTreeView, QWidget

# Room for a file's name and its size, type and date within a 1366x768 screen and its panel: at Qt's own 632 px,
# its name column took the room and its dates were cut.
_SIZE = (860, 520)


def documents_folder() -> Path:
    """Where a file dialog starts: her documents folder, else her home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def file_to_open(parent: QWidget, title: str, kinds: str) -> Path | None:
    """The file she chose to read (`kinds`: Qt's name filters, e.g. "CSV files (*.csv)"), or None."""
    dialog = FileDialog(parent, title, kinds, documents_folder())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def file_to_save(parent: QWidget, title: str, name: str, kinds: str = "") -> Path | None:
    """Where she chose to write a file proposed as `name`, or None."""
    dialog = FileDialog(parent, title, kinds, documents_folder() / name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


class FileDialog(QFileDialog):
    """A file dialog sized for her screen, whose every word is in her language."""

    def __init__(self, parent: QWidget, title: str, kinds: str, start: Path) -> None:
        super().__init__(parent, title, str(start), kinds)
        self.resize(*_SIZE)
        # Qt's French leaves these two in English.
        self.setLabelText(QFileDialog.DialogLabel.LookIn, self.tr("Look in:"))
        self.setLabelText(QFileDialog.DialogLabel.FileType, self.tr("Files of type:"))
        # Qt's own dialog (a desktop's has no such child) sizes its date column to the dates, narrower than its
        # title.
        for view in self.findChildren(QTreeView):
            header = view.header()
            widest_title = max(header.sectionSizeFromContents(column).width() for column in range(header.count()))
            header.setMinimumSectionSize(max(header.minimumSectionSize(), widest_title))


def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return Path(dialog.selectedFiles()[0]) if accepted and dialog.selectedFiles() else None
    finally:
        dialog.deleteLater()
