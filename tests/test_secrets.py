"""Secrets go to the keyring and nowhere else; with no usable keyring the worker is told so in words."""

from __future__ import annotations

import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from surveydesk.core.model import AccountKey
from surveydesk.secrets import KeyringSecrets, MemorySecrets, SecretsUnavailable
from tests.factories import DictKeyring

KEY = AccountKey("prolific", "main")


def test_secrets_round_trip_through_the_keyring_under_the_account_key():
    backend = DictKeyring()
    secrets = KeyringSecrets(backend)
    assert secrets.problem is None
    secrets.set(KEY, "token-123")
    assert backend.entries == {("SurveyDesk", "prolific/main"): "token-123"}
    assert secrets.get(KEY) == "token-123"
    secrets.delete(KEY)
    secrets.delete(KEY)  # forgetting twice is not an error
    assert secrets.get(KEY) is None


def test_no_usable_keyring_is_said_plainly_and_nothing_is_stored_elsewhere():
    secrets = KeyringSecrets(keyring.backends.fail.Keyring())
    assert "No system keyring is available" in secrets.problem
    with pytest.raises(SecretsUnavailable, match="keyring"):
        secrets.set(KEY, "token-123")
    with pytest.raises(SecretsUnavailable):
        secrets.get(KEY)


def test_a_locked_keyring_error_names_the_account_but_not_the_secret():
    class LockedKeyring(DictKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked(f"locked while storing {password}")

    with pytest.raises(SecretsUnavailable) as caught:
        KeyringSecrets(LockedKeyring()).set(KEY, "token-123")
    assert "prolific/main" in str(caught.value)
    assert "token-123" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_memory_secrets_hold_the_demo_tokens():
    secrets = MemorySecrets({KEY: "demo"})
    assert (secrets.problem, secrets.get(KEY)) == (None, "demo")
    secrets.delete(KEY)
    assert secrets.get(KEY) is None


def test_a_secret_kept_for_this_run_is_used_but_never_stored():
    from surveydesk.secrets import SecretsWithRunOnlyFallback

    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(keyring.backends.fail.Keyring()))
    assert secrets.problem is not None
    with pytest.raises(SecretsUnavailable):
        secrets.set(KEY, "token-123")
    secrets.keep_for_this_run(KEY, "token-123")
    assert secrets.get(KEY) == "token-123"
    secrets.delete(KEY)
    with pytest.raises(SecretsUnavailable):
        secrets.get(KEY)


def test_a_working_keyring_takes_over_from_the_run_only_copy():
    from surveydesk.secrets import SecretsWithRunOnlyFallback

    backend = DictKeyring()
    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(backend))
    secrets.keep_for_this_run(KEY, "old")
    secrets.set(KEY, "new")
    assert secrets.get(KEY) == "new" and backend.entries == {("SurveyDesk", "prolific/main"): "new"}
