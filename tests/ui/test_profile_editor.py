"""The profile editor: grouped pages with their reasons, validation messages, completeness, sharing choices,
what was sent where, screener answers checked for consistency, export and delete."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox

from surveydesk.platforms.registry import BUILT_IN
from surveydesk.profile.schema import load_schema
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore
from surveydesk.ui.profile_editor import ProfileEditor
from tests.factories import FixedClock

TODAY = date(2026, 11, 30)
SCHEMA = load_schema()
SHARED = {
    "bitlabs": replace(BUILT_IN.sharing()["bitlabs"], fields=lambda: frozenset({"gender", "birth_date"})),
    "cpx": replace(BUILT_IN.sharing()["cpx"], fields=lambda: frozenset({"gender", "postal_code"})),
}


@pytest.fixture
def store(database) -> ProfileStore:
    return ProfileStore(database, FixedClock(), BUILT_IN.default_permission)


@pytest.fixture
def editor(qtbot, store: ProfileStore) -> ProfileEditor:
    shown = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    qtbot.addWidget(shown)
    return shown


def test_one_page_per_group_with_its_reason_and_the_records_after_them(editor: ProfileEditor) -> None:
    titles = [editor.tabs.tabText(index) for index in range(editor.tabs.count())]
    assert titles == [
        *(group.title for group in SCHEMA.groups),
        "Other answers",
        "What was sent where",
        "Screener answers",
    ]
    assert set(editor.editors) == {field.id for field in SCHEMA.fields}


def test_typing_shows_validation_and_completeness_and_save_keeps_valid_answers(editor, store) -> None:
    editor.editors["postal_code"].input.set_answers(["S"])
    assert (
        editor.editors["postal_code"].error.isVisibleTo(editor)
        and "at least 2" in editor.editors["postal_code"].error.text()
    )
    assert editor.completeness.value() == 0  # not a valid answer yet
    assert editor.save() is False and store.answers() == {}  # nothing kept while one answer is wrong
    editor.editors["postal_code"].input.set_answers([])
    editor.editors["country"].input.set_answers(["GB"])
    editor.editors["gender"].input.set_answers(["female"])
    editor.editors["languages"].input.set_answers(["en", "de"])
    assert not editor.editors["postal_code"].error.isVisibleTo(editor) and editor.completeness.value() == 3
    assert editor.save() is True
    assert store.answers() == {"country": "GB", "gender": "female", "languages": ("en", "de")}


def test_a_french_worker_types_her_birth_date_her_way_and_picks_her_country_by_name(qtbot, store, french) -> None:
    """Dates were typed as 1985-04-17 and countries as ISO codes ("Two-letter code, e.g. GB, US, DE")."""
    editor = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    qtbot.addWidget(editor)
    birth = editor.editors["birth_date"]
    assert birth.input.line is not None and birth.input.line.placeholderText() == "p. ex. 17/04/1990"
    birth.input.line.setText("17/04/1985")
    country = editor.editors["country"].input.combo
    assert country is not None and country.findText("Royaume-Uni") > 0 and country.findText("GB") < 0
    country.setCurrentIndex(country.findText("France"))
    assert editor.save() is True
    assert store.answers() == {"birth_date": "1985-04-17", "country": "FR"}
    reopened = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    qtbot.addWidget(reopened)
    assert reopened.editors["birth_date"].input.line.text() == "17/04/1985"
    assert reopened.editors["country"].input.combo.currentText() == "France"
    birth.input.line.setText("1985/17/04")
    assert editor.save() is False
    assert birth.error.text() == "Saisissez une date comme 17/04/1990."


def test_sharing_choices_are_offered_per_platform_that_can_receive_the_field(editor, store) -> None:
    assert set(editor.editors["gender"].sharing) == {"bitlabs", "cpx"}
    assert set(editor.editors["postal_code"].sharing) == {"cpx"}
    assert editor.editors["occupation"].sharing == {}
    cpx = editor.editors["gender"].sharing["cpx"]
    assert [cpx.itemData(index) for index in range(cpx.count())] == ["never", "always"]  # no unseen "ask"
    assert editor.editors["gender"].permission("cpx") is Permission.NEVER
    assert editor.editors["gender"].permission("bitlabs") is Permission.ASK
    editor.editors["gender"].show_permission("cpx", Permission.ALWAYS)
    editor.save()
    assert store.permission("gender", "cpx") is Permission.ALWAYS


def test_what_was_sent_where_is_listed(editor, store) -> None:
    store.record_sent("cpx", "main", ["gender", "postal_code"], "survey request")
    editor.reload()
    rows = {
        (editor.sent.item(row, 0).text(), editor.sent.item(row, 2).text()) for row in range(editor.sent.rowCount())
    }
    assert rows == {("CPX Research", "Gender"), ("CPX Research", "Postal code")}


def test_a_screener_answer_that_contradicts_the_profile_is_warned_about(editor, store) -> None:
    store.set_answer("employment", "student")
    editor.reload()
    editor.screener_platform.setText("Prolific")
    editor.screener_field.setCurrentIndex(editor.screener_field.findData("employment"))
    editor.screener_input.set_answers(["full_time"])
    editor.record_screener_answer()
    assert "your profile says “Student”" in editor.screener_warning.text()
    assert [answer.value for answer in store.screener_answers("employment")] == ["full_time"]
    editor.screener_input.set_answers(["student"])
    editor.record_screener_answer()  # agrees with the profile, not with what was told Prolific a moment ago
    assert "your answer on Prolific says “Employed full-time”" in editor.screener_warning.text()
    editor.screener_field.setCurrentIndex(editor.screener_field.findData("gender"))
    editor.screener_input.set_answers(["male"])
    editor.record_screener_answer()
    assert editor.screener_warning.text() == "Recorded; it disagrees with nothing you told SurveyDesk."
    assert editor.screener_list.rowCount() == 3


def test_export_writes_the_whole_profile_as_json(editor, store, tmp_path: Path) -> None:
    store.set_answer("gender", "female")
    target = tmp_path / "profile.json"
    editor.export_to(target)
    assert json.loads(target.read_text(encoding="utf-8"))["answers"] == {"gender": "female"}


def test_delete_my_profile_asks_first_then_removes_everything(editor, store, monkeypatch) -> None:
    store.set_answer("gender", "female")
    store.record_sent("cpx", "main", ["gender"], "survey request")
    editor.reload()
    changed: list[bool] = []
    editor.changed.connect(lambda: changed.append(True))
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Cancel)
    editor.delete_button.click()
    assert store.answers() == {"gender": "female"} and changed == []
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    editor.delete_button.click()
    assert store.answers() == {} and store.disclosures() == [] and changed == [True]
    assert editor.editors["gender"].value() is None and editor.sent.rowCount() == 0


def test_platform_questions_answered_earlier_can_be_forgotten(editor, store) -> None:
    store.set_answer("bitlabs:q1", ("1",), label="Which <b>streaming</b> services?", platform="bitlabs")
    editor.reload()
    assert editor.other_answers.item(0, 0).text() == "Which <b>streaming</b> services?"  # plain text, as written
    editor.other_answers.selectRow(0)
    editor._forget()
    assert store.answers() == {}


def test_closing_with_unsaved_answers_asks_first(editor, store, monkeypatch) -> None:
    """Closing the profile dropped the answers typed since the last Save without a word."""
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def question(_parent, _title, text, *_rest):
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "question", question)
    editor.show()
    editor.reject()  # nothing typed: closes without a question
    assert asked == [] and not editor.isVisible()
    editor.show()
    editor.editors["gender"].input.set_answers(["female"])
    editor.reject()
    assert len(asked) == 1 and editor.isVisible() and store.answers() == {}  # Cancel: still open, nothing lost
    answer["button"] = QMessageBox.StandardButton.Save
    editor.reject()
    assert store.answers() == {"gender": "female"} and not editor.isVisible()
    editor.show()
    editor.editors["gender"].input.set_answers(["male"])
    answer["button"] = QMessageBox.StandardButton.Discard
    editor.reject()
    assert store.answers() == {"gender": "female"} and not editor.isVisible()


def test_a_saved_profile_of_every_kind_of_answer_has_no_unsaved_edits(editor, store) -> None:
    """A stored answer must read back equal to what the page shows, or every close would ask for nothing."""
    editor.editors["birth_date"].input.set_answers(["1985-04-17"])
    editor.editors["gender"].input.set_answers(["female"])
    editor.editors["country"].input.set_answers(["FR"])
    editor.editors["languages"].input.set_answers(["fr", "en"])
    editor.editors["household_size"].input.set_answers(["3"])
    assert editor.has_unsaved_edits()
    assert editor.save()
    assert set(store.answers()) == {"birth_date", "gender", "country", "languages", "household_size"}
    assert not editor.has_unsaved_edits()
    reopened = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    assert not reopened.has_unsaved_edits()
    reopened.deleteLater()


def test_in_french_its_questions_end_in_a_spaced_colon_and_its_export_names_no_file_format(
    qtbot, store, french, monkeypatch
) -> None:
    """The questions read "Genre:" beside "BitLabs :", the button "Exporter en JSON…", and the file it proposed
    was named in English ("surveydesk-profile.json")."""
    editor = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    qtbot.addWidget(editor)
    gender = editor.editors["gender"]
    form = gender.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(gender)
    assert isinstance(label, QLabel) and label.text() == "Genre\xa0:"
    assert editor.export_button.text() == "Exporter mon profil…"
    proposed: list[str] = []
    monkeypatch.setattr(
        "surveydesk.ui.profile_editor.file_to_save", lambda parent, title, name, kinds: proposed.append(name)
    )
    editor.export_button.click()
    assert proposed == ["surveydesk-profil.json"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_tab_is_in_view_without_scroll_arrows(qtbot, store, request, language: str) -> None:
    """At 720 pixels the last tabs hid behind arrows ("Ce qui a été envoyé, et…" in French, "Screener answers"
    unseen in English)."""
    if language == "fr":
        request.getfixturevalue("french")
    editor = ProfileEditor(store, SCHEMA, SHARED, lambda: TODAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.tabs.tabBar().sizeHint().width() <= editor.tabs.width()
    assert editor.width() <= 1366 - 100
