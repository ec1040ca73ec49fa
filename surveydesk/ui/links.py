"""A page SurveyDesk could not open: no web browser started (none installed, none set as the default)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class LinkOffer(QMessageBox):
    """Says that no web browser could be started for a page and offers its link, to paste in one by hand.

    Shown window-modal and without waiting (`open`), so what runs after the take (its timer) goes on."""

    def __init__(self, address: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWindowTitle(self.tr("No web browser opened"))
        self.setText(
            self.tr(
                "SurveyDesk could not start a web browser for this page. Copy its link and paste it into your "
                "browser’s address bar:\n\n{0}"
            ).format(address)
        )
        self.copy_button = self.addButton(self.tr("Copy the link"), QMessageBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(address))
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.copy_button)


def offer_link(address: str, parent: QWidget) -> LinkOffer:
    """Show the offer for `address` over `parent`; the worker answers it when she likes."""
    offer = LinkOffer(address, parent)
    offer.open()
    return offer
