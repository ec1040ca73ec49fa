"""What a dialog's forms say beside their fields, as the worker reads them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def form_labels(dialog: QWidget) -> list[str]:
    """The words of every form row's label in `dialog`, row by row, blank rows left out."""
    labels = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text():
                labels.append(label.text())
    return labels
