"""The tray: its menu, rebuilt on opening, offers the newest matching tasks, pause/resume, open and quit."""

from __future__ import annotations

from surveydesk.core.money import Money
from surveydesk.ui.alert_text import task_alert
from surveydesk.ui.icons import app_icon
from surveydesk.ui.tray import MENU_TASKS, Tray
from tests.factories import make_task


class World:
    """What the tray reads when its menu opens; tests change it between openings."""

    def __init__(self, tasks, paused=False) -> None:
        self.tasks = tasks
        self.paused = paused


def _tray(world: World) -> Tray:
    return Tray(app_icon(), lambda: world.tasks, lambda: world.paused)


def _texts(tray: Tray) -> list[str]:
    return [action.text() for action in tray.menu.actions() if not action.isSeparator()]


def test_the_menu_lists_the_newest_matches_then_the_commands(qtbot):
    tasks = [make_task(str(i), title=f"Study {i}", reward=Money(150, "GBP")) for i in range(7)]
    tray = _tray(World(tasks))
    texts = _texts(tray)
    assert len(texts) == MENU_TASKS + 3
    assert texts[0] == "Take: Study 0 — £1.50 · £9.00/h · 10 min (Prolific)"
    assert texts[-3:] == ["Pause checking", "Open SurveyDesk", "Quit"]


def test_the_menu_is_rebuilt_each_time_it_opens(qtbot):
    world = World([])
    tray = _tray(world)
    assert _texts(tray)[0] == "No matching task right now"
    world.tasks = [make_task("a", title="Fresh")]
    world.paused = True
    tray.menu.aboutToShow.emit()
    assert _texts(tray)[0].startswith("Take: Fresh") and "Resume checking" in _texts(tray)


def test_menu_actions_ask_to_take_pause_open_and_quit(qtbot):
    task = make_task("a")
    tray = _tray(World([task]))
    actions = {action.text(): action for action in tray.menu.actions()}
    with qtbot.waitSignal(tray.take_requested) as taken:
        next(a for text, a in actions.items() if text.startswith("Take:")).trigger()
    assert taken.args == [task]
    with qtbot.waitSignal(tray.pause_requested) as paused:
        actions["Pause checking"].trigger()
    assert paused.args == [True]
    with qtbot.waitSignal(tray.quit_requested):
        actions["Quit"].trigger()


def test_clicking_an_alert_takes_its_only_task_or_opens_the_list(qtbot):
    task = make_task("a")
    tray = _tray(World([task]))
    tray.show_alert(task_alert([task], sound=False))
    with qtbot.waitSignal(tray.take_requested):
        tray.icon.messageClicked.emit()
    tray.show_alert(task_alert([task, make_task("b")], sound=False))
    with qtbot.waitSignal(tray.open_requested):
        tray.icon.messageClicked.emit()


def test_the_tooltip_counts_unseen_matches(qtbot):
    tray = _tray(World([]))
    tray.set_unseen(3)
    assert tray.tooltip() == "SurveyDesk — 3 new matching tasks"
    tray.set_unseen(0)
    assert tray.tooltip() == "SurveyDesk"


def test_the_timer_menu_is_offered_in_the_tray(qtbot):
    from PySide6.QtWidgets import QMenu

    work = QMenu("&Work")
    tray = _tray(World([]))
    tray.offer_work_menu(work)
    assert work.menuAction() in tray.menu.actions()


def test_an_ampersand_in_a_title_stays_a_character_in_the_menu(qtbot):
    tray = _tray(World([make_task("a", title="Tom & Jerry")]))
    assert _texts(tray)[0].startswith("Take: Tom && Jerry")
