"""What Qt WebEngine needs set before the first QApplication, in a module that does not load WebEngine itself.

Only the sign-in window uses Qt WebEngine, in a sign-in process of its own (ui/sign_in_process.py), which makes
these settings, then its application, then loads the web engine. SurveyDesk's own process never loads it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt


def prepare_web_engine() -> None:
    """Settings Qt WebEngine reads before the first QApplication: run as root (a container, CI), Chromium
    refuses to start with its sandbox on; the desktop's OpenGL context is shared with the web views."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags.split():
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
