"""Preferences: the language choice is stored for the next start, and start at login writes or removes the XDG
autostart entry, saying so when it cannot."""

from __future__ import annotations

from pathlib import Path

from surveydesk.autostart import Autostart, launch_command
from surveydesk.menu_entry import MenuEntry
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.preferences_dialog import PreferencesDialog
from surveydesk.ui.translations import SYSTEM_LANGUAGE, chosen_language


def _dialog(qtbot, database, config: Path) -> tuple[PreferencesDialog, SettingsStore, Autostart]:
    settings = SettingsStore(database)
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(config)})
    dialog = PreferencesDialog(settings, autostart)
    qtbot.addWidget(dialog)
    return dialog, settings, autostart


def test_the_menu_entry_is_offered_only_where_no_package_installed_one(qtbot, database, tmp_path: Path):
    dialog, _settings, _autostart = _dialog(qtbot, database, tmp_path)
    assert dialog.in_menu.isHidden()  # the composition root passes no MenuEntry then

    entry = MenuEntry(launch_command(), {"XDG_DATA_HOME": str(tmp_path / "data")})
    offered = PreferencesDialog(SettingsStore(database), Autostart(launch_command(), {}), entry)
    qtbot.addWidget(offered)
    assert not offered.in_menu.isHidden() and not offered.in_menu.isChecked()
    offered.in_menu.setChecked(True)
    offered.start_at_login.setChecked(False)
    offered.save()
    assert entry.is_installed()


def test_the_language_follows_the_system_until_one_is_chosen(qtbot, database, tmp_path: Path):
    dialog, settings, _autostart = _dialog(qtbot, database, tmp_path)
    assert dialog.language.currentData() == SYSTEM_LANGUAGE
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert chosen_language(settings) == "fr"
    assert dialog.language_changed

    reopened, _settings, _autostart = _dialog(qtbot, database, tmp_path)
    assert reopened.language.currentText() == "Français"


def test_start_at_login_writes_and_removes_the_autostart_entry(qtbot, database, tmp_path: Path):
    dialog, _settings, autostart = _dialog(qtbot, database, tmp_path)
    assert not dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(True)
    dialog.save()
    assert (tmp_path / "autostart" / "surveydesk.desktop").is_file()
    assert autostart.is_enabled()

    again, _settings, _autostart = _dialog(qtbot, database, tmp_path)
    assert again.start_at_login.isChecked()  # read from the entry itself
    again.start_at_login.setChecked(False)
    again.save()
    assert not (tmp_path / "autostart" / "surveydesk.desktop").exists()


def test_an_entry_that_cannot_be_written_is_said_and_the_dialog_stays(qtbot, database, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    dialog, _settings, autostart = _dialog(qtbot, database, blocker)
    dialog.show()
    dialog.start_at_login.setChecked(True)
    dialog.save()
    assert dialog.isVisible()
    assert "Could not change the start at login" in dialog.message.text()
    assert str(autostart.path) in dialog.message.text()
    assert not autostart.is_enabled()


def test_an_entry_left_by_a_moved_copy_is_pointed_at_this_one(qtbot, database, tmp_path: Path):
    stale = Autostart(["/old/place/surveydesk"], {"XDG_CONFIG_HOME": str(tmp_path)})
    stale.set_enabled(True)
    dialog, _settings, autostart = _dialog(qtbot, database, tmp_path)
    assert dialog.start_at_login.isChecked()
    dialog.save()
    text = autostart.path.read_text(encoding="utf-8")
    assert "/old/place" not in text
    assert "-m surveydesk" in text
