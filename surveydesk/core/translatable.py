"""Words for the worker written by the pure layers (a rule's reason, a validation message, the keyring's notice),
kept translatable although those layers cannot import Qt.

Such a sentence is written `QT_TRANSLATE_NOOP(context, "English text with {0} places")`, with `.filled(...)`
for its values. lupdate reads that name in any Python file, so the English text lands in the .ts under its
context (a class name) like every `self.tr()` of the UI. What the marker returns is a `Sentence`: the English
text itself (a `str`, so logs, exceptions and tests read it as before) that also remembers its context, template
and values, so the UI can show it in the worker's language (ui/text.py `translated`), with amounts and numbers
written the language's way.
"""

from __future__ import annotations


class Sentence(str):
    """English words that remember how to be translated: `context`, `template` and the `values` filling it."""

    context: str
    template: str
    values: tuple[object, ...]

    def __new__(cls, context: str, template: str, values: tuple[object, ...] = ()) -> Sentence:
        english = template.format(*values) if values else template
        sentence = super().__new__(cls, english)
        sentence.context = context
        sentence.template = template
        sentence.values = values
        return sentence

    def filled(self, *values: object) -> Sentence:
        """The sentence with its {0}, {1}… places filled (in English now, in the worker's language when shown)."""
        return Sentence(self.context, self.template, values)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Sentence:
    """`text` as a Sentence of `context` (a class name: where the UI's translation looks it up)."""
    return Sentence(context, text)
