"""The "On my phone" part of the alert settings: the guided ntfy way (a code to scan), the worker's own ntfy
server, any other service's address, "only when I am away", and a test alert."""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from surveydesk.feed.phone import (
    NTFY_CLOUD,
    OTHER_SERVICES_KEY,
    REPLY_TOPIC_KEY,
    TOKEN_KEY,
    TOPIC_KEY,
    PhoneAddressError,
    PhoneMessage,
    PhoneSettings,
    new_topic,
    ntfy_server,
    other_service_addresses,
    save_phone_settings,
)
from surveydesk.secrets import SecretStore, SecretsUnavailable
from surveydesk.services.phone_alerts import NOT_AN_ADDRESS, Delivery, PhoneAlerts, PhoneTargets, unknown_addresses
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.keep_secret import keep_secret
from surveydesk.ui.text import plain_label, translated

_CODE_PIXELS = 160  # the code's side on screen: scannable from a phone, small enough for a 768-pixel screen


def qr_image(text: str, side: int = _CODE_PIXELS) -> QImage:
    """`text` as a QR code (segno's matrix, with its quiet zone), black on white, about `side` pixels wide."""
    rows = list(segno.make(text, error="m").matrix_iter(scale=1, border=4))
    image = QImage(len(rows), len(rows), QImage.Format.Format_Grayscale8)
    image.fill(255)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, 0xFF000000)
    scale = max(1, side // len(rows))
    # Whole pixels per module and no smoothing: a blurred edge is what a phone's camera reads worst.
    return image.scaled(len(rows) * scale, len(rows) * scale, mode=Qt.TransformationMode.FastTransformation)


class PhoneAlertsSection(QWidget):
    """Shows and edits the phone's settings; `save()` keeps them (secrets in the keyring) or says why not."""

    def __init__(
        self,
        settings: SettingsStore,
        current: PhoneSettings,
        secrets: SecretStore,
        phone: PhoneAlerts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._secrets = secrets
        self._phone = phone
        self._topic: str | None = None
        self._reply_topic: str | None = None  # where the phone's "Take" answers: made with the topic
        self._saved_topic = ""
        self._saved_reply = ""
        self._saved_key = ""
        self._saved_others = ""

        self.enabled = QCheckBox(self.tr("Send alerts to my phone too"), self)
        self.enabled.setChecked(current.enabled)
        self.only_when_away = QCheckBox(self.tr("Only when I have not used this computer for"), self)
        self.only_when_away.setChecked(current.only_when_away)
        self.away_minutes = QSpinBox(self)
        self.away_minutes.setRange(1, 240)
        self.away_minutes.setSuffix(self.tr(" min"))
        self.away_minutes.setValue(current.away_minutes)
        self.away_minutes.setAccessibleName(self.tr("Minutes away"))
        away = QHBoxLayout()
        away.addWidget(self.only_when_away)
        away.addWidget(self.away_minutes)
        away.addStretch()

        guided = QGroupBox(self.tr("With the free ntfy app"), self)
        steps = plain_label(guided)
        steps.setText(
            self.tr(
                "1. Install the ntfy app on your phone.\n"
                "2. Press “Show the code”, then in the app press ＋ and scan the code.\n"
                "3. Press “Send a test alert”."
            )
        )
        self.show_code = QPushButton(self.tr("Show the code"), guided)
        self.show_code.clicked.connect(self._on_show_code)
        self.code = QLabel(guided)
        self.code.setAccessibleName(self.tr("Code to scan with the ntfy app"))
        self.code.setFixedSize(_CODE_PIXELS + 16, _CODE_PIXELS + 16)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.server = QLineEdit(current.server if current.server != NTFY_CLOUD else "", guided)
        self.server.setPlaceholderText(self.tr("ntfy.sh (leave empty), or your own server's address"))
        self.server.setAccessibleName(self.tr("ntfy server"))
        self.access_key = QLineEdit(guided)
        self.access_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.access_key.setPlaceholderText(self.tr("Only if your own server asks for one"))
        self.access_key.setAccessibleName(self.tr("Access key"))
        left = QVBoxLayout()
        left.addWidget(steps)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Access key:"), self.access_key)
        left.addLayout(form)
        left.addWidget(self.show_code, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch()
        row = QHBoxLayout(guided)
        row.addLayout(left, 1)
        row.addWidget(self.code)

        others = QGroupBox(self.tr("Other services"), self)
        self.others = QPlainTextEdit(others)
        self.others.setPlaceholderText(
            self.tr("Telegram, Pushover, Gotify, Signal, Matrix, e-mail…: paste the address, one a line")
        )
        self.others.setAccessibleName(self.tr("Other services"))
        self.others.setTabChangesFocus(True)
        self.others.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        QVBoxLayout(others).addWidget(self.others)

        self.test = QPushButton(self.tr("Send a test alert"), self)
        self.test.clicked.connect(self.send_test)
        self.said = plain_label(self)
        self.said.setWordWrap(True)
        tested = QHBoxLayout()
        tested.addWidget(self.test)
        tested.addWidget(self.said, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addLayout(away)
        layout.addWidget(guided)
        layout.addWidget(others)
        layout.addLayout(tested)
        self.only_when_away.toggled.connect(self.away_minutes.setEnabled)
        self.away_minutes.setEnabled(current.only_when_away)
        self.server.editingFinished.connect(self._refresh_code)
        phone.tested.connect(self._on_tested)
        self.setEnabled(False)  # until the saved secrets are read, off the GUI thread
        phone.load_targets(self._on_loaded)

    def _on_loaded(self, targets: PhoneTargets | str) -> None:
        self.setEnabled(True)
        if isinstance(targets, str):
            self.said.setText(translated(targets))
            return
        self._topic = targets.topic
        self._reply_topic = targets.reply_topic or (new_topic() if targets.topic else None)
        self._saved_topic = targets.topic or ""
        self._saved_reply = targets.reply_topic or ""
        self._saved_key = targets.access_key or ""
        self._saved_others = "\n".join(targets.others)
        self.access_key.setText(self._saved_key)
        self.others.setPlainText(self._saved_others)
        self._refresh_code()

    def subscription_link(self) -> str | None:
        """What the code on screen says, or None while there is none."""
        if self._topic is None:
            return None
        return ntfy_server(self.server.text()).subscription_link(self._topic)

    def _on_show_code(self) -> None:
        if self._topic is None:
            self._topic, self._reply_topic = new_topic(), new_topic()
        self._refresh_code()

    def _refresh_code(self) -> None:
        try:
            link = self.subscription_link()
        except PhoneAddressError as error:
            self.said.setText(translated(error.message))
            return
        if link is not None:
            self.code.setPixmap(QPixmap.fromImage(qr_image(link)))
            self.show_code.setText(self.tr("Show the code again"))

    def targets(self) -> PhoneTargets:
        """What the section shows, as targets; raises PhoneAddressError for an address that cannot be used."""
        addresses = other_service_addresses(self.others.toPlainText())
        unknown = unknown_addresses(addresses)
        if unknown:
            raise PhoneAddressError(NOT_AN_ADDRESS.filled(unknown[0].split("://", 1)[0] + "://…"))
        return PhoneTargets(
            server=ntfy_server(self.server.text()),
            topic=self._topic,
            access_key=self.access_key.text().strip() or None,
            others=tuple(addresses),
            reply_topic=self._reply_topic,
        )

    def chosen(self) -> PhoneSettings:
        return PhoneSettings(
            enabled=self.enabled.isChecked(),
            only_when_away=self.only_when_away.isChecked(),
            away_minutes=self.away_minutes.value(),
            server=ntfy_server(self.server.text()).address,
        )

    def send_test(self) -> None:
        try:
            targets = self.targets()
        except PhoneAddressError as error:
            self.said.setText(translated(error.message))
            return
        self.said.setText(self.tr("Sending a test alert…"))
        self._phone.send_test(
            PhoneMessage(self.tr("SurveyDesk"), self.tr("A test alert: your phone will get new tasks like this.")),
            targets,
        )

    def _on_tested(self, deliveries: list[Delivery]) -> None:
        problems = [translated(delivery.problem) for delivery in deliveries if delivery.problem is not None]
        sent = self.tr("The test alert was sent: it should be on your phone now.")
        self.said.setText("\n".join(problems) if problems else sent)

    def save(self) -> bool:
        """Keeps the settings, the secrets in the keyring; False (and the reason shown) when something cannot
        be used or kept: nothing typed is lost, the dialog stays open."""
        try:
            targets = self.targets()
            chosen = self.chosen()
        except PhoneAddressError as error:
            self.said.setText(translated(error.message))
            return False
        wanted = (
            (TOPIC_KEY, targets.topic or "", self._saved_topic),
            (REPLY_TOPIC_KEY, targets.reply_topic or "", self._saved_reply),
            (TOKEN_KEY, targets.access_key or "", self._saved_key),
            (OTHER_SERVICES_KEY, "\n".join(targets.others), self._saved_others),
        )
        try:
            for key, value, saved in wanted:
                if value and value != saved and not keep_secret(self, self._secrets, key, value, self.said):
                    return False
                if not value and saved:
                    self._secrets.delete(key)
        except SecretsUnavailable as problem:
            self.said.setText(translated(problem.message))
            return False
        self._saved_topic, self._saved_reply, self._saved_key, self._saved_others = (
            value for _key, value, _saved in wanted
        )
        save_phone_settings(self._settings, chosen)
        return True
