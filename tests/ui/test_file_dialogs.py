"""The import and export file dialogs: in her documents folder, whole on her screen, in her language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget

from surveydesk.ui.file_dialogs import documents_folder, file_to_open, file_to_save


def _looked_at(answer: Path | None) -> dict[str, object]:
    """What the dialog open at the next turn of the event loop shows; it is then answered with `answer`."""
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["size"] = (dialog.width(), dialog.height())
        seen["labels"] = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
        if answer is None:
            dialog.reject()
        else:
            dialog.selectFile(str(answer))
            dialog.accept()

    QTimer.singleShot(0, look)
    return seen


def test_an_export_opens_in_her_documents_wide_enough_for_its_dates(qtbot) -> None:
    """It opened in the folder SurveyDesk was started from, 632 px wide: its "Date Modified" was cut (the tour on
    a real screen checks the columns)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = _looked_at(None)
    assert file_to_save(parent, "Export", "surveydesk-ledger.csv", "CSV files (*.csv)") is None
    assert seen["folder"] == documents_folder()
    assert seen["size"] == (860, 520)


def test_the_chosen_file_is_returned(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    history = tmp_path / "prolific.csv"
    history.write_text("id\n", encoding="utf-8")
    _looked_at(history)
    assert file_to_open(parent, "Import", "CSV files (*.csv)") == history


def test_its_words_are_french_in_french(qtbot, french) -> None:
    """Qt's French leaves "Look in:" and "Files of type:" in English."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = _looked_at(None)
    file_to_save(parent, "Exporter", "surveydesk-ledger.csv", "Fichiers CSV (*.csv)")
    assert {"Regarder dans\xa0:", "Type de fichier\xa0:"} <= seen["labels"]
    assert "Look in:" not in seen["labels"] and "Files of type:" not in seen["labels"]
