"""The Claims view: each claim in the worker's words, its message in English and in French holding only what was
measured, the worker's edits kept across refreshes, and what she says of a claim saved through the service."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QThreadPool

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money
from surveydesk.ledger.claims import Claim, ClaimKind, ClaimOutcome, Evidence
from surveydesk.ledger.goals import GoalSettings
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.money_outlook import MoneyOutlook, Outlook
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.claims_view import ClaimMessage, ClaimsPanel, claim_message, summary_words
from surveydesk.ui.formatting import format_date

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
ACCOUNT = "marie.dupont@example.fr"  # the account's name is hers, never the researcher's to read
EVIDENCE = Evidence(
    taken_at=NOW - timedelta(hours=2), submitted_at=NOW - timedelta(hours=1), worked_seconds=2700,
    platform_seconds=2640, estimated_minutes=15, record_id="64f0a1", completion_code="C1A2B3C4",
)  # fmt: skip
OVERRUN = Claim(
    entry_id=f"prolific/{ACCOUNT}/task/s1", kind=ClaimKind.OVERRUN, platform="prolific", title="Shopping habits",
    requester="Lab of Lyon", amount=Money(225, "GBP"), status=Status.APPROVED, status_at=NOW - timedelta(hours=1),
    occurred_at=NOW - timedelta(hours=2), evidence=EVIDENCE, route="", found_at=NOW, sent_at=None, outcome=None,
    outcome_at=None,
)  # fmt: skip
REJECTED = replace(
    OVERRUN, entry_id=f"bitlabs/{ACCOUNT}/task/9", kind=ClaimKind.REJECTED, platform="bitlabs",
    title="BitLabs survey · Food", requester="", route="https://support.bitlabs.example/form?tx=9",
)  # fmt: skip


def names(platform: str) -> str:
    return {"prolific": "Prolific", "bitlabs": "BitLabs", "toloka": "Toloka"}[platform]


def built_in_panel(qtbot) -> ClaimsPanel:
    """The panel with what the built-in platforms document of claims."""
    panel = ClaimsPanel(names, BUILT_IN.claim_deadlines(), BUILT_IN.claim_routes())
    qtbot.addWidget(panel)
    return panel


def test_the_message_in_english_says_what_was_measured_and_nothing_of_her(qapp) -> None:
    message = claim_message(OVERRUN, ClaimMessage(english=True))
    assert message.startswith("Hello,\n\n“Shopping habits” took me much longer than its estimate.")
    facts = (
        "Submission: 64f0a1", "Completion code: C1A2B3C4", "Started: 07/12/2026 08:00 UTC",
        "Time I spent, by my timer: 45 min",
        "Time I spent, as the platform counted it: 44 min", "Estimated time: 15 min", "Reward: £2.25",
    )  # fmt: skip
    for fact in facts:
        assert f"– {fact}" in message
    assert ACCOUNT not in message and "marie" not in message.lower()


def test_the_message_and_the_summary_in_french(french) -> None:
    message = claim_message(OVERRUN, ClaimMessage(english=False))
    assert message.startswith("Bonjour,\n\n«\u00a0Shopping habits\u00a0» m’a pris bien plus de temps que prévu.")
    assert "– Temps passé, selon mon minuteur\u00a0: 45\u00a0min" in message
    assert "– Code de fin d’étude\u00a0: C1A2B3C4" in message
    assert "– Récompense\u00a0: 2,25\u00a0£" in message
    assert claim_message(OVERRUN, ClaimMessage(english=True)).startswith(
        "Hello,"
    )  # the one she sends stays English
    assert summary_words(REJECTED) == "Refusé\u00a0: 2,25\u00a0£ non payés (à réclamer)"
    unpriced = replace(REJECTED, amount=Money(0, "GBP"), outcome=ClaimOutcome.NO_ANSWER)
    assert summary_words(unpriced) == "Refusé, non payé (pas de réponse)"


def test_the_panel_lists_claims_and_keeps_her_edits_across_refreshes(qtbot) -> None:
    panel = built_in_panel(qtbot)
    assert panel.empty.isVisibleTo(panel)
    panel.show_claims([OVERRUN, REJECTED])
    assert panel.list.count() == 2 and not panel.empty.isVisibleTo(panel)
    assert "Took 45 min, for an estimate of 15 min (to claim)" in panel.list.item(0).text()
    assert panel.open_form.isHidden()
    # Prolific's own help says how: through its messages (surveydesk/platforms/prolific/__init__.py).
    assert panel.route.text() == "On Prolific, write to the study's researcher through Prolific's messages."
    assert "Deadline to claim: unknown." in panel.about.text()
    panel.english.setPlainText("My own words")
    panel.show_claims([replace(OVERRUN, sent_at=NOW), REJECTED])  # the minute's refresh
    assert panel.english.toPlainText() == "My own words"
    assert "You sent it on" in panel.about.text()

    panel.list.setCurrentRow(1)
    assert panel.route.text() == "BitLabs gave a form to claim it: https://support.bitlabs.example/form?tx=9"
    assert not panel.open_form.isHidden()
    assert panel.english.toPlainText().startswith(
        "Hello,\n\nMy submission to “BitLabs survey · Food” was rejected."
    )
    with qtbot.waitSignal(panel.sent) as sent:
        panel.mark_sent.click()
    assert sent.args == [REJECTED.entry_id]
    with qtbot.waitSignal(panel.ended) as ended:
        panel.outcome.activated.emit(2)
    assert ended.args == [REJECTED.entry_id, ClaimOutcome.REFUSED]


def test_a_platform_s_documented_deadline_and_route_are_said_else_unknown(qtbot) -> None:
    panel = built_in_panel(qtbot)
    toloka = replace(REJECTED, entry_id=f"toloka/{ACCOUNT}/task/7", platform="toloka", route="",
                     status_at=datetime(2026, 12, 3, 15, 0, tzinfo=UTC))  # fmt: skip
    form_lost = replace(REJECTED, route="")  # a BitLabs entry whose history gave no link
    late = replace(toloka, entry_id=f"toloka/{ACCOUNT}/task/8", kind=ClaimKind.OVERDUE)
    panel.show_claims([toloka, form_lost, late])
    ends = format_date(datetime(2026, 12, 10, 15, 0, tzinfo=UTC))  # Toloka's 7 days after the rejection
    assert f"Deadline to contest the rejection: {ends}." in panel.about.text()
    assert panel.route.text() == "How to claim on Toloka: unknown."
    panel.list.setCurrentRow(1)
    assert "Deadline to claim: unknown." in panel.about.text()
    assert panel.route.text() == "BitLabs links a support form to each survey of its history."
    assert panel.open_form.isHidden()
    panel.list.setCurrentRow(2)  # the appeal window is a rejection's: a late review has no known deadline
    assert "Deadline to claim: unknown." in panel.about.text()


def test_the_deadline_and_the_route_in_french(french, qtbot) -> None:
    panel = built_in_panel(qtbot)
    toloka = replace(REJECTED, platform="toloka", route="", status_at=datetime(2026, 12, 3, 15, 0, tzinfo=UTC))
    panel.show_claims([toloka, replace(OVERRUN, platform="bitlabs")])
    assert "Date limite pour contester le refus\u00a0: 10/12/2026." in panel.about.text()
    assert panel.route.text() == "Comment réclamer sur Toloka\u00a0: inconnu."
    panel.list.setCurrentRow(1)
    assert "Date limite pour réclamer\u00a0: inconnue." in panel.about.text()
    assert panel.route.text() == "BitLabs met un formulaire d’aide à chaque enquête de son historique."


def test_the_service_finds_claims_and_saves_what_she_says(qtbot, database: Database) -> None:
    header = EntryHeader("prolific", ACCOUNT, Kind.TASK, NOW - timedelta(days=2), "GBP", task_id="s1",
                         title="Shopping habits", requester="Lab of Lyon")  # fmt: skip
    LedgerStore(database).record([Report(header, NOW - timedelta(days=1), Status.REJECTED, Money(225, "GBP"))],
                                 Source.PLATFORM, NOW)  # fmt: skip
    service = MoneyOutlook(database, GoalSettings(SettingsStore(database)), QThreadPool.globalInstance(), UTC, {})
    with qtbot.waitSignal(service.ready, timeout=10_000) as first:
        service.refresh(NOW, "GBP")
    outlook: Outlook = first.args[0]
    assert [(claim.kind, claim.outcome) for claim in outlook.claims] == [(ClaimKind.REJECTED, None)]

    with qtbot.waitSignal(service.ready, timeout=10_000) as after_sent:
        service.claim_sent(header.id, NOW + timedelta(hours=1))
    assert after_sent.args[0].claims[0].sent_at == NOW + timedelta(hours=1)
    saved = qtbot.waitSignal(service.claim_saved, timeout=10_000)
    with saved, qtbot.waitSignal(service.ready, timeout=10_000) as after_outcome:
        service.claim_ended(header.id, ClaimOutcome.NO_ANSWER, NOW + timedelta(days=9))
    assert after_outcome.args[0].claims[0].outcome is ClaimOutcome.NO_ANSWER
    # what the requester's reputation reads when `claim_saved` has the wages worked out again (composition.py)
    assert LedgerStore(database).reviews_by_requester()[("prolific", "Lab of Lyon")].claims_unpaid == 1
    with qtbot.assertNotEmitted(service.claim_saved), qtbot.waitSignal(service.claim_not_saved, timeout=10_000):
        service.claim_sent("prolific/nobody/task/none", NOW)


def test_in_french_the_list_names_a_reader_s_words_in_french_and_the_message_keeps_them(french, qtbot) -> None:
    """The list is hers; the English message to BitLabs quotes the entry as BitLabs' reader wrote it."""
    panel = built_in_panel(qtbot)
    panel.show_claims([REJECTED])
    panel.list.setCurrentRow(0)
    assert "BitLabs · Enquête BitLabs · Food" in panel.list.item(0).text()
    assert "“BitLabs survey · Food”" in panel.english.toPlainText()
