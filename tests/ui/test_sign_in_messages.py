"""What a sign-in process and SurveyDesk say through its pipes: the request, and the reply read from the last line
of the child's output, whatever a library wrote there before it; a reply that cannot be read is None, and what it
held (maybe a session) is never quoted back."""

from __future__ import annotations

import pytest

from surveydesk.ui.sign_in_messages import KEEPER_PARENT, SignInOutcome, SignInReply, SignInRequest


def test_a_reply_with_the_session_comes_back_whole_after_what_else_was_written():
    sent = SignInReply(SignInOutcome.SIGNED_IN, 'session-token=a"b\nc; x=1')
    output = b"a library's line\n" + sent.line().encode()
    assert SignInReply.read(output) == sent
    assert "session-token" not in repr(sent)


@pytest.mark.parametrize(
    "output",
    [
        b"",
        b'{"outcome": "signed-in", "sess',  # killed half-way through its reply
        b'{"outcome": "signed-in"}\nthen something else\n',
        b'{"outcome": "maybe"}\n',
        b'{"outcome": "signed-in", "session": 42}\n',
        b'["signed-in"]\n',
        b"signed-in\n",  # the one word of the sign-in processes before
    ],
    ids=["nothing", "cut", "not-last", "unknown", "not-text", "not-object", "a-word"],
)
def test_a_reply_that_cannot_be_read_is_none(output: bytes):
    assert SignInReply.read(output) is None


def test_a_request_names_who_keeps_the_session():
    request = SignInRequest("toloka", "me", "fr", keeper=KEEPER_PARENT)
    assert SignInRequest.read(request.line().decode()) == request
    with pytest.raises(ValueError, match="who keeps the session"):
        SignInRequest.read('{"platform": "toloka", "account": "me", "language": "fr", "keeper": "a file"}')
