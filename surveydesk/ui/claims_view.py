"""The History tab's Claims view: money the worker may be owed, said in her words, each with the evidence
SurveyDesk measured, where to claim it and a message ready to paste, in English (the platforms' language) and in
hers. She edits it and sends it herself; SurveyDesk sends nothing. She says when she sent it and how it ended;
a claim the platform paid closes by itself (surveydesk/ledger/claims.py).

Everything a platform wrote (titles, requesters, links) is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.earnings import ClaimDeadline, ClaimRoute
from surveydesk.core.links import openable
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.ledger.claims import Claim, ClaimKind, ClaimOutcome, Evidence
from surveydesk.ui.formatting import format_date, format_date_time, format_money, format_number
from surveydesk.ui.links import offer_link
from surveydesk.ui.task_titles import entry_title
from surveydesk.ui.text import plain_label, plain_tooltip, translated

translate = QCoreApplication.translate
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

# What each claim is, in the list and above its message.
_SUMMARY = {
    ClaimKind.REJECTED: QT_TRANSLATE_NOOP("ClaimsPanel", "Rejected: {0} not paid"),
    ClaimKind.OVERDUE: QT_TRANSLATE_NOOP("ClaimsPanel", "Not reviewed yet, later than usual: {0}"),
    ClaimKind.UNPAID_TIME: QT_TRANSLATE_NOOP("ClaimsPanel", "Screened out or stopped after {1}: unpaid"),
    ClaimKind.OVERRUN: QT_TRANSLATE_NOOP("ClaimsPanel", "Took {1}, for an estimate of {2}"),
}
_REJECTED_UNPRICED = QT_TRANSLATE_NOOP("ClaimsPanel", "Rejected, not paid")  # the platform gave no amount
_STATE: dict[ClaimOutcome | None, Sentence] = {
    None: QT_TRANSLATE_NOOP("ClaimsPanel", "to claim"),
    ClaimOutcome.PAID: QT_TRANSLATE_NOOP("ClaimsPanel", "paid"),
    ClaimOutcome.REFUSED: QT_TRANSLATE_NOOP("ClaimsPanel", "refused"),
    ClaimOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("ClaimsPanel", "no answer"),
}
_OUTCOMES = (None, ClaimOutcome.PAID, ClaimOutcome.REFUSED, ClaimOutcome.NO_ANSWER)

# The message she sends: in English as written here, and in her language for her to read.
_ASK = {
    ClaimKind.REJECTED: QT_TRANSLATE_NOOP(
        "ClaimMessage",
        "My submission to “{0}” was rejected. I completed it in full and in good faith. Could you review it "
        "again, and approve it or tell me what was wrong?",
    ),
    ClaimKind.OVERDUE: QT_TRANSLATE_NOOP(
        "ClaimMessage",
        "My submission to “{0}” is still waiting for review, longer than usual. Could you review it, please?",
    ),
    ClaimKind.UNPAID_TIME: QT_TRANSLATE_NOOP(
        "ClaimMessage",
        "I worked on “{0}” for a long time before it ended without payment (screened out or stopped). Could you "
        "pay me for the time I spent?",
    ),
    ClaimKind.OVERRUN: QT_TRANSLATE_NOOP(
        "ClaimMessage",
        "“{0}” took me much longer than its estimate. Could you compensate the extra time with a bonus?",
    ),
}
_HELLO = QT_TRANSLATE_NOOP("ClaimMessage", "Hello,")
_THANKS = QT_TRANSLATE_NOOP("ClaimMessage", "Thank you.")
_FACTS = QT_TRANSLATE_NOOP("ClaimMessage", "What I recorded:")
_SUBMISSION = QT_TRANSLATE_NOOP("ClaimMessage", "Submission: {0}")
_CODE = QT_TRANSLATE_NOOP("ClaimMessage", "Completion code: {0}")
_TAKEN = QT_TRANSLATE_NOOP("ClaimMessage", "Started: {0}")
_SUBMITTED = QT_TRANSLATE_NOOP("ClaimMessage", "Submitted: {0}")
_TIMER = QT_TRANSLATE_NOOP("ClaimMessage", "Time I spent, by my timer: {0}")
_PLATFORM_TIME = QT_TRANSLATE_NOOP("ClaimMessage", "Time I spent, as the platform counted it: {0}")
_ESTIMATE = QT_TRANSLATE_NOOP("ClaimMessage", "Estimated time: {0}")
_REWARD = QT_TRANSLATE_NOOP("ClaimMessage", "Reward: {0}")
_MINUTES = QT_TRANSLATE_NOOP("ClaimMessage", "{0} min")


class ClaimMessage:
    """Writes in English (`english`) or in the worker's language, each the language's way."""

    def __init__(self, english: bool) -> None:
        self.english = english
        self.locale = ENGLISH if english else None

    def say(self, sentence: Sentence, *values: str) -> str:
        """The sentence with its values, already written (as text) in this language's way."""
        return sentence.template.format(*values) if self.english else translated(sentence.filled(*values))

    def minutes(self, seconds: int) -> str:
        return self.say(_MINUTES, format_number(round(seconds / 60), self.locale))

    def moment(self, moment: datetime) -> str:
        """In English (the platform's side) in UTC, said so; in her language on her own clock."""
        if self.english:
            return format_date_time(moment.astimezone(UTC), ENGLISH) + " UTC"
        return format_date_time(moment.astimezone())


