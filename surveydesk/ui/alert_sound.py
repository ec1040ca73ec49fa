"""The alerts' sound, played on the computer's sound device, and whether it could be: a sound that silently
does not play is an alert that died silently (QApplication.beep() says nothing either way, and does nothing on
Wayland or without a bell).

QSoundEffect tells: its status turns to Error when no device can play it (none at all, or one that refuses the
format), and it stops playing once it has played. The effect is made again after an error, so a device plugged
in later is found at the next alert.

Qt Multimedia (25–30 ms to load, with its search for a sound server) is loaded with the first sound played, not
at start: the first frame has no use for it, and the alerts' sound is off until the worker turns it on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from surveydesk.feed.health import NO_SOUND_DEVICE, SOUND_REFUSED
from surveydesk.resource_files import resource

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

ALERT_WAV = "sounds/alert.wav"
_VOLUME = 0.8


class AlertSound(QObject):
    """`played` once a sound was heard through a device; `failed` (a Sentence saying why) when it could not be."""

    played = Signal()
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: QSoundEffect | None = None
        self._started = False

    def play(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effect
        if effect is None or effect.status() is QSoundEffect.Status.Error:
            effect = self._new_effect()
        self._started = False
        effect.play()  # while the file loads, it plays once loaded

    def _new_effect(self) -> QSoundEffect:
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect is not None:
            self._effect.deleteLater()
        effect = QSoundEffect(self)
        effect.setVolume(_VOLUME)
        effect.statusChanged.connect(lambda: self._on_status(effect))
        effect.playingChanged.connect(lambda: self._on_playing(effect))
        self._effect = effect
        effect.setSource(QUrl.fromLocalFile(str(resource(ALERT_WAV))))  # a cached sound fails in this call
        return effect

    def _on_status(self, effect: QSoundEffect) -> None:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if effect is not self._effect or effect.status() is not QSoundEffect.Status.Error:
            return
        device = effect.audioDevice()
        if device.isNull() or not QMediaDevices.audioOutputs():
            self.failed.emit(NO_SOUND_DEVICE)
        else:
            self.failed.emit(SOUND_REFUSED.filled(device.description()))

    def _on_playing(self, effect: QSoundEffect) -> None:
        if effect is not self._effect:
            return
        if effect.isPlaying():
            self._started = True
        elif self._started:
            self._started = False
            self.played.emit()
