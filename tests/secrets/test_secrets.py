"""Secrets go to the keyring and nowhere else; with no usable keyring the worker is told so in words."""

from __future__ import annotations

import keyring.backend
import keyring.backends.fail
import keyring.backends.kwallet
import keyring.backends.null
import keyring.backends.SecretService
import keyring.errors
import pytest
from keyring.backends.chainer import ChainerBackend

from surveydesk.core.model import AccountKey
from surveydesk.secrets import KeyringSecrets, MemorySecrets, SecretsUnavailable, encrypts
from tests.factories import DictKeyring

KEY = AccountKey("prolific", "main")


def test_secrets_round_trip_through_the_keyring_under_the_account_key():
    backend = DictKeyring()
    secrets = KeyringSecrets(backend, trusted=True)
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
        KeyringSecrets(LockedKeyring(), trusted=True).set(KEY, "token-123")
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
    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(backend, trusted=True))
    secrets.keep_for_this_run(KEY, "old")
    secrets.set(KEY, "new")
    assert secrets.get(KEY) == "new" and backend.entries == {("SurveyDesk", "prolific/main"): "new"}


class PlaintextKeyring(DictKeyring):
    """A backend of a name nobody listed, that keeps logins readable (as keyrings.cryptfile's or a home-made
    one might): under the old deny-list it was trusted."""


def test_only_backends_known_to_encrypt_are_trusted():
    assert "No system keyring is available" in KeyringSecrets(PlaintextKeyring()).problem
    with pytest.raises(SecretsUnavailable):
        KeyringSecrets(PlaintextKeyring()).set(KEY, "token-123")
    assert encrypts(keyring.backends.SecretService.Keyring())
    assert encrypts(keyring.backends.kwallet.DBusKeyring())
    assert not encrypts(keyring.backends.null.Keyring())


def test_the_chainer_is_trusted_only_when_everything_it_chains_encrypts(monkeypatch):
    monkeypatch.setattr(ChainerBackend, "backends", [keyring.backends.SecretService.Keyring()])
    assert encrypts(ChainerBackend())
    monkeypatch.setattr(ChainerBackend, "backends", [keyring.backends.SecretService.Keyring(), PlaintextKeyring()])
    assert not encrypts(ChainerBackend())
    monkeypatch.setattr(ChainerBackend, "backends", [])
    assert not encrypts(ChainerBackend())