def claim_message(claim: Claim, words: ClaimMessage) -> str:
    """The message to send: what is asked, then only what SurveyDesk measured or the platform said."""
    return "\n".join(
        [words.say(_HELLO), "", words.say(_ASK[claim.kind], claim.title), "", words.say(_FACTS),
         *evidence_lines(claim, words), "", words.say(_THANKS)]
    )  # fmt: skip


def evidence_lines(claim: Claim, words: ClaimMessage) -> list[str]:
    evidence: Evidence = claim.evidence
    lines = []
    if evidence.record_id:
        lines.append(words.say(_SUBMISSION, evidence.record_id))
    if evidence.completion_code:
        lines.append(words.say(_CODE, evidence.completion_code))
    if evidence.taken_at is not None:
        lines.append(words.say(_TAKEN, words.moment(evidence.taken_at)))
    if evidence.submitted_at is not None and claim.kind in (ClaimKind.REJECTED, ClaimKind.OVERDUE):
        lines.append(words.say(_SUBMITTED, words.moment(evidence.submitted_at)))
    if evidence.worked_seconds:
        lines.append(words.say(_TIMER, words.minutes(evidence.worked_seconds)))
    if evidence.platform_seconds:
        lines.append(words.say(_PLATFORM_TIME, words.minutes(evidence.platform_seconds)))
    if evidence.estimated_minutes:
        lines.append(words.say(_ESTIMATE, words.minutes(evidence.estimated_minutes * 60)))
    if claim.amount.minor > 0:
        lines.append(words.say(_REWARD, format_money(claim.amount, words.locale)))
    return [f"– {line}" for line in lines]


def summary_words(claim: Claim) -> str:
    """ "Rejected: €1.50 not paid" in her words; a closed claim says how it ended."""
    words = ClaimMessage(english=False)
    spent = claim.evidence.spent_seconds or 0
    estimate = (claim.evidence.estimated_minutes or 0) * 60
    priced = claim.amount.minor > 0 or claim.kind is not ClaimKind.REJECTED
    summary = _SUMMARY[claim.kind] if priced else _REJECTED_UNPRICED
    said = words.say(summary, format_money(claim.amount), words.minutes(spent), words.minutes(estimate))
    return translate("ClaimsPanel", "{0} ({1})").format(said, words.say(_STATE[claim.outcome]))


class ClaimsPanel(QWidget):
    """The list of claims beside the one chosen: what it is, by when and where to send it (as each platform
    documents it: `deadlines` and `routes` from the registry, else "unknown"), the message and its outcome."""

    sent = Signal(str)  # the entry id of a claim the worker says she sent
    ended = Signal(str, object)  # the entry id, and how it ended (a ClaimOutcome, or None: open again)

    def __init__(
        self,
        platform_name: Callable[[str], str],
        deadlines: Mapping[str, ClaimDeadline],
        routes: Mapping[str, ClaimRoute],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._platform_name = platform_name
        self._deadlines = deadlines
        self._routes = routes
        self._claims: dict[str, Claim] = {}
        self._shown = ""
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Claims"))
        self.list.currentItemChanged.connect(lambda _now, _before: self._show_chosen())
        self.empty = plain_label(self, self.tr("Nothing seems owed to you: no claim to make."))
        self.empty.setWordWrap(True)
        self.error = plain_label(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.about = plain_label(self)
        self.about.setWordWrap(True)
        self.route = plain_label(self)
        self.route.setWordWrap(True)
        self.open_form = QPushButton(self.tr("Open the platform's form"), self)
        self.open_form.clicked.connect(self._open_route)
        self.messages = QTabWidget(self)
        self.english = QPlainTextEdit(self)
        self.english.setAccessibleName(self.tr("Message to send, in English"))
        self.messages.addTab(self.english, self.tr("To send, in English"))
        self.own: QPlainTextEdit | None = None
        if QLocale().language() != QLocale.Language.English:
            self.own = QPlainTextEdit(self)
            self.own.setAccessibleName(self.tr("The same message in your language"))
            self.messages.addTab(self.own, self.tr("In your language, to read"))
        self.copy = QPushButton(self.tr("Copy the message"), self)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.english.toPlainText()))
        self.mark_sent = QPushButton(self.tr("I sent it"), self)
        self.mark_sent.clicked.connect(self._sent_clicked)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(self.tr("How the claim ended"))
        ended = translate("ClaimsPanel", "Where it stands: {0}")
        for outcome in _OUTCOMES:
            self.outcome.addItem(ended.format(ClaimMessage(english=False).say(_STATE[outcome])), outcome)
        self.outcome.activated.connect(self._outcome_chosen)
        self._build_layout()
        self.show_claims([])

    def _build_layout(self) -> None:
        details = QWidget(self)
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.about)
        route_row = QHBoxLayout()
        route_row.addWidget(self.route, 1)
        route_row.addWidget(self.open_form)
        column.addLayout(route_row)
        column.addWidget(self.messages, 1)
        buttons = QHBoxLayout()
        for widget in (self.copy, self.mark_sent, self.outcome):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.details = details
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)  # the list wide enough for a date, a platform and most of a title
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    def show_claims(self, claims: Sequence[Claim]) -> None:
        """List the claims; the one chosen stays chosen, and its message as the worker edited it."""
        self._claims = {claim.entry_id: claim for claim in claims}
        self.error.hide()
        chosen = self._shown
        self.list.blockSignals(True)
        self.list.clear()
        for claim in claims:
            when = format_date(claim.occurred_at)
            title = entry_title(claim.platform, claim.title)  # the message to the platform keeps what it wrote
            text = f"{when} · {self._platform_name(claim.platform)} · {title}\n{summary_words(claim)}"
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip(text))
            item.setData(Qt.ItemDataRole.UserRole, claim.entry_id)
            self.list.addItem(item)
            if claim.entry_id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not claims)
        if chosen not in self._claims:
            self._shown = ""
            if claims:
                self.list.setCurrentRow(0)
        self._show_chosen()

    def show_error(self, message: str) -> None:
        """Said until the next list of claims: what the worker did last was not saved."""
        self.error.setText(message)
        self.error.show()

    def _chosen(self) -> Claim | None:
        item = self.list.currentItem()
        return None if item is None else self._claims.get(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_chosen(self) -> None:
        claim = self._chosen()
        self.details.setEnabled(claim is not None)
        if claim is None:
            for field in (self.about, self.route):
                field.setText("")
            return
        self.about.setText(self._about(claim))
        self.route.setText(self._route_words(claim))
        self.open_form.setVisible(bool(claim.route))
        self.outcome.setCurrentIndex(_OUTCOMES.index(claim.outcome))
        if claim.entry_id != self._shown:  # a claim chosen anew: its message; the same one keeps her edits
            self._shown = claim.entry_id
            self.english.setPlainText(claim_message(claim, ClaimMessage(english=True)))
            if self.own is not None:
                self.own.setPlainText(claim_message(claim, ClaimMessage(english=False)))

    def _about(self, claim: Claim) -> str:
        lines = [summary_words(claim), self._deadline_words(claim)]
        if claim.outcome is ClaimOutcome.PAID and claim.outcome_at is not None:
            lines.append(self.tr("The platform paid it on {0}.").format(format_date(claim.outcome_at)))
        elif claim.sent_at is not None:
            lines.append(self.tr("You sent it on {0}.").format(format_date(claim.sent_at)))
        return "\n".join(lines)

    def _deadline_words(self, claim: Claim) -> str:
        """The platform's window to contest a rejection ends so long after it; anything else has no known
        deadline."""
        deadline = self._deadlines.get(claim.platform)
        if deadline is None or claim.kind is not ClaimKind.REJECTED:
            return self.tr("Deadline to claim: unknown.")
        return self.tr("Deadline to contest the rejection: {0}.").format(
            format_date(claim.status_at + deadline.within)
        )

    def _route_words(self, claim: Claim) -> str:
        name = self._platform_name(claim.platform)
        if claim.route:
            return self.tr("{0} gave a form to claim it: {1}").format(name, claim.route)
        documented = self._routes.get(claim.platform)
        if documented is not None:
            return translated(documented.words)
        return self.tr("How to claim on {0}: unknown.").format(name)

    def _open_route(self) -> None:
        claim = self._chosen()
        if claim is None or not openable(claim.route):
            return
        if not QDesktopServices.openUrl(QUrl(claim.route)):
            offer_link(claim.route, self)

    def _sent_clicked(self) -> None:
        claim = self._chosen()
        if claim is not None:
            self.sent.emit(claim.entry_id)

    def _outcome_chosen(self, index: int) -> None:
        claim = self._chosen()
        if claim is not None:
            self.ended.emit(claim.entry_id, _OUTCOMES[index])
